import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../platform/actor';
import { answersProblem, DEFAULT_SETTINGS, maskName, settingsProblem, unknownCategory } from './care.domain';
import { canReadRecord, careCapabilities, isAssignedWorker } from './care.policy';

describe('care rules, pure', () => {
  const q = DEFAULT_SETTINGS.questions;
  const all = q.map((x) => ({ key: x.key, answer: '好', concern: false }));
  it('every one of the nine questions is answered exactly once', () => {
    expect(answersProblem(q, all)).toBeNull();
    expect(answersProblem(q, all.slice(1))).toEqual({ missing: ['health'], extra: [] });
    expect(answersProblem(q, [...all, all[0]])).toEqual({ missing: [], extra: ['health'] });
    expect(answersProblem(q, [...all.slice(1), { key: 'weather', answer: '晴', concern: false }])).toEqual({
      missing: ['health'],
      extra: ['weather'],
    });
  });
  it('names are masked after the first character (Unicode-safe)', () => {
    expect(maskName('王秀兰')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('𠀋一')).toBe('𠀋*');
    expect(maskName('王')).toBe('*');
  });
  it('settings: nine distinct questions, distinct categories, a sound schedule', () => {
    expect(settingsProblem(DEFAULT_SETTINGS)).toBeNull();
    expect(settingsProblem({ ...DEFAULT_SETTINGS, questions: q.slice(1) })).toMatch(/^questions: 9 expected/);
    expect(settingsProblem({ ...DEFAULT_SETTINGS, questions: [...q.slice(1), q[1]] })).toMatch(/repeated/);
    const cats = DEFAULT_SETTINGS.categories;
    expect(settingsProblem({ ...DEFAULT_SETTINGS, categories: [...cats, cats[0]] })).toMatch(/^categories/);
    const schedule = { ...DEFAULT_SETTINGS.schedule, general: { everyMonths: 5 } };
    expect(settingsProblem({ ...DEFAULT_SETTINGS, schedule })).toBe('schedule.general.everyMonths');
    expect(unknownCategory(DEFAULT_SETTINGS, ['low_income', 'astronaut'])).toBe('astronaut');
    expect(unknownCategory(DEFAULT_SETTINGS, ['low_income'])).toBeNull();
  });
});

describe('who reads a care record, pure', () => {
  const actor = (userId: string, role: UserActor['grants'][number]['role'], scopeCode: string): UserActor => ({
    kind: 'user',
    userId,
    userKind: role === 'resident' ? 'resident' : 'staff',
    displayName: 'x',
    homeDivisionCode: null,
    grants: [{ role, scopeCode, departmentCode: null }],
    ip: null,
  });
  const record = { gridCode: '421081107212001', workerId: 'w' };
  it('the assigned worker while they hold the grid, and the officers of the place — nobody else', () => {
    expect(canReadRecord(actor('w', 'grid_worker', '421081107212001'), record)).toBe(true);
    expect(canReadRecord(actor('w', 'grid_worker', '421081107212002'), record)).toBe(false); // moved grid
    expect(isAssignedWorker(actor('w', 'village_officer', '421081107212'), record)).toBe(false);
    expect(canReadRecord(actor('other', 'grid_worker', '421081107212001'), record)).toBe(false);
    for (const [role, scope] of [
      ['village_officer', '421081107212'],
      ['town_officer', '421081107'],
      ['county_officer', '421081'],
    ] as const)
      expect(canReadRecord(actor('o', role, scope), record), role).toBe(true);
    for (const [role, scope] of [
      ['village_officer', '421081107213'],
      ['town_officer', '421081001'],
      ['department_handler', '421081'],
      ['pii_viewer', '421081107212'],
      ['woodpecker', '421081107212'],
      ['resident', '421081107212'],
      ['system_admin', '421081'],
      ['security_admin', '421081'],
      ['audit_admin', '421081'],
    ] as const)
      expect(canReadRecord(actor('o', role, scope), record), `${role}@${scope}`).toBe(false);
  });
  it('capabilities follow the roles', () => {
    expect(careCapabilities(actor('w', 'grid_worker', '421081107212001'))).toEqual(['care.visit']);
    expect(careCapabilities(actor('o', 'village_officer', '421081107212'))).toEqual(['care.register']);
    expect(careCapabilities(actor('o', 'county_officer', '421081'))).toEqual(['care.register', 'care.settings']);
    expect(careCapabilities(actor('o', 'department_handler', '421081'))).toEqual([]);
  });
});
