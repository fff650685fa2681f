/** Second step: the 6-digit TOTP code; for a first sign-in of an administrator, enrolment with a QR code. */
import { Alert, Button, Form, Input, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import type { SignInStep, TotpDone } from '../../../shared/types';
import { useI18n } from '../../i18n';

interface Props {
  step: SignInStep;
  username: string;
  /** After the code: signed in, or one more step (a new password) when the password was one-time. */
  onDone: (next: 'active' | 'password_change') => void;
  onBack: () => void;
}

export function TotpForm({ step, username, onDone, onBack }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const enrol = step.stage === 'totp_enroll';

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<TotpDone>('/api/auth/totp', { code: code.trim() });
      onDone(r.stage);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false} data-testid="totp-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="totp-error" />}
      <Typography.Paragraph>{t(enrol ? 'totp.enrolIntro' : 'totp.intro', { username })}</Typography.Paragraph>
      {enrol && step.otpauthUrl && (
        <Space align="start" size={16} style={{ marginBottom: 16 }}>
          <QRCode value={step.otpauthUrl} size={148} bordered />
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">{t('totp.secret')}</Typography.Text>
            <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
              {step.secret}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('totp.url')}</Typography.Text>
            <Typography.Paragraph copyable={{ text: step.otpauthUrl }} ellipsis={{ rows: 2 }} style={{ fontSize: 12 }}>
              {step.otpauthUrl}
            </Typography.Paragraph>
          </div>
        </Space>
      )}
      <Form.Item
        name="code"
        label={t(enrol ? 'totp.firstCode' : 'totp.code')}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}
      >
        <Input
          inputMode="numeric"
          maxLength={6}
          autoComplete="one-time-code"
          autoFocus
          id="cc-totp"
          placeholder="000000"
          style={{ letterSpacing: 6, fontSize: 18 }}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-submit">
          {t(enrol ? 'totp.enrolSubmit' : 'totp.submit')}
        </Button>
        <Button onClick={onBack}>{t('totp.back')}</Button>
      </Space>
    </Form>
  );
}
