/** The category tree (cached for the page's lifetime) and the department-line suggestion, for both apps. */
import { useEffect, useRef, useState } from 'react';
import { api } from './api';
import type { Classified } from '../../src/server/modules/classifier/classifier.schema';
import type { CategoryFull, Suggestion } from './cases';

let cache: Promise<CategoryFull[]> | null = null;

/** Every active category with its time limits and extra fields (the server's own definitions). */
export function fetchCategories(): Promise<CategoryFull[]> {
  if (!cache) {
    cache = api.get<CategoryFull[]>('/api/categories');
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

/** Drops the cached tree (after a category is edited or added), so the next reader fetches it again. */
export function forgetCategories(): void {
  cache = null;
}

export function useCategories(): CategoryFull[] {
  const [list, setList] = useState<CategoryFull[]>([]);
  useEffect(() => {
    fetchCategories().then(setList, () => setList([]));
  }, []);
  return list;
}

/**
 * The classifier's top department line for a text (debounced; null while typing, when short or on
 * error), with the county category model's top category when the county has trained one.
 */
export function useSuggestion(text: string, delayMs = 600): Suggestion | null {
  const [s, setS] = useState<Suggestion | null>(null);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed.length < 4) {
      setS(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.post<Classified>('/api/classify', { text: trimmed, k: 3, withCategories: true }).then(
        (r) => {
          if (live) setS(r.labels[0] ? { ...r.labels[0], topCategory: r.categories?.[0] ?? null } : null);
        },
        () => {
          if (live) setS(null);
        },
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, delayMs]);
  return s;
}

/**
 * Pre-selects the suggested category once, while the reporter has not chosen one; any choice of
 * their own wins from then on. Returns the function to call when the reporter picks a category.
 */
export function usePreselectCategory(
  suggestion: Suggestion | null,
  current: string | null | undefined,
  select: (code: string) => void,
): () => void {
  const chosen = useRef(false);
  useEffect(() => {
    const code = suggestion?.topCategory?.code;
    if (code && !current && !chosen.current) select(code);
  }, [suggestion, current, select]);
  return () => {
    chosen.current = true;
  };
}
