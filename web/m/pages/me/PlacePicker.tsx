/** Pick my village or community: towns of the county, then the villages of a town; saved with PUT /api/me/place. */
import { DotLoading, ErrorBlock, List, NavBar, Popup, SearchBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import { type Division, fetchChildren, kindLabel } from '../../../shared/divisions';
import type { Me } from '../../../shared/types';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';

interface Props {
  visible: boolean;
  countyCode: string;
  onClose: () => void;
  onSaved: (me: Me) => void;
}

export function PlacePicker({ visible, countyCode, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const [town, setTown] = useState<Division | null>(null);
  const [q, setQ] = useState('');
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parent = town?.code ?? countyCode;
  const list = useLoad(() => (visible ? fetchChildren(parent) : Promise.resolve([] as Division[])), [parent, visible]);

  useEffect(() => {
    if (!visible) {
      setTown(null);
      setQ('');
      setError(null);
    }
  }, [visible]);

  const pick = async (d: Division) => {
    setError(null);
    if (!town) {
      setTown(d);
      setQ('');
      return;
    }
    setSaving(d.code);
    try {
      onSaved(await api.put<Me>('/api/me/place', { divisionCode: d.code }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };

  const items = (list.data ?? []).filter((d) => !q || d.name.includes(q));
  return (
    <Popup visible={visible} onMaskClick={onClose} position="bottom" bodyClassName="cc-m-picker" destroyOnClose>
      <NavBar
        onBack={
          town
            ? () => {
                setTown(null);
                setQ('');
              }
            : onClose
        }
        backIcon={town ? undefined : null}
        right={
          <span className="cc-m-link" onClick={onClose}>
            {t('action.cancel')}
          </span>
        }
      >
        {town ? town.name : t('place.pickTown')}
      </NavBar>
      <div className="cc-m-picker-hint">{town ? t('place.pickVillage') : t('place.pickTownHint')}</div>
      <SearchBar placeholder={t('place.search')} value={q} onChange={setQ} style={{ margin: '0 12px 8px' }} />
      {error && (
        <div className="cc-m-error" role="alert">
          {error}
        </div>
      )}
      <div className="cc-m-picker-list" data-testid="place-picker">
        {list.loading && (
          <div className="cc-m-center">
            <DotLoading color="primary" />
          </div>
        )}
        {list.error ? <ErrorBlock status="disconnected" description={errorMessage(list.error)} /> : null}
        {!list.loading && (
          <List>
            {items.map((d) => (
              <List.Item
                key={d.code}
                onClick={() => pick(d)}
                arrowIcon={!town}
                description={kindLabel(d.kind, lang)}
                extra={saving === d.code ? <DotLoading /> : town ? undefined : t('place.villages', { n: d.childCount })}
                data-code={d.code}
              >
                {d.name}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Popup>
  );
}
