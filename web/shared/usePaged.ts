/**
 * A paged list (the server's keyset `Page<T>`): loads the first page, then more on demand
 * (a "加载更多" button in the console, infinite scroll in the resident app). Changing `deps`
 * (filters) starts again from the first page; stale answers are dropped.
 */
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../src/server/platform/page';

export type { Page };

export interface Paged<T> {
  items: T[];
  /** rows remain after the loaded ones */
  more: boolean;
  loading: boolean;
  error: unknown;
  /** loads the next page (no-op while loading or when nothing remains) */
  loadMore: () => Promise<void>;
  /** starts again from the first page */
  reload: () => void;
}

export function usePaged<T>(load: (cursor: string | undefined) => Promise<Page<T>>, deps: DependencyList): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const busy = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (cursor: string | undefined, append: boolean) => {
    const mine = ++seq.current;
    busy.current = true;
    setLoading(true);
    try {
      const page = await loadRef.current(cursor);
      if (mine !== seq.current) return;
      setItems((old) => (append ? [...old, ...page.items] : page.items));
      setNext(page.next);
      setMore(page.more);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when the list starts again
  useEffect(() => {
    void fetchPage(undefined, false);
  }, [...deps, tick]);

  const loadMore = useCallback(async () => {
    if (busy.current || !more || !next) return;
    await fetchPage(next, true);
  }, [fetchPage, more, next]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { items, more, loading, error, loadMore, reload };
}
