/**
 * How the cockpit writes its numbers: a percent with one decimal, hours with one, yuan and counts with
 * thousands separators (yuan to the fen below 1,000), "—" for a figure that cannot be computed; and the change against another period
 * as an arrow with words (never colour alone): percentage points for a rate, a relative change otherwise.
 */
import type { CockpitUnit } from '../../../../src/server/cockpit/cockpit.schema';

/** The words the formatter needs, in the reader's language (from the console's messages). */
export interface UnitWords {
  hours: string;
  yuan: string;
  points: string;
  people: string;
  households: string;
  /** 个百分点 / pp */
  percentPoints: string;
}

const grouped = (v: number, digits: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The number alone, as the unit writes it ("87.5%", "12.3", "1,234"). */
export function formatNumber(value: number | null | undefined, unit: CockpitUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'percent') return `${value.toFixed(1)}%`;
  if (unit === 'hours') return grouped(value, 1);
  if (unit === 'yuan') return grouped(value, Number.isInteger(value) || Math.abs(value) >= 1000 ? 0 : 2);
  return grouped(value, Number.isInteger(value) ? 0 : 1);
}

/** The unit's word after the number ('' for a percent or a plain count). */
export function unitSuffix(unit: CockpitUnit, words: UnitWords): string {
  switch (unit) {
    case 'hours':
      return words.hours;
    case 'yuan':
      return words.yuan;
    case 'points':
      return words.points;
    case 'people':
      return words.people;
    case 'households':
      return words.households;
    default:
      return '';
  }
}

/** The number with its unit ("12.3 小时", "1,234 元", "87.5%", "—"). */
export function formatValue(value: number | null | undefined, unit: CockpitUnit, words: UnitWords): string {
  const n = formatNumber(value, unit);
  const suffix = unitSuffix(unit, words);
  return n === '—' || !suffix ? n : `${n} ${suffix}`;
}

export type Direction = 'up' | 'down' | 'flat';

export interface Change {
  direction: Direction;
  arrow: '↑' | '↓' | '→';
  /** the size of the change, unsigned ("2.3 个百分点", "12.5%", "5") */
  amount: string;
}

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/**
 * The change from `before` to `now`; null when either is unknown. A rate changes in percentage points;
 * anything else by a relative change, or by its difference when `before` was zero.
 */
export function change(
  now: number | null | undefined,
  before: number | null | undefined,
  unit: CockpitUnit,
  words: UnitWords,
): Change | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const diff = now - before;
  const direction: Direction = Math.abs(diff) < 1e-9 ? 'flat' : diff > 0 ? 'up' : 'down';
  let amount: string;
  if (direction === 'flat') amount = '';
  else if (unit === 'percent') amount = `${Math.abs(diff).toFixed(1)} ${words.percentPoints}`;
  else if (before === 0) amount = formatValue(Math.abs(diff), unit, words);
  else amount = `${((Math.abs(diff) / Math.abs(before)) * 100).toFixed(1)}%`;
  return { direction, arrow: ARROWS[direction], amount };
}
