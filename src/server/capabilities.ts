/**
 * What `/api/me` tells the web apps they may show: the union of each module's capabilities, each
 * computed by that module's own policy (its manifest's `capabilities`), joined here so no module
 * imports another's policy for it.
 */
import { type LoadedModule, loadServerModules } from './assembly';
import type { Capability } from './modules/access/capabilities';
import type { Actor } from './platform/actor';

export type CapabilitiesOf = (actor: Actor) => Capability[];

export function joinCapabilities(modules: readonly LoadedModule[]): CapabilitiesOf {
  const sources = modules.flatMap((m) => (m.server.capabilities ? [m.server.capabilities] : []));
  return (actor) => [...new Set(sources.flatMap((of) => of(actor)))].sort();
}

/** The joined capabilities of every module in the list. */
export async function loadCapabilitiesOf(): Promise<CapabilitiesOf> {
  return joinCapabilities(await loadServerModules());
}
