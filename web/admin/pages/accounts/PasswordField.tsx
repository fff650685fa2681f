/** A new-password input with the rules listed and ticked as they are met. */
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Form, Input, Space, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { checkPassword } from './passwordRules';

function Rule({ ok, text }: { ok: boolean; text: string }) {
  return (
    <Typography.Text type={ok ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
      {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {text}
    </Typography.Text>
  );
}

export function PasswordField({ name = 'password', label }: { name?: string; label: string }) {
  const { t } = useI18n();
  const value = Form.useWatch<string | undefined>(name) ?? '';
  const c = checkPassword(value);
  return (
    <Form.Item
      label={label}
      required
      extra={
        <Space orientation="vertical" size={0} style={{ marginTop: 4 }}>
          <Rule ok={c.length} text={t('password.ruleLength')} />
          <Rule ok={c.classes >= 3} text={t('password.ruleClasses', { n: c.classes })} />
        </Space>
      }
    >
      <Form.Item
        name={name}
        noStyle
        rules={[
          {
            validator: (_, v: string | undefined) =>
              checkPassword(v ?? '').ok ? Promise.resolve() : Promise.reject(new Error(t('password.weak'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Form.Item>
  );
}
