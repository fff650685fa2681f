/**
 * 兑换核销: the pickup desk. Staff scan the resident's pickup QR with the camera (PickupScanner) or type
 * the 6-digit code; the server
 * confirms the reservation (hold → shop). Unknown codes count against the desk and lock it after too many.
 */
import { CheckCircleOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { type ApiErrorCode, api, ApiError, errorMessage } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import type { Redemption } from '../../../shared/points';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { PickupScanner } from './PickupScanner';

const CODE = /^([0-9]{6}|cocreate:points:pickup:[0-9a-f-]{36}:[0-9]{6})$/;
type Outcome = { ok: Redemption } | { error: string; code: ApiErrorCode };

export function PickupPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Redemption[]>([]);

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      const r = await api.post<Redemption>('/api/points/console/pickup', { code: code.trim() });
      setOutcome({ ok: r });
      setDone((d) => [r, ...d].slice(0, 20));
      form.resetFields();
    } catch (e) {
      setOutcome({ error: errorMessage(e), code: e instanceof ApiError ? e.code : 'http_error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={t('menu.pointsPickup')} hint={t('pts.pickupHint')} />
      <Card size="small" style={{ maxWidth: 640 }}>
        <PickupScanner
          onCode={(text) => {
            form.setFieldsValue({ code: text.trim() });
            form.submit();
          }}
        />
        <Form form={form} layout="vertical" onFinish={submit} data-testid="pts-pickup-form">
          <Form.Item
            name="code"
            label={t('pts.pickupCode')}
            normalize={(v: string) => v.trim()}
            rules={[{ required: true, pattern: CODE, message: t('pts.pickupCodeRule') }]}
          >
            <Input
              size="large"
              prefix={<ScanOutlined />}
              placeholder={t('pts.pickupPlaceholder')}
              autoFocus
              allowClear
              id="pts-pickup-code"
              autoComplete="off"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={busy}
            icon={<CheckCircleOutlined />}
            data-testid="pts-pickup-submit"
          >
            {t('pts.pickupConfirm')}
          </Button>
        </Form>
        {outcome && 'ok' in outcome && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 16 }}
            data-testid="pts-pickup-ok"
            title={t('pts.pickupOk', { item: outcome.ok.itemName, n: outcome.ok.quantity, points: outcome.ok.points })}
            description={`${outcome.ok.userName} · ${formatDateTime(outcome.ok.closedAt)}`}
          />
        )}
        {outcome && 'error' in outcome && (
          <Alert
            type={outcome.code === 'pickup_desk_locked' ? 'error' : 'warning'}
            showIcon
            style={{ marginTop: 16 }}
            data-testid="pts-pickup-error"
            data-code={outcome.code}
            title={outcome.error}
          />
        )}
      </Card>
      {done.length > 0 && (
        <Card size="small" style={{ maxWidth: 640, marginTop: 16 }}>
          <List
            size="small"
            dataSource={done}
            renderItem={(r) => (
              <List.Item>
                <Typography.Text>
                  {r.userName} · {r.itemName} × {r.quantity}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {r.points} · {formatDateTime(r.closedAt)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
