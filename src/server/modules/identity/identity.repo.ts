import type { Queryable } from '../../platform/db/db';
import type { ThrottleState } from './identity.domain';
import { cutText } from '../../platform/text';

/** Role grants are the access module's (role_assignments); sign-in reads them through its door. */
export { activeGrants } from '../access';
import type { Grant } from '../access';

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
  /** The password was set by someone else (created or reset): its owner must choose a new one. */
  mustChangePassword: boolean;
}

interface Raw {
  id: string;
  kind: 'staff' | 'resident';
  username: string | null;
  display_name: string;
  password_hash: string | null;
  phone_masked: string | null;
  home_division_code: string | null;
  totp_secret_cipher: string | null;
  totp_enabled: boolean;
  totp_last_step: number | null;
  is_demo: boolean;
  disabled_at: Date | null;
  must_change_password: boolean;
}

const USER_COLUMNS =
  'id, kind, username, display_name, password_hash, phone_masked, home_division_code, totp_secret_cipher, totp_enabled, totp_last_step, is_demo, disabled_at, must_change_password';

const toUser = (r: Raw): UserRow => ({
  id: r.id,
  kind: r.kind,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  phoneMasked: r.phone_masked,
  homeDivisionCode: r.home_division_code,
  totpSecretCipher: r.totp_secret_cipher,
  totpEnabled: r.totp_enabled,
  totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
  isDemo: r.is_demo,
  disabledAt: r.disabled_at,
  mustChangePassword: r.must_change_password,
});

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserByPhoneIndex(q: Queryable, phoneIndex: string): Promise<UserRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${USER_COLUMNS} FROM users WHERE phone_index = $1`, [phoneIndex]);
  return rows[0] ? toUser(rows[0]) : null;
}

/** Locks the user's row until the transaction ends (role grants to one account, one at a time). */
export async function lockUser(q: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await q.query<Raw>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR NO KEY UPDATE`, [id]);
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
  /** The password was chosen by someone else (an administrator, the CLI): one-time. */
  mustChangePassword?: boolean;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO users (kind, username, display_name, password_hash, phone_cipher, phone_index, phone_masked, home_division_code, is_demo, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      u.kind,
      u.username ?? null,
      u.displayName,
      u.passwordHash ?? null,
      u.phoneCipher ?? null,
      u.phoneIndex ?? null,
      u.phoneMasked ?? null,
      u.homeDivisionCode ?? null,
      u.isDemo ?? false,
      u.mustChangePassword ?? false,
    ],
  );
  return rows[0].id;
}

export async function setTotp(
  q: Queryable,
  userId: string,
  secretCipher: string | null,
  enabled: boolean,
  lastStep: number | null,
): Promise<void> {
  await q.query('UPDATE users SET totp_secret_cipher = $2, totp_enabled = $3, totp_last_step = $4 WHERE id = $1', [
    userId,
    secretCipher,
    enabled,
    lastStep,
  ]);
}

/**
 * Records the TOTP step just used and enables TOTP; false when that step (or a later one) was
 * already used, so one code cannot open two sessions even when both arrive at once.
 */
export async function claimTotpStep(q: Queryable, userId: string, step: number): Promise<boolean> {
  const r = await q.query(
    'UPDATE users SET totp_enabled = true, totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)',
    [userId, step],
  );
  return r.rowCount === 1;
}

/** A new password hash; `mustChange` when someone other than the owner chose it. */
export async function setPassword(q: Queryable, userId: string, hash: string, mustChange: boolean): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1', [
    userId,
    hash,
    mustChange,
  ]);
}

/** The owner has replaced a one-time password: open resets of the account are done. */
export async function closePasswordResets(q: Queryable, userId: string, now: Date): Promise<void> {
  await q.query('UPDATE password_resets SET changed_at = $2 WHERE user_id = $1 AND changed_at IS NULL', [
    userId,
    now.toISOString(),
  ]);
}

export async function setHomeDivision(q: Queryable, userId: string, code: string): Promise<void> {
  await q.query('UPDATE users SET home_division_code = $2 WHERE id = $1', [userId, code]);
}

// --- throttle -----------------------------------------------------------------------------

/**
 * Counts one attempt for `principal` BEFORE its secret is checked, in one statement (atomic under
 * any concurrency): the count grows by one (from 1 again once a lock has run out) and reaching
 * `maxFailures` locks until `now + lockMinutes`. A success clears the row only if no other attempt
 * was counted since its own (clearThrottle); a failure leaves the count as it is. See attemptAllowed for which attempts may be checked.
 */
