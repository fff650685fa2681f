/** The security administrator's view of password resets done by the system administrator (三员分立). */
import { Card, Table, Tag, Typography } from 'antd';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { PasswordReset } from '../../../shared/types';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { useI18n } from '../../i18n';

export function PasswordResetsCard() {
  const { t } = useI18n();
  const resets = usePaged((cursor) => api.get<Page<PasswordReset>>('/api/password-resets', { cursor }), []);
  return (
    <Card
      size="small"
      title={t('resets.title')}
      extra={<Typography.Text type="secondary">{t('resets.hint')}</Typography.Text>}
      style={{ marginTop: 16 }}
      data-testid="password-resets"
    >
      <ErrorAlert error={resets.error} onRetry={resets.reload} />
      <Table<PasswordReset>
        size="small"
        bordered
        rowKey="id"
        loading={resets.loading}
        dataSource={resets.items}
        pagination={false}
        columns={[
          {
            title: t('resets.account'),
            dataIndex: 'displayName',
            render: (n: string, r) => (
              <span>
                {n} <Typography.Text type="secondary">({r.username})</Typography.Text>
              </span>
            ),
          },
          { title: t('resets.by'), dataIndex: 'resetBy' },
          { title: t('resets.at'), dataIndex: 'resetAt', width: 170, render: formatDateTime },
          {
            title: t('resets.status'),
            dataIndex: 'changedAt',
            width: 220,
            render: (c: string | null) =>
              c ? (
                <Tag color="green">
                  {t('resets.changed')} · {formatDateTime(c)}
                </Tag>
              ) : (
                <Tag color="orange">{t('resets.pending')}</Tag>
              ),
          },
        ]}
      />
      <LoadMore paged={resets} />
    </Card>
  );
}
