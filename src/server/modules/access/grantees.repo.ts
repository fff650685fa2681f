/** Finding the person a role is granted to: users at or below a place, by name or by the phone's blind index. */
import type { Queryable } from '../../platform/db/db';
import type { Grantee } from './access.schema';

export const GRANTEE_KEY = ['string', 'string'] as const;
export const granteeKey = (g: Grantee): [string, string] => [g.displayName, g.userId];

/** A name (part of it) or a phone's blind index: never a phone in clear text. */
export type GranteeMatch = { name: string } | { phoneIndex: string };

const containing = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * Enabled users other than `exceptUserId` who live at or below `scopeCode` (their home place) or
 * hold an active role there, matching `match`, in key order after `after` (`limit` rows).
 */
export async function granteesInScope(
  q: Queryable,
  scopeCode: string,
  match: GranteeMatch,
  exceptUserId: string,
  after: readonly string[] | null,
  limit: number,
): Promise<Grantee[]> {
  const params: unknown[] = [`${scopeCode}%`, exceptUserId];
  const where = [
    'u.disabled_at IS NULL',
    'u.id <> $2',
    `(u.home_division_code LIKE $1 OR EXISTS (SELECT 1 FROM role_assignments a
       WHERE a.user_id = u.id AND a.revoked_at IS NULL AND a.scope_code LIKE $1))`,
  ];
  if ('phoneIndex' in match) {
    params.push(match.phoneIndex);
    where.push(`u.phone_index = $${params.length}`);
  } else {
    params.push(containing(match.name));
    where.push(`(u.display_name ILIKE $${params.length} OR u.username ILIKE $${params.length})`);
  }
  if (after) {
    params.push(...after);
    where.push(`(u.display_name, u.id::text) > ($${params.length - 1}, $${params.length})`);
  }
  params.push(limit);
  const { rows } = await q.query<Grantee>(
    `SELECT u.id::text AS "userId", u.kind, u.display_name AS "displayName", u.username, u.phone_masked AS "phoneMasked",
            u.home_division_code AS "homeCode", d.name AS "homeName",
            coalesce((SELECT array_agg(DISTINCT a.role ORDER BY a.role) FROM role_assignments a
                       WHERE a.user_id = u.id AND a.revoked_at IS NULL), '{}') AS roles
       FROM users u LEFT JOIN divisions d ON d.code = u.home_division_code
      WHERE ${where.join(' AND ')}
      ORDER BY u.display_name, u.id::text LIMIT $${params.length}`,
    params,
  );
  return rows;
}
