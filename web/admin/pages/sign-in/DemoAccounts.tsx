/** Demo only: the accounts to try; a click fills the form. Administrators' current TOTP codes refresh. */
import { Card, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useEffect } from 'react';
import { api } from '../../../shared/api';
import type { DemoInfo, DemoStaff } from '../../../shared/types';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t, pick } = useI18n();
  const demo = useLoad(() => api.get<DemoInfo>('/api/demo'), []);
  const { reload } = demo;
  useEffect(() => {
    const timer = setInterval(reload, 10_000);
    return () => clearInterval(timer);
  }, [reload]);
  const password = demo.data?.password ?? '';

  return (
    <Card
      size="small"
      className="cc-demo-accounts"
      title={
        <span>
          <Tag color="orange">{t('demo.tag')}</Tag>
          {t('demo.accounts')}
        </span>
      }
      extra={
        <Typography.Text type="secondary">
          {t('demo.password')}:{' '}
          <Typography.Text code copyable>
            {password}
          </Typography.Text>
        </Typography.Text>
      }
    >
      <Table<DemoStaff>
        size="small"
        rowKey="username"
        pagination={false}
        loading={demo.loading && !demo.data}
        dataSource={demo.data?.staff ?? []}
        onRow={(r) =>
          ({
            onClick: () => onPick(r.username, password),
            style: { cursor: 'pointer' },
            'data-username': r.username,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('signIn.username'),
            dataIndex: 'username',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: t('demo.name'), dataIndex: 'displayName' },
          { title: t('demo.role'), key: 'role', render: (_: unknown, r) => pick(r.roleLabel, r.roleLabelEn) },
          {
            title: t('demo.totp'),
            dataIndex: 'totpCode',
            render: (v?: string) =>
              v ? (
                <Typography.Text code data-testid="demo-totp">
                  {v}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('demo.clickHint')}
      </Typography.Text>
    </Card>
  );
}
