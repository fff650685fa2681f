/**
 * Statutory fractions in integer arithmetic (no floating point at 2/3). Wording of the law:
 * 「以上」 includes the number itself (`gte`); 「过半数」/「超过」 is strictly more (`gt`).
 * Pure: no I/O.
 */
import type { Label, OwnFraction } from './deliberation.labels';

export interface Fraction {
  num: number;
  den: number;
  /** gte: 以上 (x/base ≥ num/den); gt: 超过、过半数 (x/base > num/den) */
  cmp: 'gte' | 'gt';
  words: Label;
}

export const MORE_THAN_HALF: Fraction = { num: 1, den: 2, cmp: 'gt', words: { zh: '过半数', en: 'more than half' } };
export const HALF_OR_MORE: Fraction = { num: 1, den: 2, cmp: 'gte', words: { zh: '半数以上', en: 'at least half' } };
export const TWO_THIRDS_OR_MORE: Fraction = {
  num: 2,
  den: 3,
  cmp: 'gte',
  words: { zh: '三分之二以上', en: 'at least two thirds' },
};
export const THREE_QUARTERS_OR_MORE: Fraction = {
  num: 3,
  den: 4,
  cmp: 'gte',
  words: { zh: '四分之三以上', en: 'at least three quarters' },
};
export const MORE_THAN_FOUR_FIFTHS: Fraction = {
  num: 4,
  den: 5,
  cmp: 'gt',
  words: { zh: '超过五分之四', en: 'more than four fifths' },
};
export const FOUR_FIFTHS_OR_MORE: Fraction = {
  num: 4,
  den: 5,
  cmp: 'gte',
  words: { zh: '五分之四以上', en: 'at least four fifths' },
};
export const ONE_THIRD_OR_MORE: Fraction = {
  num: 1,
  den: 3,
  cmp: 'gte',
  words: { zh: '三分之一以上', en: 'at least one third' },
};
export const ONE_FIFTH_OR_MORE: Fraction = {
  num: 1,
  den: 5,
  cmp: 'gte',
  words: { zh: '五分之一以上', en: 'at least one fifth' },
};
export const ONE_TENTH_OR_MORE: Fraction = {
  num: 1,
  den: 10,
  cmp: 'gte',
  words: { zh: '十分之一以上', en: 'at least one tenth' },
};

/** The fractions a council's own rules may name. */
export const OWN_FRACTION_VALUES: Record<OwnFraction, Fraction> = {
  more_than_half: MORE_THAN_HALF,
  half_or_more: HALF_OR_MORE,
  two_thirds_or_more: TWO_THIRDS_OR_MORE,
  three_quarters_or_more: THREE_QUARTERS_OR_MORE,
  four_fifths_or_more: FOUR_FIFTHS_OR_MORE,
};

function checkInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer: ${n}`);
}

/** Whether x of base reaches the fraction. An empty base is never reached (nobody to decide). */
export function meets(f: Fraction, x: number, base: number): boolean {
  checkInteger(x, 'count');
  checkInteger(base, 'base');
  if (base === 0) return false;
  return f.cmp === 'gte' ? f.den * x >= f.num * base : f.den * x > f.num * base;
}

/** The smallest whole x that reaches the fraction of base (at least 1). */
export function required(f: Fraction, base: number): number {
  checkInteger(base, 'base');
  const atLeast =
    f.cmp === 'gte' ? Math.floor((f.num * base + f.den - 1) / f.den) : Math.floor((f.num * base) / f.den) + 1;
  return Math.max(1, atLeast);
}
