import { describe, expect, it } from 'vitest';
import { locate, route } from './routing';

const grids = (inside: string | null, near: string | null) => ({ find: () => inside, nearest: () => near });
const trash = { code: '06010', name: '暴露垃圾', defaultTier: 'grid' as const, departmentKey: 'cgj' };
const lamp = { code: '01037', name: '路灯异常', defaultTier: 'department' as const, departmentKey: 'zjj' };

describe('routing', () => {
  it('puts a point in its grid and keeps small matters there', () => {
    const where = locate([112.4, 29.7], grids('421081107212001', null), '421081');
    expect(where).toMatchObject({ gridCode: '421081107212001', divisionCode: '421081107212' });
    const r = route(trash, where, '421081');
    expect(r.target).toEqual({ kind: 'grid', code: '421081107212001' });
    expect(r.trace.map((t) => t.rule)).toEqual(['grid_polygon', 'category_tier']);
  });

  it('falls back to the nearest grid’s village, and to the village tier without a grid', () => {
    const where = locate([112.4, 29.7], grids(null, '421081107212003'), '421081');
    expect(where).toMatchObject({ gridCode: null, divisionCode: '421081107212' });
    const r = route(trash, where, '421081');
    expect(r).toMatchObject({ tier: 'village', target: { kind: 'village', code: '421081107212' } });
    expect(r.trace.map((t) => t.rule)).toContain('no_grid_fallback');
  });

  it('sends hard matters to the responsible department through the town dispatcher', () => {
    const r = route(lamp, locate([112.4, 29.7], grids('421081107212001', null), '421081'), '421081');
    expect(r).toMatchObject({ tier: 'department', target: { kind: 'department', departmentCode: '421081-zjj', dispatcherScope: '421081107' } });
    expect(r.trace.at(-1)!.zh).toContain('421081-zjj');
  });

  it('goes to the county when there is no geometry at all', () => {
    const r = route(trash, locate([112.4, 29.7], null, '421081'), '421081');
    expect(r).toMatchObject({ tier: 'department', target: { kind: 'department', dispatcherScope: '421081' } });
  });
});
