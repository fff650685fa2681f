/**
 * Background work of a running server, assembled from the modules' manifests: outbox delivery to
 * every module's subscriptions, and every module's timers. Each tick is one bounded batch; a failing
 * tick is logged and the next one tries again.
 */
import { loadServerModules } from './assembly';
import type { Timer } from './module';
import type { Deps } from './platform/deps';
import { deliverOutbox, handlersOf, type OutboxHandler } from './platform/outbox/outbox';

/** Every module's outbox handlers by topic (a topic with no handler stays queued until one exists). */
export async function outboxHandlers(deps: Deps): Promise<Record<string, OutboxHandler>> {
  const modules = await loadServerModules();
  return handlersOf(modules.flatMap((m) => m.server.subscriptions?.(deps) ?? []));
}

/**
 * Starts the timers: outbox delivery every 2 s and each module's own (`intervals` overrides them by
 * name); returns the function that stops them. The modules load first (already loaded by buildApp).
 */
export function startWorkers(deps: Deps, intervals: Record<string, number> = {}): () => void {
  let handles: NodeJS.Timeout[] = [];
  let stopped = false;
  const running = { busy: false }; // one tick at a time, whichever timer
  void timersOf(deps).then((timers) => {
    if (stopped) return;
    handles = timers.map((t) => setInterval(guarded(deps, t, running), intervals[t.name] ?? t.everyMs));
    for (const h of handles) h.unref();
  });
  return () => {
    stopped = true;
    handles.forEach(clearInterval);
  };
}

async function timersOf(deps: Deps): Promise<Timer[]> {
  const handlers = await outboxHandlers(deps);
  return [
    { name: 'outbox', everyMs: 2000, run: () => deliverOutbox(deps.db, handlers, deps.clock.now()) },
    ...(await loadServerModules()).flatMap((m) => m.server.timers ?? []),
    {
      // last month's reports of the county and its towns, from the 1st on (two a tick until stored)
      name: 'cockpit.reports',
      everyMs: 5 * 60_000,
      run: async () =>
        (await import('./cockpit/report/report.service')).storeDueReports(deps, await loadServerModules(), 2),
    },
  ];
}

function guarded(deps: Deps, timer: Timer, running: { busy: boolean }) {
  return async () => {
    if (running.busy) return;
    running.busy = true;
    try {
      await timer.run(deps);
    } catch (err) {
      deps.log.warn({ err: String(err), worker: timer.name }, 'background work failed; will retry');
    } finally {
      running.busy = false;
    }
  };
}
