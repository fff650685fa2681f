/** First step: username and password. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type FormInstance } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import type { SignInStep } from '../../../shared/types';
import { useI18n } from '../../i18n';

export interface Credentials {
  username: string;
  password: string;
}

export function PasswordForm({
  form,
  onStep,
}: {
  form: FormInstance<Credentials>;
  onStep: (s: SignInStep, username: string) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      onStep(
        await api.post<SignInStep>('/api/auth/sign-in', { username: v.username.trim(), password: v.password }),
        v.username.trim(),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="signin-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />}
      <Form.Item
        name="username"
        label={t('signIn.username')}
        rules={[{ required: true, message: t('signIn.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="cc-username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('signIn.password')}
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="cc-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
