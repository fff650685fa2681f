/** A resident picked from the population register by name (the people search). */
import { App, Select } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../../src/server/modules/organisation/organisation.schema';
import { api, errorMessage } from '../../../shared/api';
import type { Page } from '../../../shared/usePaged';
import { useI18n } from '../../i18n';

export function PersonPicker(props: { value?: string[]; onChange?: (v: string[]) => void; multiple?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [people, setPeople] = useState<Person[]>([]);
  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      const found = (await api.get<Page<Person>>('/api/people', { q: q.trim(), limit: 20 })).items;
      setPeople((old) => [...old.filter((p) => props.value?.includes(p.id)), ...found]);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Select
      mode={props.multiple ? 'multiple' : undefined}
      showSearch
      filterOption={false}
      onSearch={(q) => void search(q)}
      placeholder={t('cov.search')}
      value={props.multiple ? props.value : props.value?.[0]}
      onChange={(v: string | string[]) => props.onChange?.(Array.isArray(v) ? v : [v])}
      options={people.map((p) => ({ value: p.id, label: `${p.name} · ${p.address}` }))}
    />
  );
}
