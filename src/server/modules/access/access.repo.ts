import type { Queryable } from '../../platform/db/db';
import { type Grant, PERSONAL_HANDLER_ROLES, type Role } from './access.domain';

export interface Assignment {
  id: string;
  userId: string;
  username: string | null;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  departmentCode: string | null;
  grantedAt: Date;
}

interface Raw {
  id: string;
  user_id: string;
  username: string | null;
  display_name: string;
  role: Role;
  scope_code: string;
  scope_name: string;
  department_code: string | null;
  granted_at: Date;
}

const toAssignment = (r: Raw): Assignment => ({
  id: r.id,
  userId: r.user_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  scopeCode: r.scope_code,
  scopeName: r.scope_name,
  departmentCode: r.department_code,
  grantedAt: r.granted_at,
});

const SELECT = `SELECT a.id, a.user_id, u.username, u.display_name, a.role, a.scope_code, d.name AS scope_name, a.department_code, a.granted_at
  FROM role_assignments a JOIN users u ON u.id = a.user_id JOIN divisions d ON d.code = a.scope_code`;

/** An ILIKE pattern for text anywhere (its own % _ \\ taken literally). */
const containing = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/** The sort key of the staff list: place, role, name, then the assignment id (unique), as text. */
export const STAFF_KEY = ['string', 'string', 'string', 'string'] as const;
export const staffKey = (a: Assignment): [string, string, string, string] => [a.scopeCode, a.role, a.displayName, a.id];

export interface StaffFilter {
  role?: string;
  /** part of a name, username or place name, or a whole user id */
  text?: string;
}

/** Active assignments held at or below `scopeCode` passing `filter`, in key order after `after` (`limit` rows). */
export async function assignmentsInScope(
  q: Queryable,
  scopeCode: string,
  filter: StaffFilter,
  after: readonly string[] | null,
  limit: number,
): Promise<Assignment[]> {
  const params: unknown[] = [`${scopeCode}%`];
  const where = ['a.revoked_at IS NULL', 'a.scope_code LIKE $1'];
  if (filter.role) {
    params.push(filter.role);
    where.push(`a.role = $${params.length}`);
  }
  if (filter.text) {
    params.push(containing(filter.text), filter.text);
    const n = params.length;
    where.push(
      `(u.display_name ILIKE $${n - 1} OR u.username ILIKE $${n - 1} OR d.name ILIKE $${n - 1} OR a.user_id::text = $${n})`,
    );
  }
  if (after) {
    params.push(...after);
    const n = params.length;
    where.push(`(a.scope_code, a.role, u.display_name, a.id::text) > ($${n - 3}, $${n - 2}, $${n - 1}, $${n})`);
  }
  params.push(limit);
  const { rows } = await q.query<Raw>(
    `${SELECT} WHERE ${where.join(' AND ')}
      ORDER BY a.scope_code, a.role, u.display_name, a.id::text LIMIT $${params.length}`,
    params,
  );
  return rows.map(toAssignment);
}

/** Display names of the grid workers whose scope holds `code` (a household's grid and village). */
export async function gridWorkersOver(q: Queryable, code: string): Promise<{ displayName: string }[]> {
  const { rows } = await q.query<{ display_name: string }>(
    `SELECT u.display_name FROM role_assignments a JOIN users u ON u.id = a.user_id
      WHERE a.revoked_at IS NULL AND a.role = 'grid_worker' AND $1 LIKE a.scope_code || '%' AND length(a.scope_code) >= 12
      ORDER BY a.scope_code, u.display_name, a.id`,
    [code],
  );
  return rows.map((r) => ({ displayName: r.display_name }));
}

export async function assignmentsOfUser(q: Queryable, userId: string): Promise<Assignment[]> {
  const { rows } = await q.query<Raw>(`${SELECT} WHERE a.revoked_at IS NULL AND a.user_id = $1 ORDER BY a.granted_at`, [
    userId,
  ]);
  return rows.map(toAssignment);
}

export async function findAssignment(
  q: Queryable,
  id: string,
): Promise<(Assignment & { revokedAt: Date | null }) | null> {
  const { rows } = await q.query<Raw & { revoked_at: Date | null }>(
    `${SELECT.replace('a.granted_at', 'a.granted_at, a.revoked_at')} WHERE a.id = $1`,
    [id],
  );
  return rows[0] ? { ...toAssignment(rows[0]), revokedAt: rows[0].revoked_at } : null;
}

