/** A TreeSelect of divisions under some roots (e.g. the user's scopes), loading children on expand. */
import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { type Division, fetchChildren, fetchDivision, kindLabel } from '../../shared/divisions';
import { useI18n } from '../i18n';
import type { Lang } from '../../shared/i18n';

interface Option {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  division: Division;
}

const optionOf = (d: Division, lang: Lang, asRoot = false): Option => ({
  id: d.code,
  pId: asRoot ? null : d.parentCode,
  value: d.code,
  title: `${d.name}（${kindLabel(d.kind, lang)}）`,
  isLeaf: d.childCount === 0,
  division: d,
});

interface Props {
  rootCodes: string[];
  value?: string;
  onChange?: (code: string, division: Division | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  /** With it, a clear button that calls it. */
  onClear?: () => void;
  'data-testid'?: string;
}

export function DivisionPicker({
  rootCodes,
  value,
  onChange,
  placeholder,
  style,
  id,
  onClear,
  'data-testid': testId,
}: Props) {
  const { lang } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const toOption = (d: Division, asRoot = false) => optionOf(d, lang, asRoot);
  const rootsKey = [...new Set(rootCodes)].join(',');

  useEffect(() => {
    const codes = rootsKey ? rootsKey.split(',') : [];
    // Drop roots inside another root: the tree shows them anyway.
    const roots = codes.filter((c) => !codes.some((o) => o !== c && c.startsWith(o)));
    Promise.all(roots.map(fetchDivision)).then(
      (ds) => setOptions(ds.map((d) => toOption(d, true))),
      () => setOptions([]),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rootsKey, lang]);

  // a value below the roots (a town opened from a ranking) shows its name, not its code
  const loaded = options.length > 0;
  const known = options.some((o) => o.value === value);
  useEffect(() => {
    if (!value || known || !loaded) return;
    fetchDivision(value).then(
      (d) => setOptions((prev) => (prev.some((o) => o.value === d.code) ? prev : [...prev, optionOf(d, lang)])),
      () => undefined,
    );
  }, [value, known, loaded, lang]);

  const loadData = async (node: { value?: unknown }) => {
    const code = String(node.value);
    const children = await fetchChildren(code);
    setOptions((prev) => {
      const known = new Set(prev.map((o) => o.id));
      return [...prev, ...children.filter((c) => !known.has(c.code)).map((c) => toOption(c))];
    });
  };

  return (
    <TreeSelect
      id={id}
      showSearch
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={options}
      loadData={loadData}
      value={value}
      onChange={(v?: string) => (v ? onChange?.(v, options.find((o) => o.value === v)?.division) : onClear?.())}
      allowClear={onClear !== undefined}
      data-testid={testId}
      placeholder={placeholder}
      treeNodeFilterProp="title"
      style={{ minWidth: 260, ...style }}
      popupMatchSelectWidth={false}
      treeLine
    />
  );
}
