import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../platform/actor';
import { defaultScope, indicatorView } from './indicators.policy';

const user = (...grants: Grant[]): Actor => ({
  kind: 'user',
  userId: 'u',
  userKind: 'staff',
  displayName: 'x',
  homeDivisionCode: null,
  grants,
  ip: null,
});
const g = (role: Grant['role'], scopeCode: string, departmentCode: string | null = null): Grant => ({
  role,
  scopeCode,
  departmentCode,
});

describe('who sees which indicators', () => {
  it('lets officers see their subtree and nothing above or beside it', () => {
    const town = user(g('town_officer', '421081001'));
    expect(indicatorView(town, '421081001007')).toEqual({ scope: '421081001007', departments: null });
    expect(indicatorView(town, '421081')).toBeNull();
    expect(indicatorView(town, '421081107')).toBeNull();
    const village = user(g('village_officer', '421081001007'));
    expect(indicatorView(village, '421081001007001')).not.toBeNull();
    expect(indicatorView(village, '421081001')).toBeNull();
  });
  it('limits department handlers to their department', () => {
    const handler = user(g('department_handler', '421081', '421081-zjj'));
    expect(indicatorView(handler, '421081001')).toEqual({ scope: '421081001', departments: ['421081-zjj'] });
    expect(indicatorView(handler, '4210')).toBeNull();
  });
  it('shows nothing to residents, grid workers or anonymous callers', () => {
    expect(indicatorView(user(g('resident', '421081001007')), '421081001007')).toBeNull();
    expect(indicatorView(user(g('grid_worker', '421081001007001')), '421081001007001')).toBeNull();
    expect(indicatorView({ kind: 'anonymous', ip: null }, '421081')).toBeNull();
  });
  it('defaults to the widest place the actor may see', () => {
    expect(defaultScope(user(g('village_officer', '421081001007'), g('town_officer', '421081107')))).toBe('421081107');
    expect(defaultScope(user(g('resident', '421081001007')))).toBeNull();
  });
});
