/** 角色 role assignments (security administrator): who holds which role where; grant and revoke. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { StaffRow } from '../../../shared/types';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { scopeRoots } from '../../components/scope';
import { useI18n } from '../../i18n';
import { useSession, useSite } from '../../session';
import { GrantRoleModal } from './GrantRoleModal';
import { PasswordResetsCard } from './PasswordResetsCard';

export function RolesPage() {
  const { t, pick } = useI18n();
  const { me, roles, roleLabel, departmentName, can } = useSession();
  const site = useSite();
  const { message } = App.useApp();
  const [role, setRole] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [granting, setGranting] = useState(false);
  // The page is the security administrator's, whose account holds that one role (三员分立): its widest place.
  const scope = scopeRoots(me, site.county.code)[0];
  // filtered on the server, a page at a time
  const staff = usePaged(
    (cursor) => api.get<Page<StaffRow>>('/api/staff', { scope, role, q: q.trim() || undefined, cursor }),
    [scope, role, q],
  );

  const revoke = async (r: StaffRow) => {
    try {
      await api.delete(`/api/role-assignments/${r.id}`);
      message.success(t('roles.revoked', { name: r.displayName, role: roleLabel(r.role) }));
      staff.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle
        title={t('menu.roles')}
        hint={t('roles.hint')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)}>
            {t('roles.grant')}
          </Button>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('roles.filterRole')}
            value={role}
            onChange={setRole}
            style={{ width: 200 }}
            options={roles.map((r) => ({ value: r.role, label: pick(r.zh, r.en) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('roles.search')}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 260 }}
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
            {
              title: t('col.personName'),
              dataIndex: 'displayName',
              render: (n: string, r) => (
                <span>
                  {n} {r.username && <Typography.Text type="secondary">({r.username})</Typography.Text>}
                </span>
              ),
            },
            { title: t('col.role'), dataIndex: 'role', render: (x: string) => <Tag color="red">{roleLabel(x)}</Tag> },
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
            { title: t('col.grantedAt'), dataIndex: 'grantedAt', width: 160, render: formatDateTime },
            {
              title: t('col.actions'),
              key: 'actions',
              width: 90,
              render: (_: unknown, r) =>
                r.userId === me.user.id ? (
                  <Typography.Text type="secondary">{t('accounts.self')}</Typography.Text>
                ) : (
                  <Popconfirm
                    title={t('roles.revokeConfirm', {
                      name: r.displayName,
                      role: roleLabel(r.role),
                      scope: r.scopeName,
                    })}
                    onConfirm={() => revoke(r)}
                  >
                    <Button type="link" size="small" danger>
                      {t('roles.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
        <LoadMore paged={staff} />
      </Card>
      {can('password_resets.read') && <PasswordResetsCard />}
      <GrantRoleModal
        open={granting}
        scope={scope}
        onClose={() => setGranting(false)}
        onGranted={() => {
          setGranting(false);
          message.success(t('roles.granted'));
          staff.reload();
        }}
      />
    </>
  );
}
