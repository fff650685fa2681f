/** Administrative divisions (行政区划) for both apps: loading, kind labels, levels from codes. */
import { api } from './api';
import type { Lang } from './i18n';

export type DivisionKind =
  | 'province'
  | 'city'
  | 'county'
  | 'street'
  | 'town'
  | 'township'
  | 'other_town'
  | 'residents_committee'
  | 'village_committee'
  | 'other_village';

export interface Division {
  code: string;
  name: string;
  kind: DivisionKind | string;
  level: number;
  parentCode: string | null;
  childCount: number;
}

const KIND_LABELS: Record<string, [zh: string, en: string]> = {
  province: ['省', 'Province'],
  city: ['市', 'City'],
  county: ['县（市、区）', 'County'],
  street: ['街道', 'Street'],
  town: ['镇', 'Town'],
  township: ['乡', 'Township'],
  other_town: ['开发区等', 'Other town-level area'],
  residents_committee: ['居委会（社区）', "Residents' committee"],
  village_committee: ['村委会', 'Village committee'],
  other_village: ['其他村级单位', 'Other village-level unit'],
};

export function kindLabel(kind: string, lang: Lang): string {
  const pair = KIND_LABELS[kind];
  if (!pair) return kind;
  return lang === 'en' ? pair[1] : pair[0];
}

/** Level from the statistical code: 2 digits province (1), 4 city (2), 6 county (3), 9 town (4), 12 village (5). */
export function levelOfCode(code: string): number {
  switch (code.length) {
    case 2:
      return 1;
    case 4:
      return 2;
    case 6:
      return 3;
    case 9:
      return 4;
    case 12:
      return 5;
    default:
      return 6;
  }
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
