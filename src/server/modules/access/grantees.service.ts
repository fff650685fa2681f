/** Whom to grant a role to: a search by name or phone within the security administrator's scope, masked and audited. */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { maskPhone, normalizePhone } from '../../platform/crypto/masking';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, decodeCursor, pageOf } from '../../platform/page';
import { can, canSearchGranteesAt } from './access.policy';
import type { GranteePage, GranteeQuery } from './access.schema';
import { GRANTEE_KEY, type GranteeMatch, granteeKey, granteesInScope } from './grantees.repo';

/** What the search box holds: a whole phone (found through the blind index) or part of a name or username. */
export function granteeMatch(text: string): { match: 'phone'; phone: string } | { match: 'name'; name: string } {
  const q = text.trim();
  if (!q) throw new AppError('grantee_query_empty');
  const phone = normalizePhone(q);
  if (phone) return { match: 'phone', phone };
  // Digits only but not a whole mobile number: a part of a phone cannot be looked up (it is stored as a blind index).
  if (/^[+\d\s-]+$/.test(q)) throw new AppError('grantee_phone_incomplete', { q });
  return { match: 'name', name: q };
}

/** A page of people the actor may grant a role to at or below `scope`; every search is in the audit trail. */
export async function searchGrantees(deps: Deps, actor: Actor, query: GranteeQuery): Promise<GranteePage> {
  if (!can(actor, 'roles.manage') || actor.kind !== 'user') throw new AppError('forbidden');
  if (!canSearchGranteesAt(actor, query.scope)) throw new AppError('not_found', { what: `division ${query.scope}` });
  const parsed = granteeMatch(query.q);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? (decodeCursor(query.cursor, GRANTEE_KEY) as string[]) : null;
  const match: GranteeMatch =
    parsed.match === 'phone' ? { phoneIndex: deps.crypto.blindIndex('phone', parsed.phone) } : { name: parsed.name };
  return deps.db.transaction(async (tx) => {
    const rows = await granteesInScope(tx, query.scope, match, actor.userId, after, limit + 1);
    const page = pageOf(rows, limit, granteeKey);
    await audit(tx, actor, {
      action: 'roles.grantee_search',
      entityType: 'division',
      entityId: query.scope,
      scopeCode: query.scope,
      after: {
        matchedBy: parsed.match,
        q: parsed.match === 'phone' ? maskPhone(parsed.phone) : parsed.name,
        found: page.items.map((g) => g.userId),
      },
    });
    return { matchedBy: parsed.match, ...page };
  });
}
