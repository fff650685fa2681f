/**
 * 大屏链接: read-only kiosk links of a place (POST /api/cockpit/screens), the URL shown once with a
 * copy button; the list with when each screen was last seen; revoke with a confirmation.
 */
import { App, Alert, Button, Card, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CreatedScreen as Created, ScreenItem } from '../../../../src/server/modules/cockpit/screens.schema';
import { api, errorMessage } from '../../../shared/api';
import { useLoad } from '../../../shared/useLoad';
import { DivisionPicker } from '../../components/DivisionPicker';
import { ErrorAlert } from '../../components/ErrorResult';
import { useI18n } from '../../i18n';

export function ScreensTab({ roots }: { roots: string[] }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ place: string; label: string }>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const list = useLoad(() => api.get<{ items: ScreenItem[] }>('/api/cockpit/screens'), []);
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : t('ck.never');

  const create = async (v: { place: string; label: string }) => {
    setBusy(true);
    try {
      const c = await api.post<Created>('/api/cockpit/screens', { place: v.place, label: v.label.trim() });
      setCreated(c);
      form.resetFields(['label']);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (s: ScreenItem) => {
    try {
      await api.delete(`/api/cockpit/screens/${encodeURIComponent(s.id)}`);
      message.success(t('ck.revokedOk'));
      if (created?.id === s.id) setCreated(null);
      list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const fullUrl = created ? new URL(created.url, window.location.origin).toString() : '';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('ck.bigScreen')}>
        <Typography.Paragraph className="cc-ck-muted">{t('ck.screensHint')}</Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={create} initialValues={{ place: roots[0] }}>
          <Form.Item
            name="place"
            label={t('ck.screenPlace')}
            rules={[{ required: true, message: t('ck.needPlaceLabel') }]}
          >
            <DivisionPicker rootCodes={roots} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="label"
            label={t('ck.screenLabel')}
            rules={[{ required: true, whitespace: true, max: 60, message: t('ck.needPlaceLabel') }]}
          >
            <Input
              placeholder={t('ck.screenLabelHint')}
              style={{ width: 240 }}
              maxLength={60}
              data-testid="screen-label"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="screen-create">
              {t('ck.createScreen')}
            </Button>
          </Form.Item>
        </Form>
        {created && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            closable
            onClose={() => setCreated(null)}
            title={`${t('ck.screenCreated')}：${created.label}（${created.place.name}）`}
            description={
              <>
                <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                  {t('ck.screenOnce')}
                </Typography.Paragraph>
                <Typography.Paragraph
                  code
                  copyable={{ text: fullUrl, tooltips: [t('ck.copy'), t('ck.copied')] }}
                  style={{ marginBottom: 8, wordBreak: 'break-all' }}
                  data-testid="screen-url"
                >
                  {fullUrl}
                </Typography.Paragraph>
                <Button href={fullUrl} target="_blank" rel="noreferrer">
                  {t('ck.open')}
                </Button>
              </>
            }
          />
        )}
      </Card>
      <Card size="small" title={t('ck.screens')}>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<ScreenItem>
          size="small"
          rowKey="id"
          loading={list.loading}
          pagination={false}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('ck.noScreens') }}
          onRow={(s) => ({ 'data-screen': s.label }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('ck.screenLabel'), dataIndex: 'label' },
            { title: t('ck.screenPlace'), render: (_, s) => s.place.name },
            { title: t('ck.createdAt'), dataIndex: 'createdAt', render: when },
            { title: t('ck.createdBy'), render: (_, s) => s.createdBy.name },
            { title: t('ck.lastSeen'), dataIndex: 'lastSeenAt', render: when },
            {
              title: t('ck.status'),
              render: (_, s) =>
                s.revokedAt ? (
                  <span className="cc-ck-muted">{t('ck.revoked')}</span>
                ) : (
                  <span className="cc-ck-active">● {t('ck.active')}</span>
                ),
            },
            {
              title: t('ck.actions'),
              align: 'right',
              render: (_, s) =>
                !s.revokedAt && (
                  <Popconfirm
                    title={t('ck.revokeConfirm', { label: s.label })}
                    okText={t('ck.revoke')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(s)}
                  >
                    <Button size="small" data-testid={`screen-revoke-${s.id}`}>
                      {t('ck.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
