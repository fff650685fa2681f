/**
 * The all-cases list as an xlsx: the cases the actor may read (staff only), with the list's filters
 * and sort, at most EXPORT_CAP rows (more: a 422 naming the limit, nothing written). Every export is
 * audited with its filters and row count before the first row leaves.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { KeyValue } from '../../platform/page';
import { listDepartments } from '../access';
import { findDivisions } from '../divisions';
import { sortKeyOf } from './case-filters';
import { type ExportLine, type ExportNames, exportLine } from './case-export';
import { queueScopeOf, resolveFilter } from './case-list.service';
import { seesStaffView } from './case-views';
import { cachedCategories } from './categories.service';
import type { CaseListQuery } from './cases.schema';
import { countListCases, type ListRequest, listQueueCases } from './queues.repo';

/** The most rows one export holds. */
export const EXPORT_CAP = 50_000;
const BATCH = 1000;

export interface CaseExport {
  rows: number;
  lines: AsyncIterable<ExportLine>;
}

export async function exportCases(
  deps: Deps,
  actor: UserActor,
  query: CaseListQuery,
  cap = EXPORT_CAP,
): Promise<CaseExport> {
  if (!seesStaffView(actor)) throw new AppError('forbidden');
  const { sort = 'received', ...rest } = query;
  const now = deps.clock.now();
  const scope = queueScopeOf(actor, now);
  const req: ListRequest = {
    queue: 'all',
    view: 'actionable',
    filter: await resolveFilter(deps, actor, rest),
    sort,
    after: null,
  };
  const rows = await countListCases(deps.db, req, scope);
  if (rows > cap) throw new AppError('case_export_too_large', { count: rows, max: cap });
  await deps.db.transaction((tx) =>
    audit(tx, actor, { action: 'cases.export', entityType: 'cases', after: { filters: query, rows } }),
  );
  const names = await exportNames(deps);
  const lines = async function* () {
    let after: KeyValue[] | null = null;
    for (let left = cap; left > 0; ) {
      const page = await listQueueCases(deps.db, { ...req, after, limit: Math.min(BATCH, left) }, scope);
      await names.load(page.items.map((c) => c.divisionCode));
      for (const c of page.items) yield exportLine(actor, c, names, now);
      left -= page.items.length;
      const last = page.items.at(-1);
      if (!page.more || !last) return;
      after = sortKeyOf(sort, last);
    }
  };
  return { rows, lines: lines() };
}

/** Category, place and department names; places looked up a batch at a time. */
async function exportNames(deps: Deps): Promise<ExportNames & { load(codes: string[]): Promise<void> }> {
  const categories = new Map((await cachedCategories(deps.db)).map((c) => [c.code, c.name]));
  const departments = new Map((await listDepartments(deps.db)).map((d) => [d.code, d.name]));
  const places = new Map<string, string>();
  return {
    category: (code) => categories.get(code) ?? code,
    department: (code) => departments.get(code) ?? code,
    place: (code) => places.get(code) ?? code,
    async load(codes) {
      const missing = [...new Set(codes)].filter((c) => !places.has(c));
      for (const d of await findDivisions(deps.db, missing)) places.set(d.code, d.name);
    },
  };
}
