import { describe, expect, it } from 'vitest';
import { generateDemo, REAL_FIGURES } from './index';

describe('generateDemo at full scale', () => {
  it('streams ~560k residents without holding them (bounded heap growth)', () => {
    const demo = generateDemo({ countyCode: '421081', scale: 1, seed: 1 });
    expect(demo.summary().households).toBe(REAL_FIGURES.households);
    const before = process.memoryUsage().heapUsed;
    let count = 0,
      peak = before;
    for (const resident of demo.residents()) {
      if (resident.idNumber.length === 18) count++;
      if (count % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(Math.abs(count - REAL_FIGURES.residents) / REAL_FIGURES.residents).toBeLessThan(0.03);
    // Holding 560k resident objects would take well over 150 MB; the stream keeps one grid.
    expect((peak - before) / 1e6).toBeLessThan(120);
  }, 60_000);
});
