import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from './access.domain';
import { holdsAt, roleFitsLevel } from './access.domain';
import { canGrantRole, canReadAudit, canReadStaffAt, capabilities } from './access.policy';

const actor = (...grants: Grant[]): Actor => ({ kind: 'user', userId: 'u1', userKind: 'staff', displayName: 'x', homeDivisionCode: null, grants, ip: null });
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
    expect(canGrantRole(sec, 'u1', '421081107')).toBe(false);
    expect(canGrantRole(sec, 'u2', '421081107')).toBe(true);
    expect(canGrantRole(sec, 'u2', '420100')).toBe(false);
  });

  it('gives no capabilities to anonymous visitors and no console to residents', () => {
    expect(capabilities({ kind: 'anonymous', ip: null })).toEqual([]);
    const resident: Actor = { kind: 'user', userId: 'r', userKind: 'resident', displayName: 'r', homeDivisionCode: null, grants: [g('woodpecker', '421081107212')], ip: null };
    expect(capabilities(resident)).not.toContain('console.use');
  });

  it('fits roles to levels', () => {
    expect(roleFitsLevel('town_officer', 4)).toBe(true);
    expect(roleFitsLevel('town_officer', 5)).toBe(false);
    expect(roleFitsLevel('grid_worker', 6)).toBe(true);
  });
});
