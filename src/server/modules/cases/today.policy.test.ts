import { describe, expect, it } from 'vitest';
import { type Actor, type Grant, ROLES, type Role } from '../../platform/actor';
import { caseCapabilities } from './capabilities.policy';
import { TODAY_LABELS } from './cases.labels';
import { TODAY_LINKS, TODAY_URGENCY, todayQueues } from './today.policy';

const grant = (role: Role, scopeCode: string, departmentCode: string | null = null): Grant => ({
  role,
  scopeCode,
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

describe('the case counts of the console home', () => {
  it('puts triage first for a dispatcher', () => {
    expect(todayQueues(actor(grant('town_officer', '421081107')))).toEqual([
      'triage',
      'overdue',
      'due_soon',
      'verify',
      'supervised',
    ]);
  });

  it('puts a grid worker’s tasks and verifications first', () => {
    expect(todayQueues(actor(grant('grid_worker', '421081107212001')))).toEqual([
      'tasks',
      'tasks_overdue',
      'verify',
      'triage',
    ]);
  });

  it('gives a department handler their tasks only', () => {
    expect(todayQueues(actor(grant('department_handler', '421081', 'D1')))).toEqual(['tasks', 'tasks_overdue']);
  });

  it('gives nothing to roles without a case list, nor to anyone signed out', () => {
    for (const role of ['audit_admin', 'system_admin', 'security_admin', 'pii_viewer', 'resident'] as Role[])
      expect(todayQueues(actor(grant(role, '421081'))), role).toEqual([]);
    expect(todayQueues({ kind: 'anonymous', ip: null })).toEqual([]);
  });

  it('never shows a count whose list the menu hides', () => {
    const gate = { triage: 'cases.triage', verify: 'cases.verify', tasks: 'cases.handle', overdue: 'cases.supervise' };
    for (const role of ROLES) {
      const a = actor(grant(role, '421081107', role === 'department_handler' ? 'D1' : null));
      const caps = caseCapabilities(a);
      for (const q of todayQueues(a)) {
        const needs = gate[q as keyof typeof gate];
        if (needs) expect(caps, `${role} ${q}`).toContain(needs);
      }
    }
  });

  it('names, links and colours every count', () => {
    for (const q of Object.keys(TODAY_LINKS) as (keyof typeof TODAY_LINKS)[]) {
      expect(TODAY_LABELS[q].label.zh).toBeTruthy();
      expect(TODAY_LINKS[q]).toMatch(/^\//);
      expect(['work', 'warning', 'danger']).toContain(TODAY_URGENCY[q]);
    }
  });
});
