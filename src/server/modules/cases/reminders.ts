/**
 * Deadline reminders: handlers hear when a case is due within two hours and again when it is
 * overdue (supervisors too). Each reminder is sent once per case (flags on the case).
 */
import type { Deps } from '../../platform/deps';
import { notifyHandlers, notifyTriagersNow } from './notify';
import { lockDueSoon, lockOverdue, markReminded } from './reminders.repo';

const SOON_MS = 2 * 3_600_000;

export async function sendDeadlineReminders(deps: Deps): Promise<{ dueSoon: number; overdue: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const soon = await lockDueSoon(tx, now, new Date(now.getTime() + SOON_MS));
    for (const c of soon) {
      await notifyHandlers(tx, c, `即将到期 ${c.number}`, now);
      await markReminded(tx, c.id, 'due_soon');
    }
    const late = await lockOverdue(tx, now);
    for (const c of late) {
      await notifyHandlers(tx, c, `已超期 ${c.number}`, now);
      await notifyTriagersNow(tx, c, `已超期 ${c.number}`, now);
      await markReminded(tx, c.id, 'overdue');
    }
    return { dueSoon: soon.length, overdue: late.length };
  });
}
