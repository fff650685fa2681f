import type { Queryable } from '../../platform/db/db';
import type { Grant } from '../access/access.domain';
import type { ThrottleState } from './identity.domain';
import { cutText } from '../../platform/text';

export interface UserRow {
  id: string;
  kind: 'staff' | 'resident';
  username: string | null;
  displayName: string;
  passwordHash: string | null;
  phoneMasked: string | null;
  homeDivisionCode: string | null;
  totpSecretCipher: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  isDemo: boolean;
  disabledAt: Date | null;
}

interface Raw {
  id: string; kind: 'staff' | 'resident'; username: string | null; display_name: string; password_hash: string | null;
  phone_masked: string | null; home_division_code: string | null; totp_secret_cipher: string | null; totp_enabled: boolean;
  totp_last_step: number | null; is_demo: boolean; disabled_at: Date | null;
}

const USER_COLUMNS =
  'id, kind, username, display_name, password_hash, phone_masked, home_division_code, totp_secret_cipher, totp_enabled, totp_last_step, is_demo, disabled_at';

const toUser = (r: Raw): UserRow => ({
  id: r.id, kind: r.kind, username: r.username, displayName: r.display_name, passwordHash: r.password_hash,
  phoneMasked: r.phone_masked, homeDivisionCode: r.home_division_code, totpSecretCipher: r.totp_secret_cipher,
  totpEnabled: r.totp_enabled, totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
  isDemo: r.is_demo, disabledAt: r.disabled_at,
});

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserByPhoneIndex(q: Queryable, phoneIndex: string): Promise<UserRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${USER_COLUMNS} FROM users WHERE phone_index = $1`, [phoneIndex]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export interface NewUser {
  kind: 'staff' | 'resident';
  username?: string | null;
  displayName: string;
  passwordHash?: string | null;
  phoneCipher?: string | null;
  phoneIndex?: string | null;
  phoneMasked?: string | null;
  homeDivisionCode?: string | null;
  isDemo?: boolean;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO users (kind, username, display_name, password_hash, phone_cipher, phone_index, phone_masked, home_division_code, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [u.kind, u.username ?? null, u.displayName, u.passwordHash ?? null, u.phoneCipher ?? null, u.phoneIndex ?? null,
      u.phoneMasked ?? null, u.homeDivisionCode ?? null, u.isDemo ?? false],
  );
  return rows[0].id;
}

export async function setTotp(q: Queryable, userId: string, secretCipher: string | null, enabled: boolean, lastStep: number | null): Promise<void> {
  await q.query('UPDATE users SET totp_secret_cipher = $2, totp_enabled = $3, totp_last_step = $4 WHERE id = $1', [userId, secretCipher, enabled, lastStep]);
}

export async function setTotpLastStep(q: Queryable, userId: string, step: number): Promise<void> {
  await q.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [userId, step]);
}

export async function setHomeDivision(q: Queryable, userId: string, code: string): Promise<void> {
  await q.query('UPDATE users SET home_division_code = $2 WHERE id = $1', [userId, code]);
}

export async function activeGrants(q: Queryable, userId: string): Promise<Grant[]> {
  const { rows } = await q.query<{ role: Grant['role']; scope_code: string; department_code: string | null }>(
    'SELECT role, scope_code, department_code FROM role_assignments WHERE user_id = $1 AND revoked_at IS NULL ORDER BY granted_at',
    [userId],
  );
  return rows.map((r) => ({ role: r.role, scopeCode: r.scope_code, departmentCode: r.department_code }));
}

// --- throttle -----------------------------------------------------------------------------

export async function readThrottle(q: Queryable, principal: string): Promise<ThrottleState | null> {
  const { rows } = await q.query<{ failures: number; locked_until: Date | null }>(
    'SELECT failures, locked_until FROM sign_in_throttle WHERE principal = $1 FOR UPDATE',
    [principal],
  );
  return rows[0] ? { failures: rows[0].failures, lockedUntil: rows[0].locked_until } : null;
}

export async function writeThrottle(q: Queryable, principal: string, s: ThrottleState, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO sign_in_throttle (principal, failures, locked_until, last_failure) VALUES ($1, $2, $3, $4)
     ON CONFLICT (principal) DO UPDATE SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until, last_failure = EXCLUDED.last_failure`,
    [principal, s.failures, s.lockedUntil?.toISOString() ?? null, now.toISOString()],
  );
}

export async function clearThrottle(q: Queryable, principal: string): Promise<void> {
  await q.query('DELETE FROM sign_in_throttle WHERE principal = $1', [principal]);
}

// --- sessions ------------------------------------------------------------------------------

