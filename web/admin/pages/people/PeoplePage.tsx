/** 人员查询: one search box (name prefix, phone or ID number), masked results, a drawer with the household. */
import { Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { genderLabel, type PeoplePage as Found, type Person, relationLabel } from '../../../shared/people';
import { usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ExportButtons } from '../../components/ExportButtons';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { PersonDrawer } from './PersonDrawer';

export function PeoplePage() {
  const { t, pick } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const roots = scopeRoots(me, site.county.code);
  const [scope, setScope] = useState<string>(roots[0]);
  const [q, setQ] = useState('');
  const [matchedBy, setMatchedBy] = useState<Found['matchedBy'] | null>(null);
  const [open, setOpen] = useState<Person | null>(null);
  // a page at a time; a new search text or place starts again from the first page
  const found = usePaged(
    async (cursor) => {
      if (!q) return { items: [], next: null, more: false };
      const page = await api.get<Found>('/api/people', { q, scope, cursor });
      setMatchedBy(page.matchedBy);
      return page;
    },
    [q, scope],
  );
  const searching = q !== '';
  const loading = searching && found.loading;
  const error = searching ? found.error : null;

  const search = (raw: string) => {
    const text = raw.trim();
    setMatchedBy(null);
    if (text === q) found.reload();
    else setQ(text);
  };

  const how = matchedBy ? t(`people.matched.${matchedBy}` as 'people.matched.name') : '';
  return (
    <>
      <PageTitle title={t('menu.people')} hint={t('people.hint')} extra={<ExportButtons scope={scope} />} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('people.scope')}</span>
          <DivisionPicker rootCodes={roots} value={scope} onChange={(c) => setScope(c)} style={{ width: 260 }} />
          <Input.Search
            allowClear
            enterButton={t('people.searchBtn')}
            placeholder={t('people.search')}
            onSearch={search}
            loading={loading}
            style={{ width: 380 }}
            data-testid="people-search"
            id="cc-people-q"
          />
          {searching && matchedBy && (
            <Typography.Text type="secondary">{t('people.matchedBy', { how })}</Typography.Text>
          )}
        </Space>
        <ErrorAlert error={error} />
        {!searching ? (
          <Empty description={t('people.empty')} />
        ) : (
          <>
            <Table<Person>
              size="small"
              bordered
              rowKey="id"
              loading={loading}
              dataSource={error ? [] : found.items}
              locale={{ emptyText: t('people.noResult') }}
              pagination={false}
              onRow={(p) => ({ onClick: () => setOpen(p), style: { cursor: 'pointer' } })}
              data-testid="people-table"
              scroll={{ x: 1000 }}
              columns={[
                {
                  title: t('people.name'),
                  dataIndex: 'name',
                  width: 110,
                  render: (n: string) => <Typography.Link>{n}</Typography.Link>,
                },
                {
                  title: t('people.gender'),
                  dataIndex: 'gender',
                  width: 64,
                  render: (g: string) => genderLabel(g, pick),
                },
                { title: t('people.birthDate'), dataIndex: 'birthDate', width: 110 },
                {
                  title: t('people.idNumber'),
                  dataIndex: 'idMasked',
                  width: 190,
                  render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
                },
                {
                  title: t('people.phone'),
                  dataIndex: 'phoneMasked',
                  width: 130,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('people.relation'),
                  dataIndex: 'relation',
                  width: 100,
                  render: (r: string) => relationLabel(r, pick),
                },
                {
                  title: t('people.party'),
                  dataIndex: 'partyMember',
                  width: 80,
                  render: (p: boolean) => (p ? <Tag color="red">{t('people.party')}</Tag> : ''),
                },
                { title: t('people.address'), dataIndex: 'address', ellipsis: true },
              ]}
            />
            <LoadMore paged={found} />
          </>
        )}
      </Card>
      <PersonDrawer person={open} onClose={() => setOpen(null)} />
    </>
  );
}
