/**
 * The 红白理事会's register of family events (婚/丧/寿/其他): each event is checked against the 红白事
 * limits declared on an article of the covenant in force at the place on the event's date (max tables, max days); an event
 * over a limit is recorded with flags and the article it exceeds (a stable reference: version id +
 * number), never refused — the council sees it and talks with the family.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { findDivision } from '../divisions';
import { checkLimits, limitsArticle } from './covenants.domain';
import type { EventKind } from './covenants.labels';
import { listScopes, managesAt, readableScopes } from './covenants.policy';
import { articlesOf, versionInForceOn } from './covenants.repo';
import * as repo from './councils.repo';

export interface NewEvent {
  divisionCode: string;
  family: string;
  kind: EventKind;
  heldOn: string;
  tables: number;
  days: number;
  costFen: number;
  note?: string;
}

export async function recordEvent(deps: Deps, actor: Actor, input: NewEvent, opts: { isDemo?: boolean } = {}) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!managesAt(actor, input.divisionCode)) throw new AppError('forbidden');
  if ((await findDivision(deps.db, input.divisionCode))?.level !== 5)
    throw new AppError('unknown_division', { code: input.divisionCode });
  const now = deps.clock.now();
  const yearAhead = cstDate(new Date(now.getTime() + 366 * 86_400_000));
  if (input.heldOn > yearAhead) throw new AppError('covenants_event_date', { date: input.heldOn });
  return deps.db.transaction(async (tx) => {
    const version = await versionInForceOn(tx, input.divisionCode, input.heldOn);
    const article = version ? limitsArticle(await articlesOf(tx, version.id)) : null;
    const flags = checkLimits(input, article);
    const e = await repo.insertEvent(tx, {
      ...input,
      family: input.family.trim(),
      note: (input.note ?? '').trim(),
      versionId: article ? version!.id : null,
      articleNumber: article?.number ?? null,
      ...flags,
      by: actor.userId,
      at: now,
      isDemo: opts.isDemo,
    });
    await audit(tx, actor, {
      action: 'covenants.event_record',
      entityType: 'family_event',
      entityId: e.id,
      scopeCode: e.divisionCode,
      after: { kind: e.kind, heldOn: e.heldOn, tables: e.tables, days: e.days, ...flags },
    });
    return e;
  });
}

export async function listEvents(deps: Deps, actor: Actor, query: { scope?: string; cursor?: string; limit?: number }) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (!readableScopes(actor).length) throw new AppError('forbidden');
  const scopes = listScopes(actor, query.scope);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = scopes.length
    ? await repo.eventsIn(deps.db, scopes, limit + 1, afterKey(query.cursor, ['date', 'uuid']))
    : [];
  return pageOf(rows, limit, repo.eventKey);
}
