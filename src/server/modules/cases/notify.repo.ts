/** The notifications' SQL: who holds a role over a place, a case's routing, the in-app rows, a resident's phone. */
import type { Queryable } from '../../platform/db/db';
import type { Role } from '../../platform/actor';
import type { CaseRow } from './cases.repo';

/** Active, enabled staff holding one of `roles` over `place` (and of the department, when given). */
export async function usersHolding(
  q: Queryable,
  roles: readonly Role[],
  place: string,
  departmentCode?: string | null,
): Promise<string[]> {
  const { rows } = await q.query<{ user_id: string }>(
    `SELECT DISTINCT a.user_id FROM role_assignments a JOIN users u ON u.id = a.user_id
      WHERE a.revoked_at IS NULL AND u.disabled_at IS NULL AND a.role = ANY($1::text[]) AND $2 LIKE a.scope_code || '%'
        AND ($3::text IS NULL OR a.department_code = $3)`,
    [roles, place, departmentCode ?? null],
  );
  return rows.map((r) => r.user_id);
}

/** Where a case is routed now (for resolving its triagers at delivery); null when it is gone. */
export async function caseRouting(
  q: Queryable,
  caseId: string,
): Promise<Pick<CaseRow, 'tier' | 'gridCode' | 'divisionCode'> | null> {
  const { rows } = await q.query<Pick<CaseRow, 'tier' | 'gridCode' | 'divisionCode'>>(
    'SELECT tier, grid_code AS "gridCode", division_code AS "divisionCode" FROM cases WHERE id = $1',
    [caseId],
  );
  return rows[0] ?? null;
}

/** One in-app notification per outbox message and user; false when it was already written. */
export async function insertNotification(
  q: Queryable,
  n: { userId: string; outboxId: number | string; caseId: string; title: string; body: string; at: Date },
): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO notifications (user_id, outbox_id, case_id, title, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (outbox_id, user_id) DO NOTHING`,
    [n.userId, n.outboxId, n.caseId, n.title, n.body, n.at.toISOString()],
  );
  return r.rowCount > 0;
}

/** A resident's encrypted phone (staff get no SMS about cases), or null. */
export async function residentPhoneCipher(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ phone_cipher: string | null }>(
    `SELECT phone_cipher FROM users WHERE id = $1 AND kind = 'resident'`,
    [userId],
  );
  return rows[0]?.phone_cipher ?? null;
}
