import type { Queryable } from '../../platform/db/db';

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  totpEnabled: boolean;
  isDemo: boolean;
  disabledAt: Date | null;
  createdAt: Date;
  roles: string[];
}

/** Staff accounts whose username or name contains `text`, by username, after the username `after`. */
export async function listAccounts(
  q: Queryable,
  text: string,
  limit: number,
  after: string | null,
): Promise<AccountRow[]> {
  const { rows } = await q.query<{
    id: string;
    username: string;
    display_name: string;
    totp_enabled: boolean;
    is_demo: boolean;
    disabled_at: Date | null;
    created_at: Date;
    roles: string[] | null;
  }>(
    `SELECT u.id, u.username, u.display_name, u.totp_enabled, u.is_demo, u.disabled_at, u.created_at,
            array_remove(array_agg(DISTINCT a.role), NULL) AS roles
       FROM users u LEFT JOIN role_assignments a ON a.user_id = u.id AND a.revoked_at IS NULL
      WHERE u.kind = 'staff' AND (u.username LIKE $1 OR u.display_name LIKE $1) AND ($3::text IS NULL OR u.username > $3)
      GROUP BY u.id ORDER BY u.username LIMIT $2`,
    [`%${text.replace(/[%_\\]/g, '\\$&')}%`, limit, after],
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    totpEnabled: r.totp_enabled,
    isDemo: r.is_demo,
    disabledAt: r.disabled_at,
    createdAt: r.created_at,
    roles: r.roles ?? [],
  }));
}

export async function setDisabled(q: Queryable, id: string, at: Date | null): Promise<void> {
  await q.query('UPDATE users SET disabled_at = $2 WHERE id = $1', [id, at?.toISOString() ?? null]);
}

/** The person record (residents.id) behind a staff account, or null. */
export async function personOfAccount(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ residentId: string | null }>(
    'SELECT resident_id AS "residentId" FROM users WHERE id = $1',
    [userId],
  );
  return rows[0]?.residentId ?? null;
}

export async function personExists(q: Queryable, residentId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM residents WHERE id = $1', [residentId])).rows.length > 0;
}

export async function setPersonOfAccount(q: Queryable, userId: string, residentId: string | null): Promise<void> {
  await q.query('UPDATE users SET resident_id = $2 WHERE id = $1', [userId, residentId]);
}

export async function insertPasswordReset(
  q: Queryable,
  r: { userId: string; by: string | null; byLabel: string; at: Date },
): Promise<void> {
  await q.query('INSERT INTO password_resets (user_id, reset_by, reset_by_label, reset_at) VALUES ($1, $2, $3, $4)', [
    r.userId,
    r.by,
    r.byLabel,
    r.at.toISOString(),
  ]);
}

export interface PasswordResetRow {
  id: number;
  userId: string;
  username: string;
  displayName: string;
  resetBy: string;
  resetAt: Date;
  changedAt: Date | null;
}

/** Password resets, newest first, before the reset `beforeId` when given. */
export async function listPasswordResets(
  q: Queryable,
  limit: number,
  beforeId: number | null,
): Promise<PasswordResetRow[]> {
  const { rows } = await q.query<{
    id: number;
    user_id: string;
    username: string;
    display_name: string;
    reset_by_label: string;
    reset_at: Date;
    changed_at: Date | null;
  }>(
    `SELECT r.id, r.user_id, u.username, u.display_name, r.reset_by_label, r.reset_at, r.changed_at
       FROM password_resets r JOIN users u ON u.id = r.user_id WHERE ($2::bigint IS NULL OR r.id < $2) ORDER BY r.id DESC LIMIT $1`,
    [limit, beforeId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    resetBy: r.reset_by_label,
    resetAt: r.reset_at,
    changedAt: r.changed_at,
  }));
}

export async function countDemoAccounts(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM users WHERE is_demo AND disabled_at IS NULL',
  );
  return Number(rows[0].n);
}
