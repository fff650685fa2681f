/** The big-screen links' rows (cockpit_screens, migrations/0032): only the token's keyed hash is stored. */
import type { Queryable } from '../../platform/db/db';

export interface ScreenRow {
  id: string;
  placeCode: string;
  placeName: string;
  label: string;
  createdAt: Date;
  createdBy: string;
  createdByName: string;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
}

const SELECT = `SELECT s.id, s.place_code AS "placeCode", d.name AS "placeName", s.label, s.created_at AS "createdAt",
                       s.created_by AS "createdBy", u.display_name AS "createdByName", s.revoked_at AS "revokedAt",
                       s.last_seen_at AS "lastSeenAt"
                  FROM cockpit_screens s JOIN divisions d ON d.code = s.place_code JOIN users u ON u.id = s.created_by`;

export async function insertScreen(
  q: Queryable,
  s: { placeCode: string; label: string; tokenHash: string; createdBy: string; at: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO cockpit_screens (place_code, label, token_hash, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [s.placeCode, s.label, s.tokenHash, s.createdBy, s.at],
  );
  return rows[0].id;
}

export async function findScreen(q: Queryable, id: string): Promise<ScreenRow | null> {
  const { rows } = await q.query<ScreenRow>(`${SELECT} WHERE s.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The links of places under any of `scopes`, newest first. */
export async function listScreens(q: Queryable, scopes: readonly string[]): Promise<ScreenRow[]> {
  if (scopes.length === 0) return [];
  const { rows } = await q.query<ScreenRow>(
    `${SELECT} WHERE s.place_code LIKE ANY (SELECT unnest($1::text[]) || '%') ORDER BY s.created_at DESC, s.id LIMIT 500`,
    [scopes],
  );
  return rows;
}

/** Revokes a link (once: a second revoke changes nothing); true when this call revoked it. */
export async function revokeScreen(q: Queryable, id: string, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    'UPDATE cockpit_screens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
    [id, at],
  );
  return rowCount > 0;
}

/** The place of a live link by its token's hash (null: unknown or revoked); notes when it was last seen (at most once a minute). */
export async function liveScreenPlace(q: Queryable, tokenHash: string, at: Date): Promise<string | null> {
  const { rows } = await q.query<{ place: string; id: string; seen: Date | null }>(
    `SELECT id, place_code AS place, last_seen_at AS seen FROM cockpit_screens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.seen || at.getTime() - new Date(row.seen).getTime() >= 60_000)
    await q.query('UPDATE cockpit_screens SET last_seen_at = $2 WHERE id = $1', [row.id, at]);
  return row.place;
}