export async function reserveAttempt(
  q: Queryable,
  principal: string,
  now: Date,
  policy: { maxFailures: number; lockMinutes: number },
): Promise<ThrottleState> {
  const { rows } = await q.query<{ failures: number; locked_until: Date | null }>(
    `INSERT INTO sign_in_throttle AS t (principal, failures, locked_until, last_failure)
     VALUES ($1, 1, CASE WHEN 1 >= $3 THEN $2::timestamptz + make_interval(mins => $4::int) END, $2)
     ON CONFLICT (principal) DO UPDATE SET
       failures = CASE WHEN t.locked_until <= $2 THEN 1 ELSE t.failures + 1 END,
       locked_until = CASE WHEN t.locked_until > $2 THEN t.locked_until
                           WHEN (CASE WHEN t.locked_until <= $2 THEN 1 ELSE t.failures + 1 END) >= $3 THEN $2::timestamptz + make_interval(mins => $4::int)
                      END,
       last_failure = $2
     RETURNING failures, locked_until`,
    [principal, now.toISOString(), policy.maxFailures, policy.lockMinutes],
  );
  return {
    failures: Number(rows[0].failures),
    lockedUntil: rows[0].locked_until ? new Date(rows[0].locked_until) : null,
  };
}

/**
 * After a success: clears the count, but only if it is still the one this attempt reserved. Attempts
 * counted meanwhile (a burst of guesses alongside the owner) keep theirs and any lock they set, so
 * the owner's success cannot reopen checks for them.
 */
export async function clearThrottle(q: Queryable, principal: string, reserved: { failures: number }): Promise<void> {
  await q.query('DELETE FROM sign_in_throttle WHERE principal = $1 AND failures <= $2', [principal, reserved.failures]);
}

// --- sessions ------------------------------------------------------------------------------

export interface SessionRow {
  tokenHash: string;
  userId: string;
  stage: 'active' | 'totp' | 'totp_enroll' | 'password_change';
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function insertSession(
  q: Queryable,
  s: {
    tokenHash: string;
    userId: string;
    stage: SessionRow['stage'];
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, stage, created_at, last_seen_at, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [
      s.tokenHash,
      s.userId,
      s.stage,
      s.now.toISOString(),
      s.expiresAt.toISOString(),
      s.ip,
      s.userAgent ? cutText(s.userAgent, 300) : null,
    ],
  );
}

export async function findSession(q: Queryable, tokenHash: string): Promise<SessionRow | null> {
  const { rows } = await q.query<{
    token_hash: string;
    user_id: string;
    stage: SessionRow['stage'];
    last_seen_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
  }>('SELECT token_hash, user_id, stage, last_seen_at, expires_at, revoked_at FROM sessions WHERE token_hash = $1', [
    tokenHash,
  ]);
  const r = rows[0];
  return r
    ? {
        tokenHash: r.token_hash,
        userId: r.user_id,
        stage: r.stage,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
        revokedAt: r.revoked_at,
      }
    : null;
}

/** Marks sessions as seen (many in one statement; a later time never goes back). */
export async function touchSessions(q: Queryable, seen: readonly { tokenHash: string; at: Date }[]): Promise<void> {
  await q.query(
    `UPDATE sessions s SET last_seen_at = v.at FROM unnest($1::text[], $2::timestamptz[]) AS v(token_hash, at)
      WHERE s.token_hash = v.token_hash AND s.last_seen_at < v.at`,
    [seen.map((x) => x.tokenHash), seen.map((x) => x.at.toISOString())],
    { name: 'touch_sessions' },
  );
}

/** A pending (second-factor) session becomes active with the full lifetime. */
export async function activateSession(q: Queryable, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await q.query(`UPDATE sessions SET stage = 'active', last_seen_at = $2, expires_at = $3 WHERE token_hash = $1`, [
    tokenHash,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
}

/** A pending session moves to its next pending stage (e.g. from TOTP to the password change). */
export async function setSessionStage(q: Queryable, tokenHash: string, stage: SessionRow['stage']): Promise<void> {
  await q.query('UPDATE sessions SET stage = $2 WHERE token_hash = $1', [tokenHash, stage]);
}

export async function revokeSession(q: Queryable, tokenHash: string, now: Date): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
    now.toISOString(),
  ]);
}

