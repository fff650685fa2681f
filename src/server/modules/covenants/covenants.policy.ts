/**
 * Who may do what with covenants, councils and the 红白事 register. Village officers and grid workers
 * keep those of their village (a grid worker's village: the grid's first 12 digits); town officers
 * those of the villages of their town; county officers read their subtree. Residents read the version
 * in force of their own village (checked in the service against their resident record). Pure.
 */
import type { Actor, Role } from '../../platform/actor';
import { type Capability, scopesWith } from '../access';

const VILLAGE_STAFF: readonly Role[] = ['grid_worker', 'village_officer'];

/** The subtrees the actor keeps covenants, councils and the register in. */
export function managedScopes(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants
    .filter((g) => VILLAGE_STAFF.includes(g.role) || g.role === 'town_officer')
    .map((g) => (g.role === 'town_officer' ? g.scopeCode : g.scopeCode.slice(0, 12)));
}

export function managesAt(actor: Actor, code: string): boolean {
  return code.length >= 12 && managedScopes(actor).some((s) => code.startsWith(s));
}

export function readableScopes(actor: Actor): string[] {
  return [...new Set([...managedScopes(actor), ...scopesWith(actor, ['county_officer'])])];
}

export function canReadAt(actor: Actor, code: string): boolean {
  return readableScopes(actor).some((s) => code.startsWith(s));
}

/**
 * The subtrees a list shows: the readable ones, narrowed to `scope` when given (a scope inside a
 * readable subtree, or the readable subtrees inside it). Empty when the scope is out of reach.
 */
export function listScopes(actor: Actor, scope?: string): string[] {
  const readable = readableScopes(actor);
  if (!scope) return readable;
  return readable.some((s) => scope.startsWith(s)) ? [scope] : readable.filter((s) => s.startsWith(scope));
}

export function covenantCapabilities(actor: Actor): Capability[] {
  const caps: Capability[] = [];
  if (readableScopes(actor).length) caps.push('covenants.read');
  if (managedScopes(actor).length) caps.push('covenants.manage');
  return caps;
}
