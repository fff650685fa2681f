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

export async function listAccounts(q: Queryable, text: string, limit: number): Promise<AccountRow[]> {
  const { rows } = await q.query<{ id: string; username: string; display_name: string; totp_enabled: boolean; is_demo: boolean; disabled_at: Date | null; created_at: Date; roles: string[] | null }>(
    `SELECT u.id, u.username, u.display_name, u.totp_enabled, u.is_demo, u.disabled_at, u.created_at,
            array_remove(array_agg(DISTINCT a.role), NULL) AS roles
       FROM users u LEFT JOIN role_assignments a ON a.user_id = u.id AND a.revoked_at IS NULL
      WHERE u.kind = 'staff' AND (u.username LIKE $1 OR u.display_name LIKE $1)
      GROUP BY u.id ORDER BY u.username LIMIT $2`,
    [`%${text.replace(/[%_\\]/g, '\\$&')}%`, limit],
  );
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, totpEnabled: r.totp_enabled, isDemo: r.is_demo,
    disabledAt: r.disabled_at, createdAt: r.created_at, roles: r.roles ?? [],
  }));
}

export async function setDisabled(q: Queryable, id: string, at: Date | null): Promise<void> {
  await q.query('UPDATE users SET disabled_at = $2 WHERE id = $1', [id, at?.toISOString() ?? null]);
}

export async function setPasswordHash(q: Queryable, id: string, hash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash]);
}

export async function countDemoAccounts(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE is_demo AND disabled_at IS NULL');
  return Number(rows[0].n);
}
