/** The audit trail for the audit administrator: search, export, verify the chain. */
import type { Actor, UserActor } from '../../platform/actor';
import {
  type ChainedRow,
  type VerifyResult,
  freshVerifyState,
  verifyResult,
  verifyRows,
} from '../../platform/audit/audit-chain';
import { type AuditFilter, auditPage, countAudit, searchAudit } from '../../platform/audit/audit.repo';
import { cstDate } from '../../platform/calendar/working-time';
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { canReadAudit } from '../access';
import type { TodayCount } from '../../today/today.schema';
import { TODAY_LABELS } from './audit.labels';
import type { ExportQuery, SearchQuery } from './audit.schema';

const toFilter = (q: Omit<SearchQuery, 'cursor' | 'limit'>): Omit<AuditFilter, 'limit'> => ({
  ...q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

/** A page of the rows matching the filter, newest first. */
export async function searchAuditLog(deps: Deps, actor: Actor, q: SearchQuery): Promise<Page<ChainedRow>> {
  if (!canReadAudit(actor)) throw new AppError('forbidden');
  const { cursor, limit = DEFAULT_PAGE_LIMIT, ...filter } = q;
  const after = afterKey(cursor, ['integer']);
  const rows = await searchAudit(deps.db, {
    ...toFilter(filter),
    beforeId: after ? Number(after[0]) : undefined,
    limit: limit + 1,
  });
  return pageOf(rows, limit, (r) => [r.id]);
}

const BATCH = 2000;

/**
 * Every row matching the filter (or the newest `limit`), newest first, read a batch at a time for
 * the xlsx export. Authorised before the first row is read.
 */
export function auditRowsForExport(deps: Deps, actor: Actor, q: ExportQuery): AsyncIterable<ChainedRow> {
  if (!canReadAudit(actor)) throw new AppError('forbidden');
  const { limit = Number.POSITIVE_INFINITY, ...filter } = q;
  return (async function* () {
    let left = limit;
    let beforeId: number | undefined;
    while (left > 0) {
      const rows = await searchAudit(deps.db, { ...toFilter(filter), beforeId, limit: Math.min(BATCH, left) });
      yield* rows;
      left -= rows.length;
      if (rows.length < BATCH) return;
      beforeId = rows[rows.length - 1].id;
    }
  })();
}

/** Walks every row of every chain a page at a time; reports every break (count, first, last, chains). */
export async function verifyAuditChain(db: Database, pageSize = 5000): Promise<VerifyResult> {
  const state = freshVerifyState();
  let afterId = 0;
  for (;;) {
    const page = await auditPage(db.owner, afterId, pageSize);
    if (page.length === 0) return verifyResult(state);
    verifyRows(page, state);
    afterId = page[page.length - 1].id;
  }
}

export async function verifyAuditForActor(deps: Deps, actor: Actor) {
  if (!canReadAudit(actor)) throw new AppError('forbidden');
  return verifyAuditChain(deps.db);
}

/**
 * The console home's counts (今日待办) for the audit administrator: what was refused and what failed
 * since midnight (China time), each linking to the audit trail filtered to exactly those rows.
 */
export async function auditToday(deps: Deps, actor: UserActor): Promise<TodayCount[]> {
  if (!canReadAudit(actor)) return [];
  const from = new Date(`${cstDate(deps.clock.now())}T00:00:00+08:00`);
  const outcomes = ['denied', 'failure'] as const;
  const counts = await Promise.all(outcomes.map((outcome) => countAudit(deps.db, { from, outcome })));
  return outcomes.map((outcome, i) => ({
    key: `audit.${outcome}`,
    count: counts[i],
    ...TODAY_LABELS[outcome],
    link: `/audit?outcome=${outcome}&from=${encodeURIComponent(from.toISOString())}`,
    tone: outcome === 'denied' ? 'warning' : 'work',
    order: 200 + i,
  }));
}
