/** Last step after a one-time password (set by the system administrator): the owner chooses a new one. */
import { Alert, Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { PasswordField } from '../accounts/PasswordField';

interface Props {
  username: string;
  onDone: () => void;
  onBack: () => void;
}

export function NewPasswordForm({ username, onDone, onBack }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { newPassword });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="new-password-form">
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="new-password-error" />
      )}
      <Typography.Paragraph>{t('signIn.newPasswordIntro', { username })}</Typography.Paragraph>
      <PasswordField name="newPassword" label={t('signIn.newPassword')} />
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="new-password-submit">
          {t('signIn.newPasswordSubmit')}
        </Button>
        <Button onClick={onBack}>{t('totp.back')}</Button>
      </Space>
    </Form>
  );
}
