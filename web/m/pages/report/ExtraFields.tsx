/** A category's extra fields (typed, required or not) in the resident's report form. */
import { Form, Input, Selector, Switch } from 'antd-mobile';
import { type ExtraField, extraFieldLabel } from '../../../shared/cases';
import { useI18n } from '../../i18n';

interface Props {
  fields: readonly ExtraField[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

export function ExtraFields({ fields, values, onChange }: Props) {
  const { lang } = useI18n();
  const set = (key: string, v: unknown) => onChange({ ...values, [key]: v });
  return (
    <>
      {fields.map((f) => (
        <Form.Item
          key={f.key}
          label={extraFieldLabel(f, lang)}
          required={f.required && f.type !== 'boolean'}
          layout={f.type === 'boolean' ? 'horizontal' : undefined}
          childElementPosition={f.type === 'boolean' ? 'right' : undefined}
        >
          {f.type === 'boolean' ? (
            <Switch checked={values[f.key] === true} onChange={(v) => set(f.key, v)} data-testid={`m-extra-${f.key}`} />
          ) : f.type === 'enum' ? (
            <Selector
              options={(f.options ?? []).map((o) => ({ label: o, value: o }))}
              value={values[f.key] ? [String(values[f.key])] : []}
              onChange={(v) => set(f.key, v[0])}
              data-testid={`m-extra-${f.key}`}
            />
          ) : (
            <Input
              type={f.type === 'number' ? 'number' : 'text'}
              value={values[f.key] === undefined ? '' : String(values[f.key])}
              onChange={(v) => set(f.key, v)}
              maxLength={200}
              clearable
              data-testid={`m-extra-${f.key}`}
            />
          )}
        </Form.Item>
      ))}
    </>
  );
}
