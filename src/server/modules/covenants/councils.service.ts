/**
 * 两会: 业委会 / 小区自治委员会 / 村民议事会 / 红白理事会 of a village or community, each with terms
 * (from/to; the current term is the one covering today) and members (registered residents of the
 * place: one 主任, the others 委员). Kept by the place's staff, read by staff above it.
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import { COUNCIL_KIND_LABELS, type CouncilKind, type CouncilRole } from './covenants.labels';
import { canReadAt, listScopes, managesAt, readableScopes } from './covenants.policy';
import * as repo from './councils.repo';

const user = (actor: Actor): UserActor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor;
};

/** The councils in view, each with its terms (newest first) and which is current. */
async function withTerms(q: Queryable, now: Date, actor: Actor, councils: repo.CouncilRow[]) {
  const terms = await repo.termsOf(
    q,
    councils.map((c) => c.id),
  );
  const today = cstDate(now);
  return councils.map((c) => {
    const mine = terms.filter((t) => t.councilId === c.id).map(({ councilId: _c, ...t }) => t);
    return {
      ...c,
      terms: mine,
      currentTermId: mine.find((t) => t.startsOn <= today && today <= t.endsOn)?.id ?? null,
      actions: managesAt(actor, c.divisionCode) ? ['term' as const] : [],
    };
  });
}

export async function listCouncils(
  deps: Deps,
  actor: Actor,
  query: { scope?: string; cursor?: string; limit?: number },
) {
  const u = user(actor);
  if (!readableScopes(u).length) throw new AppError('forbidden');
  const scopes = listScopes(u, query.scope);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = scopes.length
    ? await repo.councilsIn(deps.db, scopes, limit + 1, afterKey(query.cursor, ['string', 'uuid']))
    : [];
  const page = pageOf(rows, limit, repo.councilKey);
  return { ...page, items: await withTerms(deps.db, deps.clock.now(), u, page.items) };
}

export async function createCouncil(
  deps: Deps,
  actor: Actor,
  input: { divisionCode: string; kind: CouncilKind; name: string },
  opts: { isDemo?: boolean } = {},
) {
  const u = user(actor);
  if (!managesAt(u, input.divisionCode)) throw new AppError('forbidden');
  if ((await findDivision(deps.db, input.divisionCode))?.level !== 5)
    throw new AppError('unknown_division', { code: input.divisionCode });
  return deps.db.transaction(async (tx) => {
    const id = await repo.insertCouncil(tx, { ...input, at: deps.clock.now(), isDemo: opts.isDemo });
    if (!id)
      throw new AppError('covenants_council_exists', { kind: input.kind, kindZh: COUNCIL_KIND_LABELS[input.kind].zh });
    await audit(tx, u, {
      action: 'covenants.council_create',
      entityType: 'council',
      entityId: id,
      scopeCode: input.divisionCode,
      after: input,
    });
    return (await withTerms(tx, deps.clock.now(), u, [(await repo.councilById(tx, id))!]))[0];
  });
}

/** A new term with its members: residents of the place, exactly one chair, not overlapping another term. */
export async function addTerm(
  deps: Deps,
  actor: Actor,
  councilId: string,
  input: { startsOn: string; endsOn: string; members: { residentId: string; role: CouncilRole }[] },
) {
  const u = user(actor);
  if (input.endsOn <= input.startsOn) throw new AppError('covenants_term_dates');
  const chairs = input.members.filter((m) => m.role === 'chair').length;
  if (chairs !== 1) throw new AppError('covenants_term_chair', { chairs });
  const ids = [...new Set(input.members.map((m) => m.residentId))];
  if (ids.length !== input.members.length)
    throw new AppError('validation_failed', { summary: 'members: a resident listed twice' });
  return deps.db.transaction(async (tx) => {
    const c = await repo.councilById(tx, councilId, true);
    if (!c || !canReadAt(u, c.divisionCode)) throw new AppError('not_found');
    if (!managesAt(u, c.divisionCode)) throw new AppError('forbidden');
    const found = await repo.residentsIn(tx, c.divisionCode, ids);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length) throw new AppError('covenants_not_resident', { ids: missing.join(', ') });
    const other = await repo.overlappingTerm(tx, c.id, input.startsOn, input.endsOn);
    if (other)
      throw new AppError('covenants_term_overlap', {
        from: input.startsOn,
        to: input.endsOn,
        otherFrom: other.startsOn,
        otherTo: other.endsOn,
      });
    const termId = await repo.insertTerm(tx, { councilId: c.id, ...input, at: deps.clock.now() });
    await audit(tx, u, {
      action: 'covenants.term_create',
      entityType: 'council',
      entityId: c.id,
      scopeCode: c.divisionCode,
      after: { termId, startsOn: input.startsOn, endsOn: input.endsOn, members: input.members },
    });
    return (await withTerms(tx, deps.clock.now(), u, [c]))[0];
  });
}
