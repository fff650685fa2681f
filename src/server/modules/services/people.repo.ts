/**
 * The registers as services read them (organisation's tables, identity's users): party
 * organisations, who may handle an errand in a village, and user names. Queries only.
 */
import type { Queryable } from '../../platform/db/db';

export async function partyOrgExists(q: Queryable, code: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM party_orgs WHERE code = $1', [code]);
  return rows.length > 0;
}

export interface UserBrief {
  id: string;
  displayName: string;
  kind: 'staff' | 'resident';
  disabled: boolean;
}

export async function findUser(q: Queryable, id: string): Promise<UserBrief | null> {
  const { rows } = await q.query<UserBrief>(
    `SELECT id, display_name AS "displayName", kind, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * The villages where an account may handle red errands: those of its party-member register entry
 * (the person record linked to the account, or with the phone it signs in with) and the communities
 * it reports to as an embedded cadre.
 */
export async function handlerVillages(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT left(r.household_code, 12) AS code FROM users u JOIN residents r ON r.id = u.resident_id
        JOIN party_members pm ON pm.resident_id = r.id WHERE u.id = $1
     UNION SELECT left(r.household_code, 12) FROM users u JOIN residents r ON r.phone_index = u.phone_index
        JOIN party_members pm ON pm.resident_id = r.id WHERE u.id = $1
     UNION SELECT c.community_code FROM users u JOIN service_cadres c ON c.phone_index = u.phone_index WHERE u.id = $1`,
    [userId],
  );
  return rows.map((r) => r.code);
}

export interface HandlerCandidate {
  userId: string;
  displayName: string;
  phoneMasked: string | null;
  source: 'party_member' | 'cadre';
}

/** Accounts that may handle errands in a village: its party members and its embedded cadres (at most 200, by name). */
export async function handlersIn(q: Queryable, village: string): Promise<HandlerCandidate[]> {
  const { rows } = await q.query<HandlerCandidate>(
    `SELECT DISTINCT ON (u.id) u.id AS "userId", u.display_name AS "displayName", u.phone_masked AS "phoneMasked", x.source
       FROM (
         SELECT u.id, 'party_member' AS source FROM party_members pm JOIN residents r ON r.id = pm.resident_id
           JOIN users u ON u.resident_id = r.id OR u.phone_index = r.phone_index
          WHERE r.household_code LIKE $1 || '%'
         UNION ALL
         SELECT u.id, 'cadre' FROM service_cadres c JOIN users u ON u.phone_index = c.phone_index WHERE c.community_code = $1
       ) x JOIN users u ON u.id = x.id
      WHERE u.disabled_at IS NULL
      ORDER BY u.id, x.source LIMIT 200`,
    [village],
  );
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
}
