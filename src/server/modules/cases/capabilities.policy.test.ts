import { describe, expect, it } from 'vitest';
import { type Actor, type Grant, ROLES, type Role } from '../../platform/actor';
import type { Capability } from '../access/capabilities';
import { caseCapabilities } from './capabilities.policy';
import type { CaseEventType } from './case-machine';
import type { CaseRow } from './cases.repo';
import { canReadCase } from './cases.policy';
import { COMMANDS } from './events/table';

/** Whether the event's command lets the actor take it on the case (the loop's own check). */
const mayTake = (a: Actor, c: unknown, e: CaseEventType) => COMMANDS[e].authorise(a, c as CaseRow);

const AT: Partial<Record<Role, string>> = {
  grid_worker: '421081107212001',
  village_officer: '421081107212',
  town_officer: '421081107',
};
const grant = (role: Role, departmentCode: string | null = role === 'department_handler' ? 'D1' : null): Grant => ({
  role,
  scopeCode: AT[role] ?? '421081',
  departmentCode,
});
const actor = (...grants: Grant[]): Actor => ({
  kind: 'user',
  userId: 'me',
  userKind: 'staff',
  displayName: 'x',
  homeDivisionCode: null,
  grants,
  ip: null,
});

/** Cases other people reported at places across the county, of every tier, handled by nobody, by me or by D1. */
const CASES = ['421081107212001', '421081107212', '421081107', '421081'].flatMap((divisionCode) =>
  (['grid', 'village', 'department'] as const).flatMap((tier) =>
    [
      { handlerUserId: null, handlerDepartment: null },
      { handlerUserId: 'me', handlerDepartment: null },
      { handlerUserId: null, handlerDepartment: 'D1' },
    ].map((h) => ({
      tier,
      divisionCode,
      gridCode: null,
      reporterId: 'someone else',
      state: 'handling' as const,
      isPublic: false,
      ...h,
    })),
  ),
);

/** Each case capability and the events it stands for in the console. */
const EVENTS: [Capability, CaseEventType[]][] = [
  ['cases.triage', ['file', 'reject', 'dispatch']],
  ['cases.verify', ['verify']],
  ['cases.supervise', ['supervise']],
];

describe('case capabilities follow the loop’s own checks', () => {
  it.each(ROLES)('%s: a capability exactly when some case in reach passes the check', (role) => {
    const a = actor(grant(role));
    const caps = caseCapabilities(a);
    for (const [cap, events] of EVENTS)
      expect(caps.includes(cap), cap).toBe(CASES.some((c) => events.some((e) => mayTake(a, c, e))));
    // reading other people's cases: not just the ones handed to them
    const othersCases = CASES.filter((c) => c.handlerUserId === null);
    expect(caps.includes('cases.read'), 'cases.read').toBe(othersCases.some((c) => canReadCase(a, c)));
  });

  it('gives tasks to those a case can be given to, and nothing to a department handler without a department', () => {
    const handle = (...g: Grant[]) => caseCapabilities(actor(...g)).includes('cases.handle');
    expect(ROLES.filter((r) => handle(grant(r)))).toEqual(['grid_worker', 'village_officer', 'department_handler']);
    expect(caseCapabilities(actor(grant('department_handler', null)))).toEqual([]);
    expect(caseCapabilities({ kind: 'anonymous', ip: null })).toEqual([]);
  });

  it('adds up the grants of one person', () => {
    expect(caseCapabilities(actor(grant('department_handler'), grant('town_officer')))).toEqual([
      'cases.handle',
      'cases.read',
      'cases.supervise',
      'cases.triage',
      'cases.verify',
    ]);
  });
});
