/** 人员查询: one search box (name prefix, phone or ID number), masked results, a drawer with the household. */
import { Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { PeopleResult, Person } from '../../../shared/people';
import { ErrorAlert } from '../../components/ErrorResult';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ExportButtons } from '../../components/ExportButtons';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { genderKey, relationKey } from './labels';
import { PersonDrawer } from './PersonDrawer';

export function PeoplePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const roots = scopeRoots(me, site.county.code);
  const [scope, setScope] = useState<string>(roots[0]);
  const [result, setResult] = useState<PeopleResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Person | null>(null);

  const search = async (raw: string) => {
    const q = raw.trim();
    if (!q) {
      setResult(null);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setResult(await api.get<PeopleResult>('/api/people', { q, scope }));
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setLoading(false);
    }
  };

  const how = result ? t(`people.matched.${result.matchedBy}` as 'people.matched.name') : '';
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
          {result && (
            <Typography.Text type="secondary">
              {t('people.matchedBy', { how })} · {t('common.count', { n: result.people.length })}
            </Typography.Text>
          )}
        </Space>
        <ErrorAlert error={error} />
        {!result && !loading && !error ? (
          <Empty description={t('people.empty')} />
        ) : (
          <Table<Person>
            size="small"
            bordered
            rowKey="id"
            loading={loading}
            dataSource={result?.people ?? []}
            locale={{ emptyText: t('people.noResult') }}
            pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true }}
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
                render: (g: string) => {
                  const k = genderKey(g);
                  return k ? t(k) : g;
                },
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
                render: (r: string) => {
                  const k = relationKey(r);
                  return k ? t(k) : r;
                },
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
        )}
      </Card>
      <PersonDrawer person={open} onClose={() => setOpen(null)} />
    </>
  );
}