export async function insertAssignment(
  q: Queryable,
  a: { userId: string; role: Role; scopeCode: string; departmentCode: string | null; grantedBy: string | null },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO role_assignments (user_id, role, scope_code, department_code, granted_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [a.userId, a.role, a.scopeCode, a.departmentCode, a.grantedBy],
  );
  return rows[0].id;
}

export async function revokeAssignment(q: Queryable, id: string, by: string, now: Date): Promise<void> {
  await q.query('UPDATE role_assignments SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL', [
    id,
    now.toISOString(),
    by,
  ]);
}

export async function departmentExists(q: Queryable, code: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM departments WHERE code = $1', [code]);
  return rows.length > 0;
}

export async function listDepartments(
  q: Queryable,
): Promise<{ code: string; name: string; nameEn: string; scopeCode: string }[]> {
  const { rows } = await q.query<{ code: string; name: string; name_en: string; scope_code: string }>(
    'SELECT code, name, name_en, scope_code FROM departments ORDER BY code',
  );
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, scopeCode: r.scope_code }));
}

/**
 * Whether a staff member may be given a case at `place`: a grid worker or village officer of its
 * village, or a department handler whose scope covers it (the people handlingCandidates lists).
 */
export async function mayHandleAt(
  q: Queryable,
  userId: string,
  place: string,
  villageCode: string | null,
): Promise<boolean> {
  const { rows } = await q.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM role_assignments a WHERE a.user_id = $1 AND a.revoked_at IS NULL
        AND (($3::text IS NOT NULL AND a.role = ANY($4::text[]) AND a.scope_code LIKE $3 || '%')
          OR (a.role = 'department_handler' AND $2 LIKE a.scope_code || '%'))) AS ok`,
    [userId, place, villageCode, PERSONAL_HANDLER_ROLES],
  );
  return rows[0].ok;
}

/** At most this many assignments answer the dispatch picker (stated in its schema and shown in the dialog). */
export const CANDIDATE_CAP = 100;

/**
 * Who may be given a case (派遣对象): grid workers and village officers at or below its village, and
 * handlers of `departmentCode` whose scope holds the case's place. Active staff only; those holding
 * the case's own grid or village first.
 * At most `limit` (`more` says others match: the picker narrows by `text`, in name, user name or place).
 */
export async function handlingCandidates(
  q: Queryable,
  where: { place: string; villageCode: string | null; departmentCode: string | null; text?: string },
  limit = CANDIDATE_CAP,
): Promise<{ items: Assignment[]; more: boolean }> {
  const { rows } = await q.query<Raw>(
    `${SELECT}
      WHERE a.revoked_at IS NULL AND u.disabled_at IS NULL AND u.kind = 'staff'
        AND (($2::text IS NOT NULL AND a.role = ANY($5::text[]) AND a.scope_code LIKE $2 || '%')
          OR ($3::text IS NOT NULL AND a.role = 'department_handler' AND a.department_code = $3 AND $1 LIKE a.scope_code || '%'))
        AND ($6::text IS NULL OR u.display_name ILIKE $6 OR u.username ILIKE $6 OR d.name ILIKE $6)
      ORDER BY CASE WHEN $1 LIKE a.scope_code || '%' THEN 0 ELSE 1 END, CASE a.role WHEN 'grid_worker' THEN 0 WHEN 'village_officer' THEN 1 ELSE 2 END, a.scope_code, u.display_name, a.id
      LIMIT $4`,
    [
      where.place,
      where.villageCode,
      where.departmentCode,
      limit + 1,
      PERSONAL_HANDLER_ROLES,
      where.text ? containing(where.text) : null,
    ],
  );
  return { items: rows.slice(0, limit).map(toAssignment), more: rows.length > limit };
}

/** The grants a user holds now, oldest first. */
export async function activeGrants(q: Queryable, userId: string): Promise<Grant[]> {
  const { rows } = await q.query<{ role: Grant['role']; scope_code: string; department_code: string | null }>(
    'SELECT role, scope_code, department_code FROM role_assignments WHERE user_id = $1 AND revoked_at IS NULL ORDER BY granted_at',
    [userId],
  );
  return rows.map((r) => ({ role: r.role, scopeCode: r.scope_code, departmentCode: r.department_code }));
}

/** Locks the account a role is granted to (its row, until commit): grants to one account are checked one at a time. */
export async function lockGrantee(
  q: Queryable,
  id: string,
): Promise<{ id: string; kind: 'staff' | 'resident'; username: string | null } | null> {
  const { rows } = await q.query<{ id: string; kind: 'staff' | 'resident'; username: string | null }>(
    'SELECT id, kind, username FROM users WHERE id = $1 FOR NO KEY UPDATE',
    [id],
  );
  return rows[0] ?? null;
}
