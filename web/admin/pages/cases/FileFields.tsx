/** Filing (立案): the category the case is filed under — the reporter's unless changed, which routes it again — and its extra fields. */
import { Form } from 'antd';
import type { CaseRow, CategoryFull, ExtraField } from '../../../shared/cases';
import { CategorySelect } from '../../components/CategorySelect';
import { ExtraFieldItems } from '../../components/ExtraFieldItems';
import { useI18n } from '../../i18n';

interface Props {
  c: CaseRow;
  categories: readonly CategoryFull[];
  /** The extra fields of the category currently chosen. */
  fields: readonly ExtraField[];
  changed: boolean;
}

export function FileFields({ c, categories, fields, changed }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="categoryCode"
        label={t('act.category')}
        rules={[{ required: true }]}
        extra={changed ? t('act.recategorised') : undefined}
      >
        <CategorySelect categories={categories} data-testid="file-category" placeholder={c.categoryCode} />
      </Form.Item>
      <ExtraFieldItems fields={fields} />
    </>
  );
}
