/** Grant a role at a division: the person (searched by name or phone within scope), the division, the role and, for a department handler, the department. */
import { Alert, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { levelOfCode } from '../../../shared/divisions';
import { DivisionPicker } from '../../components/DivisionPicker';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { GranteeSelect } from './GranteeSelect';

interface Values {
  userId: string;
  scopeCode: string;
  role: string;
  departmentCode?: string;
}

interface Props {
  open: boolean;
  scope: string;
  onClose: () => void;
  onGranted: () => void;
}

export function GrantRoleModal({ open, scope, onClose, onGranted }: Props) {
  const { t, pick } = useI18n();
  const { roles, departments } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scopeCode = Form.useWatch('scopeCode', form);
  const role = Form.useWatch('role', form);

  const level = scopeCode ? levelOfCode(scopeCode) : null;
  const roleOptions = roles
    .filter((r) => r.grantable && (level === null || r.levels.includes(level)))
    .map((r) => ({ value: r.role, label: pick(r.zh, r.en) }));
  const departmentOptions = departments
    .filter((d) => !scopeCode || scopeCode.startsWith(d.scopeCode) || d.scopeCode.startsWith(scopeCode))
    .map((d) => ({ value: d.code, label: pick(d.name, d.nameEn) }));

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/role-assignments', {
        userId: v.userId,
        role: v.role,
        scopeCode: v.scopeCode,
        ...(v.role === 'department_handler' && v.departmentCode ? { departmentCode: v.departmentCode } : {}),
      });
      form.resetFields();
      onGranted();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('roles.grant')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('roles.grantOk')}
      width={560}
      forceRender
    >
      <Form form={form} layout="vertical">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="userId"
          label={t('roles.user')}
          extra={t('roles.userHint')}
          rules={[{ required: true, message: t('roles.userRequired') }]}
        >
          <GranteeSelect scope={scope} placeholder={t('roles.userPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="scopeCode"
          label={t('roles.division')}
          rules={[{ required: true, message: t('roles.divisionRequired') }]}
        >
          <DivisionPicker
            rootCodes={[scope]}
            placeholder={t('roles.divisionPlaceholder')}
            style={{ width: '100%' }}
            onChange={(code) => {
              form.setFieldsValue({ scopeCode: code, role: undefined });
            }}
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('col.role')}
          extra={level ? t('roles.levelHint', { level: t(`level.${level}` as 'level.3') }) : undefined}
          rules={[{ required: true, message: t('roles.roleRequired') }]}
        >
          <Select options={roleOptions} placeholder={t('roles.rolePlaceholder')} disabled={!scopeCode} />
        </Form.Item>
        {role === 'department_handler' && (
          <Form.Item
            name="departmentCode"
            label={t('col.department')}
            rules={[{ required: true, message: t('roles.departmentRequired') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={departmentOptions} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
