/**
 * The shape of a module manifest (`modules/<name>/<name>.module.ts`): everything the server, the
 * workers and the CLI need to know of a module, declared by the module itself. `src/server/modules.ts`
 * lists the manifests, one line each; app.ts, workers.ts and the CLI are assembled from that list.
 *
 * A manifest is light: loading it loads the module's error table and the CLI's descriptions, never
 * its routes or services (the CLI imports every manifest, and `--help` must stay fast). What a running
 * server needs comes from `server()`, imported only when the server is built.
 * Types only: a manifest imports this file with `import type` (`satisfies ModuleManifest`).
 */
import type { Command } from '../cli/command';
import type { Capability } from './modules/access/capabilities';
import type { Actor, UserActor } from './platform/actor';
import type { Deps } from './platform/deps';
import type { ErrorSpec } from './platform/errors';
import type { App } from './platform/http/types';
import type { Subscription } from './platform/outbox/outbox';
import type { CockpitPanelPart, CockpitView } from './cockpit/cockpit.schema';
import type { TodayCount } from './today/today.schema';

export interface ModuleManifest {
  /** The module's folder under src/server/modules. */
  name: string;
  /**
   * Its error codes (`<name>.errors.ts`: `defineErrors({...})` registers them when the manifest is
   * loaded, and merges them into the `ErrorCode` union at compile time).
   */
  errors?: Readonly<Record<string, ErrorSpec>>;
  /**
   * The names of the audit actions it writes (`<name>.labels.ts`, plain data: the console's audit page
   * shows and filters by them; test/audit-labels.test.ts fails on an action written without one).
   */
  auditLabels?: Readonly<Record<string, { zh: string; en: string }>>;
  /** Its CLI commands by name (`points reconcile`): usage and description for --help, code loaded on use. */
  commands?: Readonly<Record<string, Command>>;
  /** Its part of a running server, imported only by app.ts and workers.ts. */
  server?: () => Promise<ServerPart>;
}

/** What the server is built with: the demo switch, and /api/me's capabilities joined from every module. */
export interface AppContext {
  demo: boolean;
  capabilitiesOf(actor: Actor): Capability[];
}

/** Registers some of a module's routes (a routes file's function, adapted if it takes more). */
export type RouteRegistration = (app: App, deps: Deps, ctx: AppContext) => Promise<void>;

/** Background work on a timer; each tick is one bounded batch (a failing tick is logged and retried next time). */
export interface Timer {
  name: string;
  everyMs: number;
  run(deps: Deps): Promise<unknown>;
}

export interface ServerPart {
  /** Route registrations, in order. */
  routes?: readonly RouteRegistration[];
  /** The capabilities its policy grants an actor (what /api/me tells the web apps they may show). */
  capabilities?: (actor: Actor) => Capability[];
  /** Handlers of outbox topics (`subscribe(TOPIC, handler)`: the payload is checked against the topic's schema). */
  subscriptions?: (deps: Deps) => Subscription[];
  /** Timers of a running server. */
  timers?: readonly Timer[];
  /** Runs before any route is registered: fills a port another module asks through (classifier → cases). */
  wire?: () => void;
  /**
   * Its demo data (`cocreate demo`), loaded after the demo's divisions, accounts and population
   * (modules/demo/demo.prepare.ts), in the list's order. Idempotent: a demo restarted on the same data
   * adds nothing. Returns a line for the console (what it created), or null when there was nothing to do.
   */
  demo?: (deps: Deps) => Promise<string | null>;
  /**
   * What waits today for this staff member in this module (the console home, GET /api/console/today):
   * counts within the actor's own scope rules, each with the console link to its list. Only the counts
   * the actor's roles give them; none at all for a role the module does not serve.
   */
  today?: (deps: Deps, actor: UserActor) => Promise<TodayCount[]>;
  /**
   * Its panels of the cockpit (驾驶舱, GET /api/cockpit; src/server/cockpit/cockpit.schema.ts): figures,
   * rankings and series for the place and periods asked, the caller having checked that the viewer may
   * see the place. `status: 'no_data'` when the module has no records there (shown as 尚无数据).
   */
  cockpit?: (deps: Deps, view: CockpitView) => Promise<CockpitPanelPart[]>;
  /**
   * Its panels can be limited to handling departments (`view.departments`). A viewer limited to
   * departments (a department handler) is shown only such modules' panels: the joiner does not ask
   * the others, whose records belong to places, not departments.
   */
  cockpitByDepartment?: true;
}
