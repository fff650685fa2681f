import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/actor';
import { canReadAt, covenantCapabilities, listScopes, managesAt } from './covenants.policy';

const VILLAGE = '421081107212';
const staff = (role: Role, scopeCode: string): Actor => ({
  kind: 'user',
  userId: 'u',
  userKind: 'staff',
  displayName: 'x',
  homeDivisionCode: null,
  grants: [{ role, scopeCode, departmentCode: null }],
  ip: null,
});

describe('covenants policy', () => {
  it('village staff keep their village (a grid worker: the grid’s village), not the one next door', () => {
    expect(managesAt(staff('village_officer', VILLAGE), VILLAGE)).toBe(true);
    expect(managesAt(staff('grid_worker', `${VILLAGE}101`), VILLAGE)).toBe(true);
    expect(managesAt(staff('village_officer', VILLAGE), '421081107213')).toBe(false);
    expect(managesAt(staff('town_officer', '421081107'), VILLAGE)).toBe(true);
  });
  it('the county reads but does not keep; residents and others get no capability', () => {
    const county = staff('county_officer', '421081');
    expect([canReadAt(county, VILLAGE), managesAt(county, VILLAGE)]).toEqual([true, false]);
    expect(covenantCapabilities(county)).toEqual(['covenants.read']);
    expect(covenantCapabilities(staff('village_officer', VILLAGE))).toEqual(['covenants.read', 'covenants.manage']);
    expect(covenantCapabilities(staff('resident', VILLAGE))).toEqual([]);
    expect(covenantCapabilities({ kind: 'anonymous', ip: null })).toEqual([]);
  });
  it('a list narrows to a scope inside reach, or to the subtrees within a wider scope', () => {
    const town = staff('town_officer', '421081107');
    expect(listScopes(town)).toEqual(['421081107']);
    expect(listScopes(town, VILLAGE)).toEqual([VILLAGE]);
    expect(listScopes(staff('village_officer', VILLAGE), '421081')).toEqual([VILLAGE]);
    expect(listScopes(staff('village_officer', VILLAGE), '421081107213')).toEqual([]);
  });
});
