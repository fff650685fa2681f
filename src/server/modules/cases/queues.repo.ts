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

/** Newest first, keyed by (received_at, id): a page of `limit` and whether more remain. */
export async function listQueueCases(
  q: Queryable,
  queue: Queue,
  scope: QueueScope,
  page: PageRequest,
): Promise<Page<CaseRow>> {
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const { read, userId, staffScopes, now } = scope;
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const staffArea = () =>
    staffScopes.length ? `division_code LIKE ANY (${p(staffScopes.map((s) => `${s}%`))}::text[])` : 'false';
  // the handler's own work: given to them, or to a department they handle for within that grant's subtree
  const handling = () =>
    `handler_user_id = ${p(userId)} OR ${readScopeSql({ userId: null, staffScopes: [], departments: read.departments }, p)}`;
  switch (queue) {
    case 'mine':
      where.push(`reporter_id = ${p(userId)}`);
      break;
    case 'triage':
      where.push(`state IN ('received', 'filed')`, staffArea());
      break;
    case 'tasks':
      where.push(`state IN ('dispatched', 'handling', 'suspended')`, `(${handling()})`);
      break;
    case 'verify':
      where.push(`state = 'feedback'`, staffArea());
      break;
    case 'overdue':
      where.push(`state IN ('dispatched', 'handling') AND handle_due_at < ${p(now.toISOString())}`, staffArea());
      break;
    case 'due_soon':
      where.push(
        `state IN ('dispatched', 'handling') AND handle_due_at BETWEEN ${p(now.toISOString())} AND ${p(new Date(now.getTime() + 24 * 3_600_000).toISOString())}`,
        staffArea(),
      );
      break;
    case 'supervised':
      where.push(`supervised AND state NOT IN ('closed', 'rejected')`, staffArea());
      break;
    case 'all':
      break;
  }
  where.push(readScopeSql(read, p));
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