export interface SessionRow {
  tokenHash: string;
  userId: string;
  stage: 'active' | 'totp' | 'totp_enroll';
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function insertSession(
  q: Queryable,
  s: { tokenHash: string; userId: string; stage: SessionRow['stage']; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, stage, created_at, last_seen_at, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [s.tokenHash, s.userId, s.stage, s.now.toISOString(), s.expiresAt.toISOString(), s.ip, s.userAgent ? cutText(s.userAgent, 300) : null],
  );
}

export async function findSession(q: Queryable, tokenHash: string): Promise<SessionRow | null> {
  const { rows } = await q.query<{ token_hash: string; user_id: string; stage: SessionRow['stage']; last_seen_at: Date; expires_at: Date; revoked_at: Date | null }>(
    'SELECT token_hash, user_id, stage, last_seen_at, expires_at, revoked_at FROM sessions WHERE token_hash = $1',
    [tokenHash],
  );
  const r = rows[0];
  return r ? { tokenHash: r.token_hash, userId: r.user_id, stage: r.stage, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at, revokedAt: r.revoked_at } : null;
}

/** Marks sessions as seen (many in one statement; a later time never goes back). */
export async function touchSessions(q: Queryable, seen: readonly { tokenHash: string; at: Date }[]): Promise<void> {
  await q.query(
    `UPDATE sessions s SET last_seen_at = v.at FROM unnest($1::text[], $2::timestamptz[]) AS v(token_hash, at)
      WHERE s.token_hash = v.token_hash AND s.last_seen_at < v.at`,
    [seen.map((x) => x.tokenHash), seen.map((x) => x.at.toISOString())], { name: 'touch_sessions' },
  );
}

/** A pending (second-factor) session becomes active with the full lifetime. */
export async function activateSession(q: Queryable, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await q.query(`UPDATE sessions SET stage = 'active', last_seen_at = $2, expires_at = $3 WHERE token_hash = $1`, [
    tokenHash, now.toISOString(), expiresAt.toISOString(),
  ]);
}

export async function revokeSession(q: Queryable, tokenHash: string, now: Date): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now.toISOString()]);
}

export async function revokeUserSessions(q: Queryable, userId: string, now: Date): Promise<number> {
  const r = await q.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now.toISOString()]);
  return r.rowCount;
}

// --- SMS codes -----------------------------------------------------------------------------

export async function latestSmsCode(q: Queryable, phoneIndex: string) {
  const { rows } = await q.query<{ id: string; code_hash: string; created_at: Date; expires_at: Date; consumed_at: Date | null; attempts: number }>(
    'SELECT id, code_hash, created_at, expires_at, consumed_at, attempts FROM sms_codes WHERE phone_index = $1 ORDER BY created_at DESC LIMIT 1 FOR UPDATE',
    [phoneIndex],
  );
  return rows[0] ?? null;
}

export async function insertSmsCode(q: Queryable, phoneIndex: string, codeHash: string, now: Date, expiresAt: Date): Promise<void> {
  await q.query('INSERT INTO sms_codes (phone_index, code_hash, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    phoneIndex, codeHash, 'sign_in', now.toISOString(), expiresAt.toISOString(),
  ]);
}

export async function markSmsCode(q: Queryable, id: string, consumed: boolean, now: Date): Promise<void> {
  await q.query(
    consumed ? 'UPDATE sms_codes SET consumed_at = $2, attempts = attempts + 1 WHERE id = $1' : 'UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1',
    consumed ? [id, now.toISOString()] : [id],
  );
}

export async function userPhoneIndex(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ phone_index: string | null }>('SELECT phone_index FROM users WHERE id = $1', [userId]);
  return rows[0]?.phone_index ?? null;
}

export interface SessionWithUser { session: SessionRow; user: UserRow; grants: Grant[] }

/**
 * Sessions with their users and active grants, for many tokens in one round trip (every
 * authenticated request needs all three; concurrent requests share the query).
 */
export async function sessionsWithUsers(q: Queryable, tokenHashes: readonly string[]): Promise<Map<string, SessionWithUser>> {
  const { rows } = await q.query<Raw & { token_hash: string; user_id: string; stage: SessionRow['stage']; last_seen_at: Date; expires_at: Date; revoked_at: Date | null; grants: { role: Grant['role']; scope_code: string; department_code: string | null }[] | null }>(
    `SELECT s.token_hash, s.user_id, s.stage, s.last_seen_at, s.expires_at, s.revoked_at,
            u.id, u.kind, u.username, u.display_name, u.password_hash, u.phone_masked, u.home_division_code, u.totp_secret_cipher,
            u.totp_enabled, u.totp_last_step, u.is_demo, u.disabled_at,
            (SELECT json_agg(json_build_object('role', a.role, 'scope_code', a.scope_code, 'department_code', a.department_code) ORDER BY a.granted_at)
               FROM role_assignments a WHERE a.user_id = u.id AND a.revoked_at IS NULL) AS grants
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ANY($1::text[])`,
    [tokenHashes], { name: 'sessions_with_users' },
  );
  return new Map(rows.map((r) => [r.token_hash, {
    session: { tokenHash: r.token_hash, userId: r.user_id, stage: r.stage, lastSeenAt: new Date(r.last_seen_at), expiresAt: new Date(r.expires_at), revokedAt: r.revoked_at ? new Date(r.revoked_at) : null },
    user: toUser(r),
    grants: (r.grants ?? []).map((g) => ({ role: g.role, scopeCode: g.scope_code, departmentCode: g.department_code })),
  }]));
}
