/** A category's extra fields (typed, required or not) in the resident's report form. */
import { Input, Selector, Switch } from 'antd-mobile';
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
      {fields.map((f) => {
        const label = `${f.required && f.type !== 'boolean' ? '* ' : ''}${extraFieldLabel(f, lang)}`;
        return f.type === 'boolean' ? (
          <div key={f.key} className="cc-m-section cc-m-section-row">
            <span className="cc-m-section-label">{label}</span>
            <Switch checked={values[f.key] === true} onChange={(v) => set(f.key, v)} data-testid={`m-extra-${f.key}`} />
          </div>
        ) : (
          <div key={f.key} className="cc-m-section">
            <div className="cc-m-section-label">{label}</div>
            {f.type === 'enum' ? (
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
                aria-label={extraFieldLabel(f, lang)}
                data-testid={`m-extra-${f.key}`}
              />
            )}
          </div>
        );
      })}
    </>
  );
}
