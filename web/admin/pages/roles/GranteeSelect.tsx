/**
 * The person a role goes to: searched on the server (GET /api/grantees) by part of a name or
 * username or by a whole phone, within the granter's scope; results come masked, a page at a
 * time (scrolling loads the next), and the server audits every search.
 */
import { Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../../shared/api';
import type { Grantee, GranteePage } from '../../../shared/types';
import { useI18n } from '../../i18n';

const PAGE = 20;
const DEBOUNCE_MS = 300;

interface Props {
  scope: string;
  value?: string;
  onChange?: (userId: string) => void;
  placeholder?: string;
}

interface Found {
  q: string;
  items: Grantee[];
  next: string | null;
}

export function GranteeSelect({ scope, value, onChange, placeholder }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The one picked stays an option when the search moves on, so the field keeps showing who it is.
  const [picked, setPicked] = useState<Grantee | null>(null);
  const asked = useRef(0);

  const load = async (text: string, cursor: string | null) => {
    const ticket = ++asked.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<GranteePage>('/api/grantees', { scope, q: text, limit: PAGE, cursor });
      if (ticket !== asked.current) return;
      setFound((prev) => ({
        q: text,
        items: cursor && prev ? [...prev.items, ...page.items] : page.items,
        next: page.next,
      }));
    } catch (e) {
      if (ticket === asked.current) setError(errorMessage(e));
    } finally {
      if (ticket === asked.current) setLoading(false);
    }
  };

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      asked.current++;
      setLoading(false);
      setError(null);
      return;
    }
    const timer = setTimeout(() => void load(text, null), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // biome-ignore lint/correctness/useExhaustiveDependencies: load reads scope, listed here
  }, [q, scope]);

  const shown = found?.items ?? [];
  const listed =
    picked && picked.userId === value && !shown.some((g) => g.userId === picked.userId) ? [picked, ...shown] : shown;
  const options = listed.map((g) => ({
    value: g.userId,
    label: [
      g.displayName,
      g.username ?? g.phoneMasked,
      g.homeName,
      g.kind === 'staff' ? t('roles.granteeStaff') : t('roles.granteeResident'),
    ]
      .filter(Boolean)
      .join(' · '),
  }));

  const empty = loading ? (
    <Spin size="small" />
  ) : error ? (
    <Typography.Text type="danger">{error}</Typography.Text>
  ) : q.trim() ? (
    t('roles.granteeNone')
  ) : (
    t('roles.granteeTypeToSearch')
  );

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(userId: string) => {
        setPicked(listed.find((g) => g.userId === userId) ?? null);
        onChange?.(userId);
      }}
      options={options}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={empty}
      data-testid="grantee-select"
      onPopupScroll={(e) => {
        const el = e.currentTarget;
        if (found?.next && !loading && el.scrollTop + el.clientHeight >= el.scrollHeight - 24)
          void load(found.q, found.next);
      }}
      popupRender={(menu) => (
        <>
          {menu}
          {found?.next && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              {t('roles.granteeMore')}
            </Typography.Text>
          )}
        </>
      )}
    />
  );
}
