/** The work queues of the console and the app: one query per queue, within the actor's read scope (the detail's rule). */
import type { Queryable } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, decodeCursor, type Page, pageOf } from '../../platform/page';
import { readScopeSql } from './case-scope.repo';
import type { CaseReadScope } from './cases.policy';
import { CASE_COLUMNS, type CaseRow } from './cases.repo';
import { QUEUES, type QueueName } from './cases.schema';

export type Queue = QueueName;
export { QUEUES };

export interface QueueScope {
  /** what the actor may read at all (cases.policy caseReadScope); every queue is limited to it */ read: CaseReadScope;
  /** the actor: reporter of "mine", handler of "tasks" */ userId: string;
  /** division codes whose subtrees the actor's staff roles cover (the areas of triage, verification, oversight) */ staffScopes: string[];
  now: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which page of a list: the previous page's `next`, and how many rows. */
export interface PageRequest {
  cursor?: string;
  limit?: number;
}

type Param = (v: unknown) => string;

/** The conditions of one queue (besides the read scope), with `p` adding parameters: the list's and the count's. */
function queueWhere(queue: Queue, scope: QueueScope, p: Param): string[] {
  const { read, userId, staffScopes, now } = scope;
  const staffArea = () =>
    staffScopes.length ? `division_code LIKE ANY (${p(staffScopes.map((s) => `${s}%`))}::text[])` : 'false';
  // the handler's own work: given to them, or to a department they handle for within that grant's subtree
  const handling = () =>
    `handler_user_id = ${p(userId)} OR ${readScopeSql({ userId: null, staffScopes: [], departments: read.departments }, p)}`;
  switch (queue) {
    case 'mine':
      return [`reporter_id = ${p(userId)}`];
    case 'triage':
      return [`state IN ('received', 'filed')`, staffArea()];
    case 'tasks':
      return [`state IN ('dispatched', 'handling', 'suspended')`, `(${handling()})`];
    case 'verify':
      return [`state = 'feedback'`, staffArea()];
    case 'overdue':
      return [`state IN ('dispatched', 'handling') AND handle_due_at < ${p(now.toISOString())}`, staffArea()];
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

/** Newest first, keyed by (received_at, id): a page of `limit` and whether more remain. */
export async function listQueueCases(
  q: Queryable,
  queue: Queue,
  scope: QueueScope,
  page: PageRequest,
): Promise<Page<CaseRow>> {
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = queueWhere(queue, scope, p);
  where.push(readScopeSql(scope.read, p));
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['date', 'string']);
    if (!UUID.test(String(id))) throw new AppError('cursor_invalid', { field: 'cursor' });
    where.push(`(received_at, id) < (${p(at)}::timestamptz, ${p(id)}::uuid)`);
  }
  const { rows } = await q.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE ${where.join(' AND ')} ORDER BY received_at DESC, id DESC LIMIT ${p(limit + 1)}`,
    params,
  );
  return pageOf(rows, limit, (c) => [c.receivedAt, c.id]);
}

/** The queues of open cases (every one leaves closed and rejected cases out), and the handler's overdue tasks. */
export type OpenQueueCount = Exclude<Queue, 'mine' | 'all'> | 'tasks_overdue';

/**
 * How many cases each queue would list (the list's own conditions and read scope: a count and its
 * list cannot disagree), in ONE scan of the actor's open cases. `tasks_overdue`: the tasks queue's
 * cases past their handling deadline.
 */
export async function countQueueCases<K extends OpenQueueCount>(
  q: Queryable,
  queues: readonly K[],
  scope: QueueScope,
): Promise<Record<K, number>> {
  if (!queues.length) return {} as Record<K, number>;
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = (k: OpenQueueCount) =>
    k === 'tasks_overdue'
      ? [
          ...queueWhere('tasks', scope, p),
          `state IN ('dispatched', 'handling') AND handle_due_at < ${p(scope.now.toISOString())}`,
        ]
      : queueWhere(k, scope, p);
  const counts = queues.map((k) => `count(*) FILTER (WHERE ${where(k).join(' AND ')})::int AS "${k}"`);
  const { rows } = await q.query<Record<K, number>>(
    `SELECT ${counts.join(', ')} FROM cases WHERE state NOT IN ('closed', 'rejected') AND ${readScopeSql(scope.read, p)}`,
    params,
  );
  return rows[0];
}
