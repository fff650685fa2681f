import type { Queryable } from '../../platform/db/db';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, decodeCursor, type Page, pageOf } from '../../platform/page';
import { readScopeSql } from './case-scope.repo';
import type { CaseReadScope } from './cases.policy';

export interface NotificationRow {
  id: number;
  caseId: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The user's notifications about cases they may still read (or public ones they follow): the
 * detail's rule, as for every list. Newest first, a page at a time (keyed by id).
 */
export async function listNotifications(
  q: Queryable,
  userId: string,
  scope: CaseReadScope,
  page: { cursor?: string; limit?: number },
): Promise<Page<NotificationRow>> {
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const before = page.cursor ? (decodeCursor(page.cursor, ['number'])[0] as number) : null;
  if (before !== null && !Number.isSafeInteger(before)) throw new AppError('cursor_invalid', { field: 'cursor' });
  const params: unknown[] = [userId, limit + 1, before];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const { rows } = await q.query<NotificationRow>(
    `SELECT n.id, n.case_id AS "caseId", n.title, n.body, n.created_at AS "createdAt", n.read_at AS "readAt" FROM notifications n
      WHERE n.user_id = $1 AND ($3::bigint IS NULL OR n.id < $3::bigint)
        AND (n.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id AND (c.is_public OR ${readScopeSql(scope, p, 'c')})))
      ORDER BY n.id DESC LIMIT $2`,
    params,
  );
  return pageOf(
    rows.map((r) => ({ ...r, id: Number(r.id) })),
    limit,
    (r) => [r.id],
  );
}

/** Marks the user's notifications read: the given ones, or all. Returns how many changed. */
export async function markRead(
  q: Queryable,
  userId: string,
  ids: readonly number[] | null,
  now: Date,
): Promise<number> {
  const r = await q.query(
    `UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
    [userId, ids, now.toISOString()],
  );
  return r.rowCount;
}
