/**
 * Background work of a running server: outbox delivery and deadline reminders, on timers.
 * Each tick is one bounded batch; a failing tick is logged and the next one tries again.
 */
import { notifyHandler, NOTIFY_TOPIC } from './modules/cases/notify';
import { sendDeadlineReminders } from './modules/cases/reminders';
import { CASES_FILED_TOPIC, casesFiledHandler, runPointsTimers } from './modules/points';
import type { Deps } from './platform/deps';
import { deliverOutbox, type OutboxHandler } from './platform/outbox/outbox';

export function outboxHandlers(deps: Deps): Record<string, OutboxHandler> {
  return { [NOTIFY_TOPIC]: notifyHandler(deps), [CASES_FILED_TOPIC]: casesFiledHandler(deps) };
}

export function startWorkers(deps: Deps, opts = { outboxMs: 2000, remindersMs: 60_000, pointsMs: 5_000 }): () => void {
  const handlers = outboxHandlers(deps);
  let busy = false;
  const guard = (name: string, fn: () => Promise<unknown>) => async () => {
    if (busy) return;
    busy = true;
    try {
      await fn();
    } catch (err) {
      deps.log.warn({ err: String(err), worker: name }, 'background work failed; will retry');
    } finally {
      busy = false;
    }
  };
  const timers = [
    setInterval(
      guard('outbox', () => deliverOutbox(deps.db, handlers, deps.clock.now())),
      opts.outboxMs,
    ),
    setInterval(
      guard('reminders', () => sendDeadlineReminders(deps)),
      opts.remindersMs,
    ),
    // credit points after publicity, release expired reservations, expire points
    setInterval(
      guard('points', () => runPointsTimers(deps)),
      opts.pointsMs,
    ),
  ];
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
