import { describe, expect, it } from 'vitest';
import { FirstRowIndex, hash64 } from './sheets.unique';

describe('FirstRowIndex', () => {
  it('returns the first row of a repeated value across table growth, and nothing for new values', () => {
    const index = new FirstRowIndex(4);
    const n = 50_000;
    for (let i = 0; i < n; i++)
      expect(index.firstOrAdd(`42108119${String(i).padStart(10, '0')}`, i + 2)).toBeUndefined();
    expect(index.size).toBe(n);
    for (const i of [0, 1, 777, n - 1])
      expect(index.firstOrAdd(`42108119${String(i).padStart(10, '0')}`, 999_999)).toBe(i + 2);
    expect(index.firstOrAdd('户编码-甲', 5)).toBeUndefined();
    expect(index.firstOrAdd('户编码-甲', 9)).toBe(5);
    expect(index.size).toBe(n + 1);
  });

  it('hashes similar strings to different 64-bit values', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(hash64(`H${i}`).join(':'));
    expect(seen.size).toBe(100_000);
    expect(hash64('ab')).not.toEqual(hash64('ba'));
  });
});
