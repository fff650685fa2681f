/** The filter bar of a case list: search, state, category, place, department, period, overdue, sort, reporter. */
import { Button, Checkbox, DatePicker, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Query } from '../../../shared/api';
import { categoryName, STATE_COLORS, stateLabel } from '../../../shared/cases';
import { useCategories } from '../../../shared/categories';
import { useI18n } from '../../i18n';
import { DivisionPicker } from '../../components/DivisionPicker';
import { scopeRoots } from '../../components/scope';
import { useSession, useSite } from '../../session';
import type { ListFilters } from './list-filters';

const DAY = 'YYYY-MM-DD';

interface Props {
  filters: ListFilters;
  onChange: (patch: Query) => void;
  onClear: () => void;
}

export function CaseFilters({ filters, onChange, onClear }: Props) {
  const { t, lang } = useI18n();
  const { departments, me } = useSession();
  const site = useSite();
  const categories = useCategories();
  const day = (v: string | undefined) => (v ? dayjs(v, DAY) : null);
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="case-filters">
      <Input.Search
        key={`q:${filters.q ?? ''}`}
        allowClear
        defaultValue={filters.q}
        placeholder={t('list.search')}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="filter-q"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('case.state')}
        value={filters.state ?? []}
        options={Object.keys(STATE_COLORS).map((s) => ({ value: s, label: stateLabel(s, lang) }))}
        onChange={(v: string[]) => onChange({ state: v })}
        style={{ minWidth: 160 }}
        data-testid="filter-state"
      />
      <Select
        showSearch
        allowClear
        placeholder={t('case.category')}
        value={filters.category}
        optionFilterProp="label"
        options={categories.map((c) => ({ value: c.code, label: `${c.code} ${categoryName(c, lang)}` }))}
        onChange={(v?: string) => onChange({ category: v })}
        style={{ width: 200 }}
        data-testid="filter-category"
      />
      <DivisionPicker
        rootCodes={scopeRoots(me, site.county.code)}
        value={filters.grid}
        placeholder={t('list.grid')}
        onChange={(code) => onChange({ grid: code })}
        onClear={() => onChange({ grid: undefined })}
        style={{ minWidth: 200 }}
        data-testid="filter-grid"
      />
      <Select
        showSearch
        allowClear
        placeholder={t('list.department')}
        value={filters.department}
        optionFilterProp="label"
        options={departments.map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.name }))}
        onChange={(v?: string) => onChange({ department: v })}
        style={{ width: 180 }}
        data-testid="filter-department"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('list.from'), t('list.to')]}
        value={[day(filters.from), day(filters.to)]}
        onChange={(r) => onChange({ from: r?.[0]?.format(DAY), to: r?.[1]?.format(DAY) })}
        data-testid="filter-period"
      />
      <Checkbox
        checked={filters.overdue === '1'}
        onChange={(e) => onChange({ overdue: e.target.checked ? '1' : undefined })}
        data-testid="filter-overdue"
      >
        {t('list.overdue')}
      </Checkbox>
      <Select
        value={filters.sort ?? 'received'}
        options={[
          { value: 'received', label: t('list.sort.received') },
          { value: 'deadline', label: t('list.sort.deadline') },
        ]}
        onChange={(v: string) => onChange({ sort: v === 'received' ? undefined : v })}
        style={{ width: 220 }}
        data-testid="filter-sort"
      />
      {filters.reporter && (
        <Tag closable color="blue" onClose={() => onChange({ reporter: undefined })} data-testid="filter-reporter">
          {t('list.reporterSet')}
        </Tag>
      )}
      <Button onClick={onClear} data-testid="filter-clear">
        {t('list.clear')}
      </Button>
    </Space>
  );
}
