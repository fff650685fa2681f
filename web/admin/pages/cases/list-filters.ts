/**
 * The case lists' filters live in the URL query (`/admin/cases/all?overdue=1&state=received`), so a
 * link reproduces the list; the names are the server's (cases.schema CaseListFields).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Query } from '../../../shared/api';

export const FILTER_KEYS = [
  'q',
  'state',
  'category',
  'grid',
  'department',
  'from',
  'to',
  'overdue',
  'reporter',
  'sort',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ListFilters = Partial<Record<Exclude<FilterKey, 'state'>, string>> & { state?: string[] };

export function filtersFromParams(params: URLSearchParams): ListFilters {
  const out: ListFilters = {};
  for (const k of FILTER_KEYS) {
    if (k === 'state') {
      const states = params.getAll('state');
      if (states.length) out.state = states;
    } else {
      const v = params.get(k);
      if (v) out[k] = v;
    }
  }
  return out;
}

/** The URL's filters, a key that changes when they do, and a setter (other query fields, e.g. the tab, are kept). */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const key = JSON.stringify(filters);
  const update = useCallback(
    (patch: Query) => {
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          for (const [k, v] of Object.entries(patch)) {
            next.delete(k);
            if (Array.isArray(v)) for (const one of v) next.append(k, String(one));
            else if (v !== undefined && v !== null && v !== '') next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]))), [update]);
  return { filters, key, update, clear, params };
}
