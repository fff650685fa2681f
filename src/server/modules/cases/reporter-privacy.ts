/**
 * 匿名上报: the resident app promises 匿名后工作人员看不到您的姓名. For an anonymous report every staff
 * answer (case, queues, timeline) carries no reporter name or id; the reporter still sees their own
 * report as it is. The identity is kept (feedback and points still reach the reporter) and shown
 * only through the audited reveal (reveal.service, capability cases.reveal_reporter).
 */
import type { Actor } from '../../platform/actor';
import type { CaseEventRow, CaseRow } from './cases.repo';

export const ANONYMOUS_LABEL = '匿名群众';

type Reported = Pick<CaseRow, 'anonymous' | 'reporterId'>;

/** True when this actor must not learn who reported the case. */
export function hidesReporter(actor: Actor, c: Reported): boolean {
  return c.anonymous && !(actor.kind === 'user' && c.reporterId !== null && c.reporterId === actor.userId);
}

/** The case as this actor may see it: no reporter id or name when hidden. */
export function withoutReporter<T extends Reported & Pick<CaseRow, 'reporterName'>>(actor: Actor, c: T): T {
  return hidesReporter(actor, c) ? { ...c, reporterId: null, reporterName: null } : c;
}

/** The timeline as this actor may see it: the reporter's own steps (report, photos, rating, reopening) say 匿名群众. */
export function timelineFor(actor: Actor, c: Reported, events: CaseEventRow[]): CaseEventRow[] {
  if (!hidesReporter(actor, c) || c.reporterId === null) return events;
  return events.map((e) => (e.actorId === c.reporterId ? { ...e, actorId: null, actorLabel: ANONYMOUS_LABEL } : e));
}
