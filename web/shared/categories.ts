/** The category tree (cached for the page's lifetime) and the department-line suggestion, for both apps. */
import { useEffect, useState } from 'react';
import { api } from './api';
import type { Category, Suggestion } from './cases';

let cache: Promise<Category[]> | null = null;

export function fetchCategories(): Promise<Category[]> {
  if (!cache) {
    cache = api.get<Category[]>('/api/categories');
    cache.catch(() => { cache = null; });
  }
  return cache;
}

export function useCategories(): Category[] {
  const [list, setList] = useState<Category[]>([]);
  useEffect(() => { fetchCategories().then(setList, () => setList([])); }, []);
  return list;
}

/** The classifier's top department line for a text, debounced; null while typing, when short or on error. */
export function useSuggestion(text: string, delayMs = 600): Suggestion | null {
  const [s, setS] = useState<Suggestion | null>(null);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed.length < 4) { setS(null); return; }
    let live = true;
    const timer = setTimeout(() => {
      api.post<Suggestion[]>('/api/classify', { text: trimmed, k: 3 })
        .then((r) => { if (live) setS(r[0] ?? null); }, () => { if (live) setS(null); });
    }, delayMs);
    return () => { live = false; clearTimeout(timer); };
  }, [text, delayMs]);
  return s;
}
