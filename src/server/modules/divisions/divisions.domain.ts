/**
 * 统计用区划代码 (national statistical division codes, 2023 edition). Pure rules only.
 * Town level (digits 7-9): 001-099 street 街道, 100-199 town 镇, 200-399 township 乡, 400+ other.
 * Village level (digits 10-12): 001-199 residents' committee 居委会, 200-399 village committee
 * 村委会, 400+ other (farm, fishery or development-zone living areas and the like).
 */
import { DIVISION_KIND_LABELS, type DivisionKind, LEVEL_OF_CODE_LENGTH } from './divisions.labels';

export type { DivisionKind };

export interface Division {
  code: string;
  name: string;
  kind: DivisionKind;
  level: number;
  parentCode: string | null;
  childCount: number;
}

export const KIND_LABELS = DIVISION_KIND_LABELS;

/** Level 6 (15 digits) is the platform's own: grids under a village or community. */
const LENGTH_TO_LEVEL = LEVEL_OF_CODE_LENGTH;

export function isDivisionCode(code: string): boolean {
  return /^\d+$/.test(code) && LENGTH_TO_LEVEL[code.length] !== undefined;
}

export function levelOf(code: string): number {
  return LENGTH_TO_LEVEL[code.length] ?? 0;
}

export function parentOf(code: string): string | null {
  switch (code.length) {
    case 4:
      return code.slice(0, 2);
    case 6:
      return code.slice(0, 4);
    case 9:
      return code.slice(0, 6);
    case 12:
      return code.slice(0, 9);
    case 15:
      return code.slice(0, 12);
    default:
      return null;
  }
}

export function kindOf(code: string): DivisionKind {
  const level = levelOf(code);
  if (level === 1) return 'province';
  if (level === 2) return 'city';
  if (level === 3) return 'county';
  if (level === 4) {
    const n = Number(code.slice(6, 9));
    if (n < 100) return 'street';
    if (n < 200) return 'town';
    if (n < 400) return 'township';
    return 'other_town';
  }
  if (level === 5) {
    const n = Number(code.slice(9, 12));
    if (n < 200) return 'residents_committee';
    if (n < 400) return 'village_committee';
    return 'other_village';
  }
  if (level === 6) return 'grid';
  throw new Error(`not a division code: ${code}`);
}

/** The chain of ancestor codes from the province down to (not including) `code`. */
export function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let p = parentOf(code); p; p = parentOf(p)) out.unshift(p);
  return out;
}
