import { describe, expect, it } from 'vitest';
import { keepPlace, locate, reroute, route } from './routing';

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
    expect(r).toMatchObject({
      tier: 'department',
      target: { kind: 'department', departmentCode: '421081-zjj', dispatcherScope: '421081107' },
    });
    expect(r.trace.at(-1)!.zh).toContain('421081-zjj');
  });

  it('goes to the county when there is no geometry at all', () => {
    const r = route(trash, locate([112.4, 29.7], null, '421081'), '421081');
    expect(r).toMatchObject({ tier: 'department', target: { kind: 'department', dispatcherScope: '421081' } });
  });

  it('routes again for a category the dispatcher chose, saying so in the trace', () => {
    const where = locate([112.4, 29.7], grids('421081107212001', null), '421081');
    const r = reroute(trash, where, '421081', { from: { code: lamp.code, name: lamp.name }, by: '张镇干部' });
    expect(r).toMatchObject({ tier: 'grid', target: { kind: 'grid', code: '421081107212001' } });
    expect(r.trace.map((t) => t.rule)).toEqual(['grid_polygon', 'category_changed', 'category_tier']);
    expect(r.trace[1].zh).toBe('张镇干部立案时将类别由「路灯异常」改为「暴露垃圾」，按新类别重新分派');
  });

  it('keeps the case in the place it was given when the grids were redrawn since', () => {
    const now = locate([112.4, 29.7], grids('421081107212002', null), '421081');
    expect(keepPlace(now, { gridCode: '421081107212002', divisionCode: '421081107212002' })).toBe(now);
    const kept = keepPlace(now, { gridCode: '421081107212001', divisionCode: '421081107212001' });
    expect(kept).toMatchObject({
      gridCode: '421081107212001',
      divisionCode: '421081107212',
      trace: { rule: 'case_place' },
    });
    const county = locate([112.4, 29.7], null, '421081');
    expect(keepPlace(county, { gridCode: null, divisionCode: '421081' })).toBe(county);
    expect(keepPlace(county, { gridCode: null, divisionCode: '421081107212' })).toMatchObject({
      gridCode: null,
      divisionCode: '421081107212',
    });
  });
});
