/**
 * A text area under its own visible label. antd-mobile's Form.Item only ties its label to a named
 * field, and an aria-label given to TextArea lands on its wrapping div (axe: aria-prohibited-attr,
 * and the textarea stays unnamed); here the label wraps the textarea, which names it.
 */
import { Form, TextArea, type TextAreaProps } from 'antd-mobile';

export function LabelledTextArea({ label, ...rest }: TextAreaProps & { label: string }) {
  return (
    <Form.Item>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: TextArea renders the <textarea> this label wraps */}
      <label className="cc-m-field">
        <span className="adm-form-item-label">{label}</span>
        <TextArea {...rest} />
      </label>
    </Form.Item>
  );
}
