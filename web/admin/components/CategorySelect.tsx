/** A category picker searching names and synonyms, each option with its major class; the chosen one stays listed. */
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { type Category, categoryName, searchCategories } from '../../shared/cases';
import { useI18n } from '../i18n';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'> & { categories: readonly Category[] };

export function CategorySelect({ categories, value, ...rest }: Props) {
  const { lang } = useI18n();
  const [q, setQ] = useState('');
  const majors = useMemo(
    () => new Map(categories.filter((c) => c.kind === 'major').map((c) => [c.code, c])),
    [categories],
  );
  const options = useMemo(() => {
    const found = searchCategories(categories, q).slice(0, 80);
    const selected = categories.find((c) => c.code === value);
    const list = selected && !found.includes(selected) ? [selected, ...found] : found; // a pre-selected category stays visible
    return list.map((c) => ({
      value: c.code,
      label: `${categoryName(c, lang)} · ${categoryName(majors.get(c.parentCode ?? ''), lang, c.parentCode ?? '')}`,
    }));
  }, [categories, q, lang, majors, value]);
  return <Select {...rest} value={value} showSearch={{ filterOption: false, onSearch: setQ }} options={options} />;
}
