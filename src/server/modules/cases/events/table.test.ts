/** The table: one command and one body schema per event, and who may take which (the buttons a case shows). */
import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../platform/actor';
import { ALLOWED, type CaseEventType, type CaseState } from '../case-machine';
import { EVENT_LABELS } from '../cases.labels';
import { actor, aCase, COUNTY, GRID, VILLAGE } from './fixtures';
import { COMMANDS, caseActions, EventBody } from './table';

const grant = (role: Grant['role'], scopeCode: string, departmentCode: string | null = null): Grant => ({
  role,
  scopeCode,
  departmentCode,
});
const TOWN = VILLAGE.slice(0, 9);
const gridWorker = actor('gw', [grant('grid_worker', GRID)]);
const townOfficer = actor('town', [grant('town_officer', TOWN)]);
const otherTown = actor('other', [grant('town_officer', '421081002')]);
const deptHandler = actor('dh', [grant('department_handler', COUNTY, `${COUNTY}-zjj`)]);
const reporter = actor('reporter');

describe('event command table', () => {
  it('has a command for every event the machine knows, each under its own type, with a body schema', () => {
    const events = Object.keys(EVENT_LABELS).filter(
      (e) => !['receive', 'photo', 'note'].includes(e),
    ) as CaseEventType[];
    expect(Object.keys(COMMANDS).sort()).toEqual([...events].sort());
    for (const [type, c] of Object.entries(COMMANDS)) {
      expect(c.type).toBe(type);
      expect((c.schema as { properties: { type: { const: string } } }).properties.type.const).toBe(type);
    }
    // one union member per event: OpenAPI shows each event's body
    expect(EventBody.anyOf.map((s: { properties: { type: { const: string } } }) => s.properties.type.const)).toEqual(
      Object.keys(COMMANDS),
    );
  });

  it('keeps supervision, suspension decisions and send-backs off the public timeline', () => {
    const internal = Object.values(COMMANDS)
      .filter((c) => !c.public)
      .map((c) => c.type)
      .sort();
    expect(internal).toEqual(['approve_suspension', 'deny_suspension', 'send_back', 'supervise']);
  });

  it('offers each actor the events of the state they may take, in the machine order', () => {
    const grid = (state: CaseState, patch = {}) => aCase({ state, ...patch });
    expect(caseActions(gridWorker, grid('received'))).toEqual(['file', 'reject']);
    expect(caseActions(townOfficer, grid('received'))).toEqual(['file', 'reject', 'supervise']);
    expect(caseActions(otherTown, grid('received'))).toEqual([]);
    expect(caseActions(reporter, grid('received'))).toEqual([]);
    expect(caseActions(townOfficer, grid('filed'))).toEqual(['dispatch', 'reject', 'supervise']);
    const handled = grid('handling', { handlerUserId: 'gw' });
    expect(caseActions(gridWorker, handled)).toEqual(['progress', 'request_suspension', 'feedback', 'send_back']);
    expect(caseActions(townOfficer, handled)).toEqual(['approve_suspension', 'deny_suspension', 'supervise']);
    expect(caseActions(townOfficer, grid('suspended'))).toEqual(['resume', 'supervise']);
    expect(caseActions(reporter, grid('closed'))).toEqual(['rate', 'reopen']);
    expect(caseActions(townOfficer, grid('closed'))).toEqual([]); // no supervision after the end
    expect(ALLOWED.rejected).toEqual([]);
  });

  it('lets a department handle its case but not verify its own work', () => {
    const dept = aCase({ state: 'feedback', tier: 'department', handlerDepartment: `${COUNTY}-zjj` });
    expect(COMMANDS.verify.authorise(deptHandler, dept)).toBe(false);
    expect(COMMANDS.verify.authorise(townOfficer, dept)).toBe(true);
    expect(COMMANDS.accept.authorise(deptHandler, { ...dept, state: 'dispatched' })).toBe(true);
    expect(COMMANDS.accept.authorise(deptHandler, { ...dept, handlerUserId: 'someone' })).toBe(false);
  });
});
