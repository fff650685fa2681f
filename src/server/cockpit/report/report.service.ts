/**
 * The monthly report (月度报告, #17 item 4): the cockpit of a place for one calendar month (China
 * Standard Time) drawn as a PDF — on demand for a viewer who may see the place (the cockpit's policy,
 * audited), and by the server for last month's county and each of its towns (stored once each,
 * audited as the system; the timer makes the missing ones, a few a tick, from the 1st on).
 */
import type { LoadedModule } from '../../assembly';
import type { Actor } from '../../platform/actor';
import { audit, auditSystem } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { cockpitViewer, defaultPlace } from '../../modules/cockpit';
import { listChildren } from '../../modules/divisions';
import { cockpitAnswer, viewerView, viewOf } from '../cockpit.service';
import { chinaDay } from '../cockpit.period';
import type { CockpitView } from '../cockpit.schema';
import { renderMonthlyReport } from './report.pdf';
import { findReport, insertReport, listReports, placesWithoutReport } from './report.repo';
import type { StoredReports } from './report.schema';

/** The first and last day of a month (YYYY-MM), or cockpit_period_invalid naming `month`. */
export function monthDays(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new AppError('cockpit_period_invalid', {
      field: 'month',
      zh: `month：“${month}”不是有效月份（格式 YYYY-MM）`,
      en: `month “${month}” is not a valid month (YYYY-MM)`,
    });
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before the one of `day` (YYYY-MM-DD → YYYY-MM). */
export function monthBefore(day: string): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 2, 1));
  return d.toISOString().slice(0, 7);
}

async function render(deps: Deps, modules: readonly LoadedModule[], view: CockpitView, month: string) {
  const answer = await cockpitAnswer(deps, modules, view);
  return { ...(await renderMonthlyReport(answer, month)), place: answer.place };
}

/** GET /api/cockpit/report.pdf: the report of a place the viewer may see (404 otherwise), audited. */
export async function reportFor(
  deps: Deps,
  modules: readonly LoadedModule[],
  actor: Actor,
  q: { place?: string; month: string },
): Promise<{ pdf: Buffer; filename: string }> {
  const view = viewerView(deps, actor, { place: q.place, ...monthDays(q.month) });
  const r = await render(deps, modules, view, q.month);
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'cockpit.report',
      entityType: 'division',
      entityId: view.scope,
      scopeCode: view.scope,
      after: { month: q.month, pages: r.pages, departments: view.departments },
    }),
  );
  return { pdf: r.pdf, filename: `${view.scope}-${q.month}.pdf` };
}

/** A place's report drawn for the system (every department: the CLI and the timer). */
export async function systemReport(deps: Deps, modules: readonly LoadedModule[], place: string, month: string) {
  return render(deps, modules, viewOf(deps, monthDays(month), place, null, false), month);
}

/**
 * Last month's reports of the county (COUNTY_CODE) and each of its towns that are not stored yet:
 * at most `limit` drawn and stored per call (a timer's bounded batch). The number stored.
 */
export async function storeDueReports(deps: Deps, modules: readonly LoadedModule[], limit = 4): Promise<number> {
  const county = deps.config.countyCode;
  const towns = await listChildren(deps.db, county);
  if (towns.length === 0) return 0; // the county's divisions are not imported here
  const month = monthBefore(chinaDay(deps.clock.now()));
  const due = await placesWithoutReport(deps.db, [county, ...towns.map((t) => t.code)], `${month}-01`);
  let stored = 0;
  for (const place of due.slice(0, limit)) {
    const r = await systemReport(deps, modules, place, month);
    stored += await deps.db.transaction(async (tx) => {
      const added = await insertReport(tx, {
        placeCode: place,
        month: `${month}-01`,
        pdf: r.pdf,
        pages: r.pages,
        generatedAt: deps.clock.now(),
      });
      if (added)
        await auditSystem(tx, 'cockpit-reports', {
          action: 'cockpit.report_stored',
          entityType: 'division',
          entityId: place,
          scopeCode: place,
          after: { month, pages: r.pages },
        });
      return added ? 1 : 0;
    });
  }
  return stored;
}

/** The viewer's place for stored reports: whole-place reports, so not for a viewer limited to departments. */
function storedScope(actor: Actor, place: string | undefined): string {
  const wanted = place ?? defaultPlace(actor);
  const viewer = wanted ? cockpitViewer(actor, wanted) : null;
  if (!viewer || viewer.departments !== null)
    throw new AppError('not_found', { what: `reports of ${wanted ?? 'any place'}` });
  return viewer.scope;
}

/** GET /api/cockpit/reports: the stored reports of places under the viewer's (the latest 200). */
export async function storedReports(deps: Deps, actor: Actor, q: { place?: string }): Promise<StoredReports> {
  const scope = storedScope(actor, q.place);
  const rows = await listReports(deps.db, scope, 200);
  return {
    items: rows.map((r) => ({
      ...r,
      generatedAt: r.generatedAt.toISOString(),
      path: `/api/cockpit/reports/${r.id}/pdf`,
    })),
  };
}

/** GET /api/cockpit/reports/:id/pdf: a stored report of a place the viewer may see (404 otherwise), audited. */
export async function storedReportPdf(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const r = await findReport(deps.db, id);
  if (!r) throw new AppError('not_found', { what: `report ${id}` });
  storedScope(actor, r.placeCode);
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'cockpit.report',
      entityType: 'division',
      entityId: r.placeCode,
      scopeCode: r.placeCode,
      after: { month: r.month, stored: id },
    }),
  );
  return { pdf: r.pdf, filename: `${r.placeCode}-${r.month}.pdf` };
}
