import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../platform/actor';
import { afterAnswer, afterEffect, deadlineProblem, effectRefusal, taskLate } from './worklists.domain';
import { canOverseeAt, canWorkAt, worklistScopes } from './worklists.policy';

const at = (s: string) => new Date(`${s}+08:00`);

describe('the three lists, pure', () => {
  it('an effect needs an open problem and every task done', () => {
    expect(effectRefusal('closed', [{ done: true }])).toEqual({ code: 'worklists_problem_closed', state: 'closed' });
    expect(effectRefusal('effect_recorded', [{ done: true }])?.code).toBe('worklists_problem_closed');
    expect(effectRefusal('open', [])).toEqual({ code: 'worklists_no_tasks' });
    expect(effectRefusal('open', [{ done: true }, { done: false }, { done: false }])).toEqual({
      code: 'worklists_tasks_open',
      open: 2,
    });
    expect(effectRefusal('open', [{ done: true }])).toBeNull();
  });
  it('a resident confirms what they raised; a dispute reopens', () => {
    expect(afterEffect(true)).toEqual({ state: 'effect_recorded', confirmation: 'pending' });
    expect(afterEffect(false)).toEqual({ state: 'closed', confirmation: 'not_needed' });
    expect(afterAnswer(true)).toEqual({ state: 'closed', confirmation: 'confirmed' });
    expect(afterAnswer(false)).toEqual({ state: 'open', confirmation: 'disputed' });
  });
  it('a task is late from the end of its deadline day (CST), not before', () => {
    expect(taskLate('2026-03-10', null, at('2026-03-10T23:59:59'))).toBe(false);
    expect(taskLate('2026-03-10', null, at('2026-03-11T00:00:00'))).toBe(true);
    expect(taskLate('2026-03-10', at('2026-03-12T00:00:00'), at('2026-03-13T00:00:00'))).toBe(false);
  });
  it('deadlines are real dates, today or later', () => {
    const now = at('2026-03-10T08:00:00'); // still 2026-03-10 in CST (03-10 00:00 UTC)
    expect(deadlineProblem('2026-03-10', now)).toBeNull();
    expect(deadlineProblem('2026-03-09', now)).toBe('past');
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10']) expect(deadlineProblem(bad, now)).toBe('invalid');
    expect(deadlineProblem('2028-02-29', now)).toBeNull();
  });
});

describe('who works the lists', () => {
  const actor = (role: UserActor['grants'][number]['role'], scopeCode: string): UserActor => ({
    kind: 'user',
    userId: 'u',
    userKind: 'staff',
    displayName: 'x',
    homeDivisionCode: null,
    grants: [{ role, scopeCode, departmentCode: null }],
    ip: null,
  });
  it('a grid worker works the lists of the grid’s village; officers their subtree; others nothing', () => {
    const grid = actor('grid_worker', '421081107212001');
    expect(worklistScopes(grid)).toEqual(['421081107212']);
    expect(canWorkAt(grid, '421081107212')).toBe(true);
    expect(canWorkAt(grid, '421081107213')).toBe(false);
    expect(canOverseeAt(grid, '421081107212')).toBe(false);
    expect(canWorkAt(actor('town_officer', '421081107'), '421081107212')).toBe(true);
    expect(canOverseeAt(actor('village_officer', '421081107212'), '421081107212')).toBe(true);
    for (const role of ['department_handler', 'resident', 'pii_viewer', 'system_admin'] as const)
      expect(canWorkAt(actor(role, '421081'), '421081107212')).toBe(false);
  });
});
