/**
 * Seeded randomness for the demo generator (never Math.random): mulberry32 streams, keyed by
 * FNV-1a hashes of (seed, place code, purpose) so that each grid's data is independent of how
 * much of the county was generated before it.
 */
export type Random = () => number; // uniform in [0, 1)

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts joined by '|'. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const s = parts.join('|');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const rngFor = (...parts: (string | number)[]): Random => mulberry32(hashSeed(...parts));

/** Integer in [min, max], both inclusive. */
export const int = (r: Random, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

export const uniform = (r: Random, min: number, max: number): number => min + r() * (max - min);

export function pick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}

/** Picks by weight; weights need not sum to 1. */
export function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1][0];
}

/** Standard normal (Box–Muller). */
export function normal(r: Random): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(r: Random, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
