import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from './access.domain';
import { dedicatedAdminConflict, holdsAt, roleFitsLevel } from './access.domain';
import { accountProtection, canGrantRole, canReadAudit, canReadStaffAt, capabilities } from './access.policy';

const actor = (...grants: Grant[]): Actor => ({
  kind: 'user',
  userId: 'u1',
  userKind: 'staff',
  displayName: 'x',
  homeDivisionCode: null,
  grants,
  ip: null,
});
const g = (role: Grant['role'], scopeCode: string): Grant => ({ role, scopeCode, departmentCode: null });

describe('access policy', () => {
  it('limits a role to its subtree', () => {
    const town = actor(g('town_officer', '421081107'));
    expect(holdsAt(town, ['town_officer'], '421081107212')).toBe(true);
    expect(holdsAt(town, ['town_officer'], '421081001')).toBe(false);
    expect(holdsAt(town, ['town_officer'], '421081')).toBe(false);
    expect(canReadStaffAt(town, '421081001007')).toBe(false);
  });

  it('keeps the three administrators apart', () => {
    const sys = capabilities(actor(g('system_admin', '421081')));
    const sec = capabilities(actor(g('security_admin', '421081')));
    const aud = capabilities(actor(g('audit_admin', '421081')));
    expect(sys).toContain('accounts.manage');
    expect(sys).not.toContain('roles.manage');
    expect(sys).not.toContain('audit.read');
    expect(sec).toContain('roles.manage');
    expect(sec).not.toContain('accounts.manage');
    expect(sec).not.toContain('audit.read');
    expect(aud).toEqual(['audit.read', 'console.use', 'divisions.browse']);
    expect(canReadAudit(actor(g('system_admin', '421081')))).toBe(false);
  });

  it('never lets the security administrator grant to themselves or outside their scope', () => {
    const sec = actor(g('security_admin', '421081'));
    expect(canGrantRole(sec, 'u1', 'town_officer', '421081107')).toBe(false);
    expect(canGrantRole(sec, 'u2', 'town_officer', '421081107')).toBe(true);
    expect(canGrantRole(sec, 'u2', 'county_officer', '420100')).toBe(false);
  });

  it("grants no administrator role through the API, not even the security administrator's own", () => {
    const sec = actor(g('security_admin', '421081'));
    for (const role of ['system_admin', 'security_admin', 'audit_admin'] as const)
      expect(canGrantRole(sec, 'u2', role, '421081')).toBe(false);
  });

  it('keeps an administrator account dedicated to its one administrator role', () => {
    expect(dedicatedAdminConflict(['system_admin'], 'audit_admin')).toBe('system_admin');
    expect(dedicatedAdminConflict(['audit_admin'], 'pii_viewer')).toBe('audit_admin');
    expect(dedicatedAdminConflict(['county_officer'], 'security_admin')).toBe('county_officer');
    expect(dedicatedAdminConflict(['system_admin'], 'system_admin')).toBeNull(); // the same role at another place
    expect(dedicatedAdminConflict(['town_officer'], 'pii_viewer')).toBeNull();
    expect(dedicatedAdminConflict([], 'audit_admin')).toBeNull();
  });

  it('lets the system administrator manage only accounts strictly below their scope, never an administrator', () => {
    const sys = actor(g('system_admin', '421081'));
    const target = (...grants: Grant[]) => ({ id: 'u2', grants });
    expect(accountProtection(sys, target(g('town_officer', '421081107')))).toBeNull();
    expect(accountProtection(sys, target())).toBeNull();
    expect(accountProtection(sys, target(g('county_officer', '421081')))).toBe('county_officer @ 421081');
    expect(accountProtection(sys, target(g('town_officer', '421081107'), g('county_officer', '421081')))).toBe(
      'county_officer @ 421081',
    );
    expect(accountProtection(sys, target(g('village_officer', '422801001001')))).toBe('village_officer @ 422801001001');
    expect(accountProtection(sys, target(g('security_admin', '421081')))).toBe('administrator account');
    expect(accountProtection(sys, { id: 'u1', grants: [] })).toBe('own account');
    expect(accountProtection(actor(g('security_admin', '421081')), target())).toBe('not a system administrator');
  });

  it('gives no capabilities to anonymous visitors and no console to residents', () => {
    expect(capabilities({ kind: 'anonymous', ip: null })).toEqual([]);
    const resident: Actor = {
      kind: 'user',
      userId: 'r',
      userKind: 'resident',
      displayName: 'r',
      homeDivisionCode: null,
      grants: [g('woodpecker', '421081107212')],
      ip: null,
    };
    expect(capabilities(resident)).not.toContain('console.use');
  });

  it('fits roles to levels', () => {
    expect(roleFitsLevel('town_officer', 4)).toBe(true);
    expect(roleFitsLevel('town_officer', 5)).toBe(false);
    expect(roleFitsLevel('grid_worker', 6)).toBe(true);
    expect(roleFitsLevel('county_officer', 1)).toBe(true); // a province installation's officer (#17 item 6)
    expect(roleFitsLevel('town_officer', 2)).toBe(false);
  });
});
