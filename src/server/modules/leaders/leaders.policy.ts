/**
 * Who reads and keeps the 头雁 records: sensitive personnel data (干部人事信息), so only the
 * organisation department — the role org_officer (组织部门干部), held at the county (组织部) or a town
 * (组织委员) — within its subtree. Nobody else: not town, village or county officers without the role,
 * grid workers, department handlers, personal-data viewers, administrators or residents. Everyone
 * else gets 404 as for a missing record (and no capability, so no menu); every read of a person is
 * audited; phones and ID numbers are shown masked only (no reveal here).
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, holdsAt, scopesWith } from '../access';

export const ORG_ROLES: readonly Role[] = ['org_officer'];

export const orgScopes = (actor: Actor) => scopesWith(actor, ORG_ROLES);
export const canKeepAt = (actor: Actor, code: string) => holdsAt(actor, ORG_ROLES, code);

export function leadersCapabilities(actor: Actor): Capability[] {
  return orgScopes(actor).length ? ['leaders.records'] : [];
}
