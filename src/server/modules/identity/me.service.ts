import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { ancestorsOf, findDivision, findDivisions } from '../divisions';
import { setHomeDivision } from './identity.repo';

export async function describeMe(deps: Deps, actor: UserActor) {
  const codes = [
    ...new Set([
      ...actor.grants.map((g) => g.scopeCode),
      ...(actor.homeDivisionCode ? [actor.homeDivisionCode, ...ancestorsOf(actor.homeDivisionCode)] : []),
    ]),
  ];
  const names = new Map((await findDivisions(deps.db, codes)).map((d) => [d.code, d.name]));
  const home = actor.homeDivisionCode;
  return {
    user: {
      id: actor.userId,
      kind: actor.userKind,
      displayName: actor.displayName,
      homeDivision: home
        ? {
            code: home,
            name: names.get(home) ?? home,
            path: ancestorsOf(home)
              .filter((c) => c.length >= 6)
              .map((c) => ({ code: c, name: names.get(c) ?? c })),
          }
        : null,
    },
    grants: actor.grants.map((g) => ({
      role: g.role,
      scopeCode: g.scopeCode,
      scopeName: names.get(g.scopeCode) ?? g.scopeCode,
      departmentCode: g.departmentCode,
    })),
  };
}

/** A resident chooses their village or community ("my place"). Must lie in a loaded county. */
export async function setMyPlace(deps: Deps, actor: UserActor, code: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const d = await findDivision(tx, code);
    if (!d || d.level !== 5) throw new AppError('unknown_division', { code });
    await setHomeDivision(tx, actor.userId, code);
    await audit(tx, actor, {
      action: 'users.set_place',
      entityType: 'user',
      entityId: actor.userId,
      scopeCode: code,
      before: { homeDivisionCode: actor.homeDivisionCode },
      after: { homeDivisionCode: code },
    });
  });
}
