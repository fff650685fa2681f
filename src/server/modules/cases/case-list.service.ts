/**
 * The case lists: a queue (or every case the actor may read) narrowed by the list filters, in the
 * order of a sort, a page at a time. Filters are checked first: an unknown value is a 400 naming
 * its field, never an empty list that looks like "nothing to do".
 */
import type { UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { type KeyValue, mapPage } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { departmentExists } from '../access';
import { findDivision } from '../divisions';
import { type CaseFilter, type CaseSort, categoryWithDescendants, periodOf } from './case-filters';
import { presentCase, seesStaffView } from './case-views';
import { cachedCategories } from './categories.service';
import { caseReadScope, triageScopes } from './cases.policy';
import type { CaseListQuery, QueueQuery } from './cases.schema';
import { listQueueCases, type QueueScope, SPLIT_QUEUES } from './queues.repo';

const invalid = (field: string, value: unknown) => new AppError('case_filter_invalid', { field, value: String(value) });

/** The list filters of a query, each value checked (a category, place or department that exists). */
export async function resolveFilter(deps: Deps, actor: UserActor, q: CaseListQuery): Promise<CaseFilter> {
  const period = periodOf(q.from, q.to);
  if (!period.ok) throw invalid(period.field, period.value);
  if (q.reporter !== undefined && !seesStaffView(actor))
    throw new AppError('case_filter_staff_only', { field: 'reporter' });
  let categoryCodes: string[] | undefined;
  if (q.category !== undefined) {
    const all = await cachedCategories(deps.db);
    if (!all.some((c) => c.code === q.category)) throw invalid('category', q.category);
    categoryCodes = categoryWithDescendants(q.category, all);
  }
  if (q.grid !== undefined && !(q.grid.startsWith(deps.config.countyCode) && (await findDivision(deps.db, q.grid))))
    throw invalid('grid', q.grid);
  if (q.department !== undefined && !(await departmentExists(deps.db, q.department)))
    throw invalid('department', q.department);
  return {
    text: q.q?.trim() || undefined,
    states: q.state,
    categoryCodes,
    place: q.grid,
    department: q.department,
    receivedFrom: period.receivedFrom,
    receivedBefore: period.receivedBefore,
    overdue: q.overdue === undefined ? undefined : q.overdue === '1' || q.overdue === 'true',
    reporterId: q.reporter,
  };
}

/** Where the actor's queues reach (the read scope and the roles' areas). */
export function queueScopeOf(actor: UserActor, now: Date): QueueScope {
  const read = caseReadScope(actor);
  return { read, userId: actor.userId, staffScopes: read.staffScopes, triage: triageScopes(actor), now };
}

/** The key a cursor carries: `[sort, at, id]` of this sort (a cursor of another sort or list: 400). */
export function cursorKey(sort: CaseSort, cursor: string | undefined): KeyValue[] | null {
  const key = afterKey(cursor, ['string', sort === 'received' ? 'date' : 'nullable-date', 'uuid']);
  if (key && key[0] !== sort) throw new AppError('cursor_invalid', { field: 'cursor' });
  return key;
}

/** A page of a queue as this actor may see each case. */
export async function listQueue(deps: Deps, actor: UserActor, query: QueueQuery) {
  const { queue, view = 'actionable', sort = 'received', cursor, limit, ...rest } = query;
  if (view !== 'actionable' && !SPLIT_QUEUES.includes(queue)) throw invalid('view', view);
  const filter = await resolveFilter(deps, actor, rest);
  const page = await listQueueCases(
    deps.db,
    { queue, view, filter, sort, after: cursorKey(sort, cursor), limit },
    queueScopeOf(actor, deps.clock.now()),
  );
  return mapPage(page, (c) => presentCase(actor, c));
}
