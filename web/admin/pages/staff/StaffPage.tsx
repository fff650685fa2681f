/** 人员 staff directory: who holds a role within a division (the chosen one, or my own scope). */
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { StaffRow } from '../../../shared/types';
import { type Page, usePaged } from '../../../shared/usePaged';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';

export function StaffPage() {
  const { t } = useI18n();
  const { me, roleLabel, departmentName } = useSession();
  const site = useSite();
  const [params, setParams] = useSearchParams();
  const myScopes = me.grants.map((g) => g.scopeCode);
  const scope = params.get('scope') ?? myScopes[0] ?? site.county.code;
  const [q, setQ] = useState('');
  // filtered on the server, a page at a time
  const staff = usePaged(
    (cursor) => api.get<Page<StaffRow>>('/api/staff', { scope, q: q.trim() || undefined, cursor }),
    [scope, q],
  );

  return (
    <>
      <PageTitle title={t('menu.staff')} hint={t('staff.hint')} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('staff.scope')}</span>
          <DivisionPicker
            rootCodes={myScopes.length ? myScopes : [site.county.code]}
            value={scope}
            onChange={(c) => setParams({ scope: c })}
          />
          <Input.Search
            allowClear
            placeholder={t('staff.search')}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240 }}
          />
        </Space>
        <ErrorAlert error={staff.error} onRetry={staff.reload} />
        <Table<StaffRow>
          size="small"
          bordered
          rowKey="id"
          loading={staff.loading}
          dataSource={staff.error ? [] : staff.items}
          pagination={false}
          columns={[
            { title: t('col.personName'), dataIndex: 'displayName' },
            {
              title: t('col.username'),
              dataIndex: 'username',
              render: (v: string) =>
                v ? (
                  <Typography.Text code>{v}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('staff.resident')}</Typography.Text>
                ),
            },
            { title: t('col.role'), dataIndex: 'role', render: (r: string) => <Tag>{roleLabel(r)}</Tag> },
            {
              title: t('col.scope'),
              dataIndex: 'scopeName',
              render: (n: string, r) => (
                <span>
                  {n} <Typography.Text type="secondary">{r.scopeCode}</Typography.Text>
                </span>
              ),
            },
            {
              title: t('col.department'),
              dataIndex: 'departmentCode',
              render: (c: string | null) => departmentName(c) || '—',
            },
            { title: t('col.grantedAt'), dataIndex: 'grantedAt', width: 170, render: formatDateTime },
          ]}
        />
        <LoadMore paged={staff} />
      </Card>
    </>
  );
}
