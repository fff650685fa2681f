/**
 * The filters a cockpit figure's drill carries (`?scope=&from=&to=`, server: platform/drill.ts), read from
 * the URL as a list's initial filter and shown in controls the user can change or clear; a page passes
 * `query` to its list endpoint and lists `deps` among its reload keys.
 */
import { Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n';
import { useSession, useSite } from '../session';
import { DivisionPicker } from './DivisionPicker';
import { scopeRoots } from './scope';

const DAY = 'YYYY-MM-DD';
const KEYS = ['scope', 'from', 'to'] as const;
export interface DrillFilter {
  scope?: string;
  from?: string;
  to?: string;
}

/** The drill filter from the URL and a setter writing it back (other query fields kept). */
export function useDrillFilter() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const out: DrillFilter = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params]);
  const update = useCallback(
    (patch: DrillFilter) =>
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          for (const k of KEYS) {
            if (!(k in patch)) continue;
            const v = patch[k];
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filter, update, key: JSON.stringify(filter) };
}

/** The place and period controls of a drill filter, with a button clearing both. */
export function DrillFilterBar({
  filter,
  onChange,
  period = true,
}: {
  filter: DrillFilter;
  onChange: (patch: DrillFilter) => void;
  /** false: the list has no period (the place only) */
  period?: boolean;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const site = useSite();
  const day = (v: string | undefined) => (v ? dayjs(v, DAY) : null);
  const any = Boolean(filter.scope || filter.from || filter.to);
  return (
    <Space wrap data-testid="drill-filter">
      <DivisionPicker
        id="drill-scope"
        rootCodes={scopeRoots(me, site.county.code)}
        value={filter.scope}
        onChange={(code) => onChange({ scope: code })}
        placeholder={t('drill.scope')}
        style={{ width: 240 }}
      />
      {period && (
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('drill.from'), t('drill.to')]}
          value={[day(filter.from), day(filter.to)]}
          onChange={(r) => onChange({ from: r?.[0]?.format(DAY), to: r?.[1]?.format(DAY) })}
          data-testid="drill-period"
        />
      )}
      {any && (
        <Button
          onClick={() => onChange({ scope: undefined, from: undefined, to: undefined })}
          data-testid="drill-clear"
        >
          {t('drill.clear')}
        </Button>
      )}
    </Space>
  );
}
