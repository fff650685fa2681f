/**
 * Deadline reminders: handlers hear when a case is due within two hours and again when it is
 * overdue (supervisors too). Each reminder is sent once per case (flags on the case).
 */
import type { Deps } from '../../platform/deps';
import { CASE_COLUMNS, type CaseRow } from './cases.repo';
import { notifyHandlers, notifyTriagersNow } from './notify';

const SOON_MS = 2 * 3_600_000;

export async function sendDeadlineReminders(deps: Deps): Promise<{ dueSoon: number; overdue: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { rows: soon } = await tx.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE state IN ('dispatched', 'handling') AND NOT due_soon_reminded
         AND handle_due_at > $1 AND handle_due_at <= $2 ORDER BY handle_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), new Date(now.getTime() + SOON_MS).toISOString()],
    );
    for (const c of soon) {
      await notifyHandlers(tx, c, `即将到期 ${c.number}`, now);
      await tx.query('UPDATE cases SET due_soon_reminded = true WHERE id = $1', [c.id]);
    }
    const { rows: late } = await tx.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE state IN ('dispatched', 'handling') AND NOT overdue_reminded
         AND handle_due_at <= $1 ORDER BY handle_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [now.toISOString()],
    );
    for (const c of late) {
      await notifyHandlers(tx, c, `已超期 ${c.number}`, now);
      await notifyTriagersNow(tx, c, `已超期 ${c.number}`, now);
      await tx.query('UPDATE cases SET overdue_reminded = true WHERE id = $1', [c.id]);
    }
    return { dueSoon: soon.length, overdue: late.length };
  });
}
