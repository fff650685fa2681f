/** Set a one-time password for an account (the user's sessions end on the server; they choose their own at the next sign-in). */
import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import type { Account } from '../../../shared/types';
import { useI18n } from '../../i18n';
import { PasswordField } from './PasswordField';

export function ResetPasswordModal({
  account,
  onClose,
  onDone,
}: {
  account: Account | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!account) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/accounts/${account.id}/password`, { password: v.password });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!account}
      title={t('accounts.resetTitle', { name: account?.displayName ?? '' })}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Alert type="info" showIcon title={t('accounts.resetOneTime')} style={{ marginBottom: 12 }} />
        <PasswordField label={t('accounts.newPassword')} />
      </Form>
    </Modal>
  );
}
