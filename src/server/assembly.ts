/**
 * Loads the server's part of every module in the list (src/server/modules.ts), once per process:
 * app.ts registers their routes, workers.ts their outbox handlers and timers, capabilities.ts joins
 * their capabilities.
 */
import type { ModuleManifest, ServerPart } from './module';
import type { Deps } from './platform/deps';
import { MODULES } from './modules';

export interface LoadedModule {
  name: string;
  server: ServerPart;
}

let loaded: Promise<LoadedModule[]> | undefined;

export function loadServerModules(): Promise<LoadedModule[]> {
  loaded ??= loadAll(MODULES);
  return loaded;
}

async function loadAll(modules: readonly ModuleManifest[]): Promise<LoadedModule[]> {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
  }
  return Promise.all(modules.map(async (m) => ({ name: m.name, server: m.server ? await m.server() : {} })));
}

/** Loads every module's demo data (`ServerPart.demo`), in the list's order; the lines they report. */
export async function loadModuleDemos(deps: Deps): Promise<string[]> {
  const lines: string[] = [];
  for (const m of await loadServerModules()) {
    const line = await m.server.demo?.(deps);
    if (line) lines.push(line);
  }
  return lines;
}
