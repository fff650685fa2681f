/** The deadline reminders' SQL: cases due soon or overdue not yet reminded (locked for this run), and the flags. */
import type { Queryable } from '../../platform/db/db';
import { CASE_COLUMNS, type CaseRow } from './cases.repo';

/** How many cases one run reminds of per kind; the timer's next run takes the rest. */
export const REMINDER_BATCH = 500;

/** Handling cases due in (now, until] not yet reminded, soonest first, locked (others skip them). */
export async function lockDueSoon(tx: Queryable, now: Date, until: Date): Promise<CaseRow[]> {
  const { rows } = await tx.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE state IN ('dispatched', 'handling') AND NOT due_soon_reminded
       AND handle_due_at > $1 AND handle_due_at <= $2 ORDER BY handle_due_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), until.toISOString(), REMINDER_BATCH],
  );
  return rows;
}

/** Handling cases past their deadline not yet reminded, oldest deadline first, locked. */
export async function lockOverdue(tx: Queryable, now: Date): Promise<CaseRow[]> {
  const { rows } = await tx.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE state IN ('dispatched', 'handling') AND NOT overdue_reminded
       AND handle_due_at <= $1 ORDER BY handle_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), REMINDER_BATCH],
  );
  return rows;
}

export async function markReminded(tx: Queryable, caseId: string, which: 'due_soon' | 'overdue'): Promise<void> {
  await tx.query(
    which === 'due_soon'
      ? 'UPDATE cases SET due_soon_reminded = true WHERE id = $1'
      : 'UPDATE cases SET overdue_reminded = true WHERE id = $1',
    [caseId],
  );
}
