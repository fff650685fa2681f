/** 短信发件箱: what the SMS gateway sent (system administrator); phones are masked by the server. */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { SmsRow } from '../../../shared/types';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

export function SmsOutboxPage() {
  const { t } = useI18n();
  const sms = usePaged((cursor) => api.get<Page<SmsRow>>('/api/sms-outbox', { cursor }), []);
  return (
    <>
      <PageTitle
        title={t('menu.smsOutbox')}
        hint={t('sms.hint')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={sms.reload}>
            {t('action.refresh')}
          </Button>
        }
      />
      <Card size="small">
        <ErrorAlert error={sms.error} onRetry={sms.reload} />
        <Table<SmsRow>
          size="small"
          bordered
          rowKey="id"
          loading={sms.loading}
          dataSource={sms.items}
          locale={{ emptyText: t('sms.empty') }}
          pagination={false}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 70 },
            { title: t('col.time'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
            {
              title: t('sms.phone'),
              dataIndex: 'phoneMasked',
              width: 140,
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            { title: t('sms.body'), dataIndex: 'body' },
            { title: t('sms.gateway'), dataIndex: 'gateway', width: 100, render: (g: string) => <Tag>{g}</Tag> },
          ]}
        />
        <LoadMore paged={sms} />
      </Card>
    </>
  );
}
