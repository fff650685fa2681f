/** 人员 staff directory: who holds a role within a division (the chosen one, or my own scope). */
import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { StaffRow } from '../../../shared/types';
import { useLoad } from '../../../shared/useLoad';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
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
  const staff = useLoad(() => api.get<StaffRow[]>('/api/staff', { scope }), [scope]);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const all = staff.data ?? [];
    return needle
      ? all.filter((r) => `${r.displayName} ${r.username} ${r.scopeName}`.toLowerCase().includes(needle))
      : all;
  }, [staff.data, q]);

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
          <Typography.Text type="secondary">{t('common.count', { n: rows.length })}</Typography.Text>
        </Space>
        <ErrorAlert error={staff.error} onRetry={staff.reload} />
        <Table<StaffRow>
          size="small"
          bordered
          rowKey="id"
          loading={staff.loading}
          dataSource={staff.error ? [] : rows}
          pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true }}
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
      </Card>
    </>
  );
}
