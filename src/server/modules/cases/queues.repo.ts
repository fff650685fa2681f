/** The work queues of the console and the app: one query per queue, built from the scope the service decided. */
import type { Queryable } from '../../platform/db/db';
import { CASE_COLUMNS, type CaseRow } from './cases.repo';

export type Queue = 'triage' | 'tasks' | 'verify' | 'overdue' | 'due_soon' | 'supervised' | 'mine' | 'all';

export interface QueueScope {
  /** the actor: reporter of "mine", handler of "tasks" */ userId: string;
  /** division codes whose subtrees the actor's staff roles cover */ staffScopes: string[];
  /** departments the actor handles for */ departments: string[];
  now: Date;
}

export async function listQueueCases(q: Queryable, queue: Queue, scope: QueueScope, limit: number): Promise<CaseRow[]> {
  const { userId, staffScopes, departments, now } = scope;
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const scoped = () => `EXISTS (SELECT 1 FROM unnest(${p(staffScopes)}::text[]) s WHERE division_code LIKE s || '%')`;
  switch (queue) {
    case 'mine': where.push(`reporter_id = ${p(userId)}`); break;
    case 'triage': where.push(`state IN ('received', 'filed')`, scoped()); break;
    case 'tasks': where.push(`state IN ('dispatched', 'handling', 'suspended')`, `(handler_user_id = ${p(userId)} OR handler_department = ANY(${p(departments)}::text[]))`); break;
    case 'verify': where.push(`state = 'feedback'`, scoped()); break;
    case 'overdue': where.push(`state IN ('dispatched', 'handling') AND handle_due_at < ${p(now.toISOString())}`, scoped()); break;
    case 'due_soon': where.push(`state IN ('dispatched', 'handling') AND handle_due_at BETWEEN ${p(now.toISOString())} AND ${p(new Date(now.getTime() + 24 * 3_600_000).toISOString())}`, scoped()); break;
    case 'supervised': where.push(`supervised AND state NOT IN ('closed', 'rejected')`, scoped()); break;
    case 'all': where.push(scoped()); break;
  }
  const { rows } = await q.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE ${where.join(' AND ')} ORDER BY received_at DESC LIMIT ${p(limit)}`, params);
  return rows;
}
