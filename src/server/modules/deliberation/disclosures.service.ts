/**
 * The 村务公开 board: staff publish items by category; decisions of 四议两公开 arrive on their own
 * (matters.service.ts); residents read their village's board; the town sees which villages are
 * overdue on the §30 schedule.
 */
import type { Actor, UserActor } from '../../platform/actor';
import type { Queryable } from '../../platform/db/db';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import type { DisclosureCategory } from './deliberation.labels';
import { managesAt, oversightScopes, readableScopes } from './deliberation.policy';
import type { PageRequest } from './deliberation.schema';
import * as repo from './disclosures.repo';
import { SCHEDULE_ARTICLE, dueOf } from './schedule.domain';

export async function publish(
  deps: Deps,
  actor: Actor,
  input: { divisionCode: string; category: DisclosureCategory; title: string; body: string },
  opts: { isDemo?: boolean; at?: Date } = {},
) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!managesAt(actor, input.divisionCode)) throw new AppError('forbidden');
  if ((await findDivision(deps.db, input.divisionCode))?.level !== 5)
    throw new AppError('unknown_division', { code: input.divisionCode });
  return deps.db.transaction((tx) =>
    publishIn(tx, actor, { ...input, publishedAt: opts.at ?? deps.clock.now() }, opts.isDemo),
  );
}

/**
 * Publishes an item inside the caller's transaction (another module's write and its disclosure commit
 * together: a covenant adopted and published). The caller has checked that the actor manages the place.
 */
export async function publishIn(
  tx: Queryable,
  actor: UserActor,
  input: { divisionCode: string; category: DisclosureCategory; title: string; body: string; publishedAt: Date },
  isDemo = false,
) {
  const d = await repo.insertDisclosure(tx, { ...input, matterId: null, by: actor.userId, isDemo });
  await audit(tx, actor, {
    action: 'deliberation.disclosure_publish',
    entityType: 'disclosure',
    entityId: d.id,
    scopeCode: d.divisionCode,
    after: { category: d.category, title: d.title },
  });
  return d;
}

export async function staffBoard(deps: Deps, actor: Actor, page: PageRequest) {
  const scopes = readableScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await repo.disclosuresIn(deps.db, scopes, limit + 1, after), limit, repo.disclosureKey);
}

/** The board of my village(s). */
export async function residentBoard(deps: Deps, actor: Actor, page: PageRequest) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const places = await repo.placesOfUser(deps.db, actor.userId);
  if (!places.length) return { items: [], next: null, more: false };
  const after = afterKey(page.cursor, ['date', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await repo.disclosuresIn(deps.db, places, limit + 1, after), limit, repo.disclosureKey);
}

/** Villages under a town (or county) with what is due on the §30 schedule and what is overdue. */
export async function schedule(deps: Deps, actor: Actor, query: PageRequest & { scope: string }) {
  if (!oversightScopes(actor).some((s) => query.scope.startsWith(s))) throw new AppError('forbidden');
  const after = afterKey(query.cursor, ['string']);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const now = deps.clock.now();
  const rows = await repo.lastPublished(deps.db, query.scope, limit + 1, after);
  const page = pageOf(rows, limit, (r) => [r.code]);
  return {
    ...page,
    items: page.items.map((r) => {
      const strip = ({ category: _c, ...d }: ReturnType<typeof dueOf>) => d;
      return {
        code: r.code,
        name: r.name,
        affairs: strip(dueOf('affairs', r.affairs, now)),
        finance: strip(dueOf('finance', r.finance, now)),
        lastMajorAt: r.major,
        article: SCHEDULE_ARTICLE,
      };
    }),
  };
}
