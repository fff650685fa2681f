/**
 * The work queues and the all-cases list of the console and the app: one query per queue, within
 * the actor's read scope (the detail's rule), narrowed by the list filters, in the order of a sort.
 */
import type { Queryable } from '../../platform/db/db';
import { DEFAULT_PAGE_LIMIT, type KeyValue, type Page, pageOf } from '../../platform/page';
import { readScopeSql } from './case-scope.repo';
import type { CaseFilter, CaseSort } from './case-filters';
import { afterSql, filterSql, ORDER_BY, overdueSql } from './case-filters.sql';
import { sortKeyOf } from './case-filters';
import type { CaseReadScope, TriageScopes } from './cases.policy';
import { CASE_COLUMNS, type CaseRow } from './cases.repo';
import { QUEUE_VIEWS, QUEUES, type QueueName, type QueueView } from './cases.schema';

export type Queue = QueueName;
export { QUEUES, QUEUE_VIEWS, type QueueView };

/** Queues split into what the actor can act on (待我处理) and what they can only follow (我关注的). */
export const SPLIT_QUEUES: readonly Queue[] = ['triage', 'verify'];

export interface QueueScope {
  /** what the actor may read at all (cases.policy caseReadScope); every queue is limited to it */ read: CaseReadScope;
  /** the actor: reporter of "mine", handler of "tasks" */ userId: string;
  /** division codes whose subtrees the actor's staff roles cover (the areas of triage, verification, oversight) */ staffScopes: string[];
  /** where the actor triages which tiers (cases.policy triageScopes) */ triage: TriageScopes;
  now: Date;
}

/** A list's question: the queue (and its tab), the filters, the sort, the page. */
export interface ListRequest {
  queue: Queue;
  view: QueueView;
  filter: CaseFilter;
  sort: CaseSort;
  /** the checked key of the cursor (`[sort, at, id]`), null for the first page */ after: readonly KeyValue[] | null;
  limit?: number;
}

type Param = (v: unknown) => string;

const anyOf = (p: Param, column: string, scopes: string[]) =>
  scopes.length ? `${column} LIKE ANY (${p(scopes.map((s) => `${s}%`))}::text[])` : 'false';

/** cases.policy canTriage as SQL over the case's place (its grid, else its division). */
function triageableSql(t: TriageScopes, p: Param): string {
  const place = 'COALESCE(grid_code, division_code)';
  return `(${anyOf(p, place, t.anyTier)} OR (tier = 'grid' AND ${anyOf(p, place, t.gridTier)}) OR (tier = 'village' AND ${anyOf(p, place, t.villageTier)}))`;
}

/** The queue's own predicates (before the read scope and the filters). */
function queueSql(queue: Queue, view: QueueView, scope: QueueScope, p: Param): string[] {
  const { read, userId, staffScopes, now } = scope;
  const staffArea = () => anyOf(p, 'division_code', staffScopes);
  // the handler's own work: given to them, or to a department they handle for within that grant's subtree
  const handling = () =>
    `(COALESCE(handler_user_id = ${p(userId)}, false) OR ${readScopeSql({ userId: null, staffScopes: [], departments: read.departments }, p)})`;
  // IS TRUE / IS NOT TRUE: a NULL (e.g. no handler yet) must fall in one tab, never vanish from both
  const split = (actionable: string) =>
    view === 'following' ? `(${actionable}) IS NOT TRUE` : `(${actionable}) IS TRUE`;
  switch (queue) {
    case 'mine':
      return [`reporter_id = ${p(userId)}`];
    case 'triage':
      return [`state IN ('received', 'filed')`, staffArea(), split(triageableSql(scope.triage, p))];
    case 'tasks':
      return [`state IN ('dispatched', 'handling', 'suspended')`, handling()];
    case 'verify':
      // cases.policy canVerify: a department does not verify its own work
      return [`state = 'feedback'`, staffArea(), split(`NOT (tier = 'department' AND ${handling()})`)];
    case 'overdue':
      return [overdueSql(`${p(now.toISOString())}::timestamptz`), staffArea()];
    case 'due_soon':
      return [
        `state IN ('dispatched', 'handling') AND handle_due_at BETWEEN ${p(now.toISOString())} AND ${p(new Date(now.getTime() + 24 * 3_600_000).toISOString())}`,
        staffArea(),
      ];
    case 'supervised':
      return [`supervised AND state NOT IN ('closed', 'rejected')`, staffArea()];
    case 'all':
      return [];
  }
}

/** The WHERE of a list without its cursor (the export counts with it). */
function listWhere(req: ListRequest, scope: QueueScope, p: Param): string[] {
  return [
    ...queueSql(req.queue, req.view, scope, p),
    readScopeSql(scope.read, p),
    ...filterSql(req.filter, p, scope.now),
  ];
}

function params(): { values: unknown[]; p: Param } {
  const values: unknown[] = [];
  return {
    values,
    p: (v) => {
      values.push(v);
      return `$${values.length}`;
    },
  };
}

/** A page of `limit` in the sort's order and whether more remain. */
export async function listQueueCases(q: Queryable, req: ListRequest, scope: QueueScope): Promise<Page<CaseRow>> {
  const limit = req.limit ?? DEFAULT_PAGE_LIMIT;
  const { values, p } = params();
  const where = listWhere(req, scope, p);
  if (req.after) where.push(afterSql(req.sort, req.after, p));
  const { rows } = await q.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE ${where.join(' AND ')} ORDER BY ${ORDER_BY[req.sort]} LIMIT ${p(limit + 1)}`,
    values,
  );
  return pageOf(rows, limit, (c) => sortKeyOf(req.sort, c));
}

/** How many cases a list holds (every page). */
export async function countListCases(q: Queryable, req: ListRequest, scope: QueueScope): Promise<number> {
  const { values, p } = params();
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases WHERE ${listWhere(req, scope, p).join(' AND ')}`,
    values,
  );
  return rows[0]?.n ?? 0;
}

/** The queues of open cases (every one leaves closed and rejected cases out), and the handler's overdue tasks. */
export type OpenQueueCount = Exclude<Queue, 'mine' | 'all'> | 'tasks_overdue';

/**
 * How many cases each queue would list on its 待我处理 tab (the list's own conditions and read scope:
 * a count and its list cannot disagree), in ONE scan of the actor's open cases. `tasks_overdue`: the
 * tasks queue's cases past their handling deadline.
 */
export async function countQueueCases<K extends OpenQueueCount>(
  q: Queryable,
  queues: readonly K[],
  scope: QueueScope,
): Promise<Record<K, number>> {
  if (!queues.length) return {} as Record<K, number>;
  const { values, p } = params();
  const where = (k: OpenQueueCount) =>
    k === 'tasks_overdue'
      ? [...queueSql('tasks', 'actionable', scope, p), overdueSql(`${p(scope.now.toISOString())}::timestamptz`)]
      : queueSql(k, 'actionable', scope, p);
  const counts = queues.map((k) => `count(*) FILTER (WHERE ${where(k).join(' AND ')})::int AS "${k}"`);
  const { rows } = await q.query<Record<K, number>>(
    `SELECT ${counts.join(', ')} FROM cases WHERE state NOT IN ('closed', 'rejected') AND ${readScopeSql(scope.read, p)}`,
    values,
  );
  return rows[0] as Record<K, number>;
}
