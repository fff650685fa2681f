/**
 * Exact non-negative fractions over bigint, for the ranking formula: no floating point, so the
 * ranking recomputed from the stored inputs is equal, not merely close. Stored as 'n/d' (reduced).
 */
export interface Fraction {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};

export function frac(n: bigint | number, d: bigint | number = 1n): Fraction {
  const nn = BigInt(n);
  const dd = BigInt(d);
  if (dd <= 0n) throw new RangeError('fraction: denominator must be positive');
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}

export const ZERO = frac(0);
export const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
export const sum = (xs: readonly Fraction[]) => xs.reduce(add, ZERO);
/** -1, 0 or 1. */
export const cmp = (a: Fraction, b: Fraction): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

export const fractionText = (f: Fraction) => `${f.n}/${f.d}`;

export function parseFraction(text: string): Fraction {
  const m = /^(-?\d+)\/(\d+)$/.exec(text);
  if (!m) throw new RangeError(`not a fraction: ${text}`);
  return frac(BigInt(m[1]), BigInt(m[2]));
}

/** A decimal rendering with `places` digits, rounded half up (display only; comparisons use the fraction). */
export function toDecimal(f: Fraction, places = 2): string {
  const scale = 10n ** BigInt(places);
  const scaled = (f.n * scale * 2n + f.d) / (2n * f.d);
  const s = scaled.toString().padStart(places + 1, '0');
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
}
