/** A category's extra fields (typed, required or not) as form items under `extra.<key>`. */
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { type ExtraField, extraFieldLabel } from '../../shared/cases';
import { useI18n } from '../i18n';

export function ExtraFieldItems({ fields }: { fields: readonly ExtraField[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      {fields.map((f) => {
        const label = extraFieldLabel(f, lang);
        const rules =
          f.required && f.type !== 'boolean'
            ? [{ required: true, message: t('report.extraRequired', { field: label }) }]
            : [];
        return (
          <Form.Item
            key={f.key}
            name={['extra', f.key]}
            label={label}
            rules={rules}
            valuePropName={f.type === 'boolean' ? 'checked' : 'value'}
            data-testid={`extra-${f.key}`}
          >
            {f.type === 'number' ? (
              <InputNumber style={{ width: 200 }} />
            ) : f.type === 'boolean' ? (
              <Switch />
            ) : f.type === 'enum' ? (
              <Select
                options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
                style={{ maxWidth: 320 }}
                allowClear
              />
            ) : (
              <Input maxLength={200} />
            )}
          </Form.Item>
        );
      })}
    </>
  );
}
