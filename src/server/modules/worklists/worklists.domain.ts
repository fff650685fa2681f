/**
 * The three lists' rules, pure: when an effect may be recorded, what a resident's answer does, when
 * a task is late. A task's deadline is a calendar date: the task is late from the end of that day
 * (24:00 China Standard Time); the owner chooses the date, so no working-day arithmetic applies.
 */
import type { Confirmation, ProblemState } from './worklists.labels';

export type Refusal =
  | { code: 'worklists_problem_closed'; state: ProblemState }
  | { code: 'worklists_no_tasks' }
  | { code: 'worklists_tasks_open'; open: number };

/** An effect may be recorded on an open problem whose tasks (at least one) are all done. */
export function effectRefusal(state: ProblemState, tasks: { done: boolean }[]): Refusal | null {
  if (state !== 'open') return { code: 'worklists_problem_closed', state };
  if (tasks.length === 0) return { code: 'worklists_no_tasks' };
  const open = tasks.filter((t) => !t.done).length;
  return open ? { code: 'worklists_tasks_open', open } : null;
}

/** After an effect is recorded: a resident who raised the problem confirms it; otherwise it closes. */
export function afterEffect(raisedByResident: boolean): { state: ProblemState; confirmation: Confirmation } {
  return raisedByResident
    ? { state: 'effect_recorded', confirmation: 'pending' }
    : { state: 'closed', confirmation: 'not_needed' };
}

/** The resident's answer: confirmed closes the problem; disputed sends it back to work. */
export function afterAnswer(confirmed: boolean): { state: ProblemState; confirmation: Confirmation } {
  return confirmed ? { state: 'closed', confirmation: 'confirmed' } : { state: 'open', confirmation: 'disputed' };
}

/** The CST date (YYYY-MM-DD) of an instant. */
export const cstDay = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Late when not done and today (CST) is after the deadline date. */
export function taskLate(deadline: string, doneAt: Date | null, now: Date): boolean {
  return doneAt === null && cstDay(now) > deadline;
}

/** A deadline must be a real date, today or later. */
export function deadlineProblem(deadline: string, now: Date): 'invalid' | 'past' | null {
  const d = new Date(`${deadline}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== deadline) return 'invalid';
  return deadline < cstDay(now) ? 'past' : null;
}
