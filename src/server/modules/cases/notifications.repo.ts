import type { Queryable } from '../../platform/db/db';

export interface NotificationRow {
  id: number;
  caseId: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

export async function listNotifications(q: Queryable, userId: string, limit: number): Promise<NotificationRow[]> {
  const { rows } = await q.query<NotificationRow>(
    'SELECT id, case_id AS "caseId", title, body, created_at AS "createdAt", read_at AS "readAt" FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2',
    [userId, limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Marks the user's notifications read: the given ones, or all. Returns how many changed. */
export async function markRead(q: Queryable, userId: string, ids: readonly number[] | null, now: Date): Promise<number> {
  const r = await q.query(
    `UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
    [userId, ids, now.toISOString()],
  );
  return r.rowCount;
}
