/** Grant a role at a division: the user (from the list, or a typed user ID), the division, the role and, for a department handler, the department. */
import { Alert, Form, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { levelOfCode } from '../../../shared/divisions';
import type { StaffRow } from '../../../shared/types';
import { DivisionPicker } from '../../components/DivisionPicker';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

interface Values {
  userId: string;
  scopeCode: string;
  role: string;
  departmentCode?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Props {
  open: boolean;
  scope: string;
  staff: StaffRow[];
  onClose: () => void;
  onGranted: () => void;
}

export function GrantRoleModal({ open, scope, staff, onClose, onGranted }: Props) {
  const { t, pick } = useI18n();
  const { roles, departments } = useSession();
  const [form] = Form.useForm<Values>();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scopeCode = Form.useWatch('scopeCode', form);
  const role = Form.useWatch('role', form);

  const users = useMemo(() => {
    const seen = new Map<string, { value: string; label: string }>();
    for (const s of staff)
      if (!seen.has(s.userId))
        seen.set(s.userId, {
          value: s.userId,
          label: s.username ? `${s.displayName}（${s.username}）` : s.displayName,
        });
    const list = [...seen.values()];
    if (UUID.test(typed.trim()) && !seen.has(typed.trim()))
      list.unshift({ value: typed.trim(), label: t('roles.typedUser', { id: typed.trim() }) });
    return list;
  }, [staff, typed, t]);

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
          <Select
            showSearch={{
              filterOption: (input, o) =>
                String(o?.label ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase()) || UUID.test(input.trim()),
            }}
            options={users}
            onSearch={setTyped}
            placeholder={t('roles.userPlaceholder')}
          />
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
