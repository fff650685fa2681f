/**
 * The filters and sorts of every case list (the queues, the all-cases page and its xlsx export):
 * pure. A period is given in days of Asia/Shanghai (the county's calendar: UTC+8, no summer time).
 * A page's cursor carries the sort's name and key, so a cursor of another sort is refused and
 * paging stays stable while rows change.
 */
import { cstDayStart } from '../../platform/drill';
import type { KeyValue } from '../../platform/page';
import type { CaseState } from './case-machine';

export const CASE_SORTS = ['received', 'deadline'] as const;
/** received: newest report first; deadline: the handling deadline soonest first, cases without one last */
export type CaseSort = (typeof CASE_SORTS)[number];

/** Which cases of a list: every field optional, all given ones must hold. */
export interface CaseFilter {
  /** part of the case number, title or description */ text?: string;
  states?: CaseState[];
  /** the category asked for and its sub-categories */ categoryCodes?: string[];
  /** a grid, village or town: the cases of its subtree */ place?: string;
  /** the department handling the case */ department?: string;
  /** reported at or after */ receivedFrom?: Date;
  /** reported before */ receivedBefore?: Date;
  /** overdue (being handled past the handling deadline), or not */ overdue?: boolean;
  /** reported by this person; anonymous reports never match (the filter would reveal their reporter) */
  reporterId?: string;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The instant a day (YYYY-MM-DD) starts in Asia/Shanghai, or null when there is no such day (platform/drill.ts). */
export const shanghaiDayStart = cstDayStart;

/** The Asia/Shanghai day (YYYY-MM-DD) of an instant. */
export const shanghaiDay = (at: Date): string => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export type Period =
  | { ok: true; receivedFrom?: Date; receivedBefore?: Date }
  | { ok: false; field: 'from' | 'to'; value: string };

/** Reported from the start of `from` to the end of `to` (both days included, either open). */
export function periodOf(from?: string, to?: string): Period {
  const start = from === undefined ? undefined : shanghaiDayStart(from);
  if (start === null) return { ok: false, field: 'from', value: from ?? '' };
  const end = to === undefined ? undefined : shanghaiDayStart(to);
  if (end === null) return { ok: false, field: 'to', value: to ?? '' };
  if (start && end && end < start) return { ok: false, field: 'to', value: `${to} < ${from}` };
  return { ok: true, receivedFrom: start, receivedBefore: end ? new Date(end.getTime() + DAY_MS) : undefined };
}

/** The category and every category below it (a major category covers its minor ones). */
export function categoryWithDescendants(code: string, all: readonly { code: string; parentCode: string | null }[]) {
  const out = [code];
  for (let i = 0; i < out.length; i++) for (const c of all) if (c.parentCode === out[i]) out.push(c.code);
  return out;
}

/** Overdue as the overdue queue counts it: being handled past the handling deadline (case-filters.sql overdueSql). */
export const overdueAt = (c: { state: CaseState; handleDueAt: Date | null }, now: Date) =>
  (c.state === 'dispatched' || c.state === 'handling') && c.handleDueAt !== null && c.handleDueAt < now;

type Keyed = { id: string; receivedAt: Date; handleDueAt: Date | null };

/** What a page's cursor carries: the sort's name, its column value and the id (the tie-breaker). */
export function sortKeyOf(sort: CaseSort, c: Keyed): KeyValue[] {
  const at = sort === 'received' ? c.receivedAt : c.handleDueAt;
  return [sort, at ? at.toISOString() : null, c.id];
}
