import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../platform/actor';
import { awardActions, dutyConflict, mayObject } from './points.policy';

const V = '421081107212';
const staff = (userId: string, role: UserActor['grants'][number]['role'], scopeCode: string): UserActor => ({
  kind: 'user',
  userId,
  userKind: 'staff',
  displayName: userId,
  homeDivisionCode: null,
  grants: [{ role, scopeCode, departmentCode: null }],
  ip: null,
});
const none = { related: new Set<string>(), places: [] as string[] };

describe('separation of duties', () => {
  const a = staff('a', 'grid_worker', `${V}001`);
  it('refuses any step on one’s own or one’s household’s award, and approval, review and publication by its creator', () => {
    const mine = { related: new Set(['a', 'wife']), places: [] };
    expect(dutyConflict(a, mine, { userId: 'a', createdBy: 'b' }, 'reject')).toEqual({ code: 'points_self_dealing' });
    expect(dutyConflict(a, mine, { userId: 'wife', createdBy: null }, 'fulfil')).toEqual({
      code: 'points_self_dealing',
    });
    for (const action of ['approve', 'review', 'publish'] as const) {
      expect(dutyConflict(a, none, { userId: 'n', createdBy: 'a' }, action)).toEqual({
        code: 'points_second_person_required',
        as: 'creator',
      });
    }
    expect(dutyConflict(a, none, { userId: 'n', createdBy: 'a' }, 'reject')).toBeNull();
    expect(dutyConflict(a, none, { userId: 'n', createdBy: 'b', objectorIds: ['a'] }, 'resolve')).toEqual({
      code: 'points_second_person_required',
      as: 'objector',
    });
  });

  it('shows the creator only the withdrawal, and a second person the approval', () => {
    const award = { state: 'awaiting_approval' as const, issuerCode: V, userId: 'n', createdBy: 'a' };
    expect(awardActions(a, none, award)).toEqual(['reject']);
    expect(awardActions(staff('b', 'village_officer', V), none, award)).toEqual(['approve', 'reject']);
  });

  it('takes objections from the registered village or staff in scope, never from the person awarded', () => {
    const award = { userId: 'n', issuerCode: V };
    const resident = (places: string[]): [UserActor, typeof none] => [
      { ...staff('r', 'resident', places[0] ?? V), grants: [], userKind: 'resident' },
      { related: new Set(['r']), places },
    ];
    expect(mayObject(...resident([`${V}001`]), award)).toBe(true);
    expect(mayObject(...resident(['421081001001']), award)).toBe(false);
    expect(mayObject(staff('t', 'town_officer', '421081107'), none, award)).toBe(true);
    expect(mayObject(staff('t', 'town_officer', '421081001'), none, award)).toBe(false);
    expect(mayObject(staff('n', 'town_officer', '421081107'), none, award)).toBe(false);
  });
});