export async function revokeUserSessions(q: Queryable, userId: string, now: Date): Promise<number> {
  const r = await q.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
    now.toISOString(),
  ]);
  return r.rowCount;
}

// --- SMS codes -----------------------------------------------------------------------------

/** Serialises everything about one phone (codes, sign-in) until the transaction ends. */
export async function lockPhone(q: Queryable, phoneIndex: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(7201091, hashtext($1))', [phoneIndex]);
}

export async function countSmsCodesSince(q: Queryable, phoneIndex: string, since: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sms_codes WHERE phone_index = $1 AND created_at > $2',
    [phoneIndex, since.toISOString()],
  );
  return Number(rows[0].n);
}

export async function latestSmsCode(q: Queryable, phoneIndex: string) {
  const { rows } = await q.query<{
    id: string;
    code_hash: string;
    created_at: Date;
    expires_at: Date;
    consumed_at: Date | null;
    attempts: number;
  }>(
    'SELECT id, code_hash, created_at, expires_at, consumed_at, attempts FROM sms_codes WHERE phone_index = $1 ORDER BY created_at DESC LIMIT 1',
    [phoneIndex],
  );
  return rows[0] ?? null;
}

export async function insertSmsCode(
  q: Queryable,
  phoneIndex: string,
  codeHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await q.query(
    'INSERT INTO sms_codes (phone_index, code_hash, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [phoneIndex, codeHash, 'sign_in', now.toISOString(), expiresAt.toISOString()],
  );
}

export async function markSmsCode(q: Queryable, id: string, consumed: boolean, now: Date): Promise<void> {
  await q.query(
    consumed
      ? 'UPDATE sms_codes SET consumed_at = $2, attempts = attempts + 1 WHERE id = $1'
      : 'UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1',
    consumed ? [id, now.toISOString()] : [id],
  );
}

export async function userPhoneIndex(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ phone_index: string | null }>('SELECT phone_index FROM users WHERE id = $1', [
    userId,
  ]);
  return rows[0]?.phone_index ?? null;
}

export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
  grants: Grant[];
}

/**
 * Sessions with their users and active grants, for many tokens in one round trip (every
 * authenticated request needs all three; concurrent requests share the query).
 */
export async function sessionsWithUsers(
  q: Queryable,
  tokenHashes: readonly string[],
): Promise<Map<string, SessionWithUser>> {
  const { rows } = await q.query<
    Raw & {
      token_hash: string;
      user_id: string;
      stage: SessionRow['stage'];
      last_seen_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
      grants: { role: Grant['role']; scope_code: string; department_code: string | null }[] | null;
    }
  >(
    `SELECT s.token_hash, s.user_id, s.stage, s.last_seen_at, s.expires_at, s.revoked_at,
            u.id, u.kind, u.username, u.display_name, u.password_hash, u.phone_masked, u.home_division_code, u.totp_secret_cipher,
            u.totp_enabled, u.totp_last_step, u.is_demo, u.disabled_at, u.must_change_password,
            (SELECT json_agg(json_build_object('role', a.role, 'scope_code', a.scope_code, 'department_code', a.department_code) ORDER BY a.granted_at)
               FROM role_assignments a WHERE a.user_id = u.id AND a.revoked_at IS NULL) AS grants
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ANY($1::text[])`,
    [tokenHashes],
    { name: 'sessions_with_users' },
  );
  return new Map(
    rows.map((r) => [
      r.token_hash,
      {
        session: {
          tokenHash: r.token_hash,
          userId: r.user_id,
          stage: r.stage,
          lastSeenAt: new Date(r.last_seen_at),
          expiresAt: new Date(r.expires_at),
          revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
        },
        user: toUser(r),
        grants: (r.grants ?? []).map((g) => ({
          role: g.role,
          scopeCode: g.scope_code,
          departmentCode: g.department_code,
        })),
      },
    ]),
  );
}

/** One stored phone cipher, if any (a restore checks that COCREATE_SECRET still decrypts them). */
export async function anyPhoneCipher(q: Queryable): Promise<string | null> {
  const { rows } = await q.query<{ c: string }>(
    'SELECT phone_cipher AS c FROM users WHERE phone_cipher IS NOT NULL LIMIT 1',
  );
  return rows[0]?.c ?? null;
}
