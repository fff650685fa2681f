import { describe, expect, it } from 'vitest';
import type { Role, UserActor } from '../../platform/actor';
import { economyCapabilities, economyScopes, keepsEconomyAt, setsThresholdOf } from './economy.policy';

const actor = (role: Role, scopeCode: string): UserActor => ({
  kind: 'user',
  userId: 'u',
  userKind: role === 'resident' ? 'resident' : 'staff',
  displayName: 'x',
  homeDivisionCode: null,
  grants: [{ role, scopeCode, departmentCode: null }],
  ip: null,
});

describe('who keeps the collective economy', () => {
  it('a village officer keeps their own village only; town and county officers their subtree', () => {
    expect(keepsEconomyAt(actor('village_officer', '421081107212'), '421081107212')).toBe(true);
    expect(keepsEconomyAt(actor('village_officer', '421081107212'), '421081107201')).toBe(false);
    expect(keepsEconomyAt(actor('town_officer', '421081107'), '421081107201')).toBe(true);
    expect(keepsEconomyAt(actor('town_officer', '421081107'), '421081001001')).toBe(false);
    expect(keepsEconomyAt(actor('county_officer', '421081'), '421081001001')).toBe(true);
    for (const role of ['grid_worker', 'department_handler', 'resident', 'system_admin', 'pii_viewer'] as const)
      expect(keepsEconomyAt(actor(role, '421081107212'), '421081107212')).toBe(false);
  });
  it('only county officers change the threshold; capabilities follow', () => {
    expect(setsThresholdOf(actor('county_officer', '421081'), '421081')).toBe(true);
    expect(setsThresholdOf(actor('town_officer', '421081107'), '421081')).toBe(false);
    expect(economyCapabilities(actor('county_officer', '421081'))).toEqual(['economy.read', 'economy.settings']);
    expect(economyCapabilities(actor('village_officer', '421081107212'))).toEqual(['economy.read']);
    expect(economyCapabilities(actor('grid_worker', '421081107212001'))).toEqual([]);
    expect(economyScopes(actor('resident', '421081'))).toEqual([]);
  });
});
