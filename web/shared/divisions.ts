/** Administrative divisions (行政区划) for both apps: loading, kind labels, levels from codes. */
import { api } from './api';
import type { Lang } from './i18n';
import {
  DIVISION_KIND_LABELS,
  type DivisionKind,
  LEVEL_OF_CODE_LENGTH,
} from '../../src/server/modules/divisions/divisions.labels';
import type { Division } from '../../src/server/modules/divisions/divisions.schema';

export type { Division, DivisionKind };

/** What a kind of division is called (divisions.labels.ts, shared with the server). */
export function kindLabel(kind: string, lang: Lang): string {
  const pair = (DIVISION_KIND_LABELS as Record<string, { zh: string; en: string }>)[kind];
  if (!pair) return kind;
  return lang === 'en' ? pair.en : pair.zh;
}

/** Level from the statistical code: 2 digits province (1), 4 city (2), 6 county (3), 9 town (4), 12 village (5); below, grids (6). */
export function levelOfCode(code: string): number {
  return LEVEL_OF_CODE_LENGTH[code.length] ?? 6;
}

const childrenCache = new Map<string, Promise<Division[]>>();

export function fetchDivision(code: string): Promise<Division> {
  return api.get<Division>(`/api/divisions/${encodeURIComponent(code)}`);
}

/** Children of a division; cached for the page's lifetime since the tree changes rarely. */
export function fetchChildren(code: string): Promise<Division[]> {
  let p = childrenCache.get(code);
  if (!p) {
    p = api.get<Division[]>(`/api/divisions/${encodeURIComponent(code)}/children`);
    p.catch(() => childrenCache.delete(code));
    childrenCache.set(code, p);
  }
  return p;
}
