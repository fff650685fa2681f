import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from './taxonomy';

describe('taxonomy seed (GB/T 47678.5-2026)', () => {
  const t = loadTaxonomy();
  it('has 153 components and 97 events in 10 major classes, with their codes', () => {
    expect(t.filter((c) => c.kind === 'component')).toHaveLength(153);
    expect(t.filter((c) => c.kind === 'event')).toHaveLength(97);
    expect(t.filter((c) => c.kind === 'major' && c.source !== 'local')).toHaveLength(10);
    expect(t.find((c) => c.code === '06010')).toMatchObject({
      name: '暴露垃圾',
      parentCode: '06',
      defaultTier: 'grid',
      timeLimits: { handle: { normal: { amount: 4, unit: 'working_hours' } } },
    });
  });

  it('names each component as its problem category and keeps the older names as synonyms', () => {
    expect(t.find((c) => c.code === '01001')).toMatchObject({
      name: '供水井盖异常',
      synonyms: expect.arrayContaining(['供水井盖', '上水井盖', '上水井盖异常']),
    });
    expect(t.find((c) => c.code === '06036')!.synonyms).toContain('乱堆物堆料');
  });

  it('adds local categories the national standard lacks', () => {
    expect(t.find((c) => c.code === 'L0001')).toMatchObject({ name: '楼道堆物', kind: 'local', defaultTier: 'grid' });
    expect(t.find((c) => c.code === 'L0005')!.isPublic).toBe(false);
    expect(new Set(t.map((c) => c.code)).size).toBe(t.length);
  });
});
