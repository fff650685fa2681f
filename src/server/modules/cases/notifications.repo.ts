import type { Queryable } from '../../platform/db/db';
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

/** The user's notifications about cases they may still read (or public ones they follow): the detail's rule, as for every list. */
export async function listNotifications(
  q: Queryable,
  userId: string,
  scope: CaseReadScope,
  limit: number,
): Promise<NotificationRow[]> {
  const params: unknown[] = [userId, limit];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const { rows } = await q.query<NotificationRow>(
    `SELECT n.id, n.case_id AS "caseId", n.title, n.body, n.created_at AS "createdAt", n.read_at AS "readAt" FROM notifications n
      WHERE n.user_id = $1 AND (n.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id AND (c.is_public OR ${readScopeSql(scope, p, 'c')})))
      ORDER BY n.id DESC LIMIT $2`,
    params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
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
