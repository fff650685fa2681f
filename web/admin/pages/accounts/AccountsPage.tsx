/** 账号 accounts (system administrator): list, create, disable/enable, reset password, force sign-out. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { Account, Revoked } from '../../../shared/types';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CreateAccountModal } from './CreateAccountModal';
import { ResetPasswordModal } from './ResetPasswordModal';

export function AccountsPage() {
  const { t } = useI18n();
  const { me, roleLabel } = useSession();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const accounts = usePaged((cursor) => api.get<Page<Account>>('/api/accounts', { q, cursor }), [q]);

  const act = async (run: () => Promise<string>) => {
    try {
      message.success(await run());
      accounts.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const toggle = (a: Account) =>
    act(async () => {
      await api.post(`/api/accounts/${a.id}/${a.disabledAt ? 'enable' : 'disable'}`);
      return t(a.disabledAt ? 'accounts.enabled' : 'accounts.disabled', { name: a.displayName });
    });
  const revoke = (a: Account) =>
    act(async () => {
      const r = await api.post<Revoked>(`/api/users/${a.id}/revoke-sessions`);
      return t('accounts.revoked', { name: a.displayName, n: r?.revoked ?? 0 });
    });

  return (
    <>
      <PageTitle
        title={t('menu.accounts')}
        hint={t('accounts.hint')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('accounts.create')}
          </Button>
        }
      />
      <Card size="small">
        <Space style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('accounts.search')} onSearch={setQ} style={{ width: 280 }} />
        </Space>
        <ErrorAlert error={accounts.error} onRetry={accounts.reload} />
        <Table<Account>
          size="small"
          bordered
          rowKey="id"
          loading={accounts.loading}
          dataSource={accounts.items}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('col.username'),
              dataIndex: 'username',
              render: (v: string, a) => (
                <span>
                  <Typography.Text code>{v}</Typography.Text>
                  {a.isDemo && <Tag color="orange">{t('demo.tag')}</Tag>}
                </span>
              ),
            },
            { title: t('col.personName'), dataIndex: 'displayName' },
            {
              title: t('col.role'),
              dataIndex: 'roles',
              render: (rs: string[]) =>
                rs.length ? (
                  rs.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>)
                ) : (
                  <Typography.Text type="secondary">{t('accounts.noRoles')}</Typography.Text>
                ),
            },
            {
              title: t('accounts.totp'),
              dataIndex: 'totpEnabled',
              width: 90,
              render: (v: boolean) =>
                v ? <Tag color="green">{t('accounts.totpOn')}</Tag> : <Tag>{t('accounts.totpOff')}</Tag>,
            },
            {
              title: t('col.status'),
              dataIndex: 'disabledAt',
              width: 90,
              render: (v: string | null) =>
                v ? (
                  <Tag color="default">{t('accounts.statusDisabled')}</Tag>
                ) : (
                  <Tag color="blue">{t('accounts.statusActive')}</Tag>
                ),
            },
            { title: t('col.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
            {
              title: t('accounts.userId'),
              dataIndex: 'id',
              width: 120,
              render: (id: string) => (
                <Typography.Text copyable={{ text: id }} style={{ fontSize: 12 }}>
                  {id.slice(0, 8)}…
                </Typography.Text>
              ),
            },
            {
              title: t('col.actions'),
              key: 'actions',
              width: 220,
              fixed: 'right',
              render: (_: unknown, a) =>
                a.id === me.user.id ? (
                  <Typography.Text type="secondary">{t('accounts.self')}</Typography.Text>
                ) : (
                  <Space size={0} separator={<span className="cc-sep">|</span>}>
                    <Popconfirm
                      title={t(a.disabledAt ? 'accounts.enableConfirm' : 'accounts.disableConfirm', {
                        name: a.displayName,
                      })}
                      onConfirm={() => toggle(a)}
                    >
                      <Button type="link" size="small" danger={!a.disabledAt}>
                        {t(a.disabledAt ? 'accounts.enable' : 'accounts.disable')}
                      </Button>
                    </Popconfirm>
                    <Button type="link" size="small" onClick={() => setResetting(a)}>
                      {t('accounts.resetPassword')}
                    </Button>
                    <Popconfirm
                      title={t('accounts.revokeConfirm', { name: a.displayName })}
                      onConfirm={() => revoke(a)}
                    >
                      <Button type="link" size="small">
                        {t('accounts.revoke')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
        <LoadMore paged={accounts} />
      </Card>
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          message.success(t('accounts.createdOk'));
          accounts.reload();
        }}
      />
      <ResetPasswordModal
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          message.success(t('accounts.resetOk', { name: resetting?.displayName ?? '' }));
          setResetting(null);
        }}
      />
    </>
  );
}
