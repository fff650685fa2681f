/** Create a staff account: username, display name, initial password (roles are granted by the security admin). */
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { useI18n } from '../../i18n';
import { PasswordField } from './PasswordField';

interface Values {
  username: string;
  displayName: string;
  password: string;
}

export function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/accounts', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
      });
      form.resetFields();
      onCreated();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('accounts.createOk')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="username"
          label={t('col.username')}
          rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: t('accounts.usernameRule') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('col.personName')} rules={[{ required: true, max: 64 }]}>
          <Input />
        </Form.Item>
        <PasswordField label={t('accounts.initialPassword')} />
        <Alert type="info" showIcon title={t('accounts.rolesHint')} />
      </Form>
    </Modal>
  );
}
