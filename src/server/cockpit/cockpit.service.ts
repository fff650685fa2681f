/**
 * The cockpit's joiner: every module's panels (its manifest's `cockpit`) for one place and period,
 * in one answer. A module whose contributor fails is logged and left out: one broken panel never
 * blanks the cockpit. The caller has checked that the viewer may see the place (cockpitFor does for a
 * signed-in viewer; a big screen's token names its place).
 */
import type { LoadedModule } from '../assembly';
import type { Actor } from '../platform/actor';
import type { Deps } from '../platform/deps';
import { AppError, unwrap } from '../platform/errors';
import { cockpitViewer, defaultPlace, screenPlace } from '../modules/cockpit';
import { findDivision } from '../modules/divisions';
import { placeLevel } from './cockpit.figures';
import { chinaDay, cockpitPeriods } from './cockpit.period';
import type { CockpitAnswer, CockpitPanel, CockpitPanelPart, CockpitView } from './cockpit.schema';

export interface CockpitPlace {
  code: string;
  name: string;
  level: string;
}

/** The place's name and level (404 when there is no such division). */
export async function cockpitPlace(deps: Deps, code: string): Promise<CockpitPlace> {
  const d = await findDivision(deps.db, code);
  if (!d) throw new AppError('not_found', { what: `place ${code}` });
  return { code, name: d.name, level: placeLevel(code) };
}

/** A kiosk's panels carry no drill-down and no ledger, whatever a contributor wrote. */
function forKiosk(p: CockpitPanelPart): CockpitPanelPart {
  return {
    ...p,
    figures: p.figures.map(({ drill: _d, ledger: _l, ...f }) => f),
    rankings: p.rankings.map((r) => ({ ...r, rows: r.rows.map(({ drill: _d, ...row }) => row) })),
  };
}

/** Every module's panels for the view, joined and ordered (module failures logged and left out). */
export async function cockpitAnswer(
  deps: Deps,
  modules: readonly LoadedModule[],
  view: CockpitView,
): Promise<CockpitAnswer> {
  const sources = modules.flatMap((m) => (m.server.cockpit ? [{ module: m.name, panels: m.server.cockpit }] : []));
  const [place, lists] = await Promise.all([
    cockpitPlace(deps, view.scope),
    Promise.all(
      sources.map(async (s): Promise<CockpitPanel[]> => {
        try {
          const parts = await s.panels(deps, view);
          return parts.map((p) => ({ ...(view.kiosk ? forKiosk(p) : p), module: s.module }));
        } catch (err) {
          deps.log.error({ err, module: s.module, place: view.scope }, 'cockpit contributor failed');
          return [];
        }
      }),
    ),
  ]);
  const panels = lists.flat().sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    place,
    period: view.period,
    previous: view.previous,
    lastYear: view.lastYear,
    panels,
    generatedAt: deps.clock.now().toISOString(),
  };
}

export interface CockpitQuery {
  place?: string;
  from?: string;
  to?: string;
}

/** The view for a request: its periods (400 when bad) and place; `kiosk` for a big screen. */
export function viewOf(deps: Deps, q: CockpitQuery, scope: string, departments: string[] | null, kiosk: boolean) {
  const periods = unwrap(cockpitPeriods(q, chinaDay(deps.clock.now())));
  return { scope, departments, kiosk, ...periods } satisfies CockpitView;
}

/** The view of a signed-in viewer: the place asked for (or their widest), if they may see it; 404 otherwise. */
export function viewerView(deps: Deps, actor: Actor, q: CockpitQuery): CockpitView {
  const wanted = q.place ?? defaultPlace(actor);
  const viewer = wanted ? cockpitViewer(actor, wanted) : null;
  if (!viewer) throw new AppError('not_found', { what: `cockpit of ${wanted ?? 'any place'}` });
  return viewOf(deps, q, viewer.scope, viewer.departments, false);
}

/** GET /api/cockpit: the cockpit of a place the viewer may see. */
export async function cockpitFor(
  deps: Deps,
  modules: readonly LoadedModule[],
  actor: Actor,
  q: CockpitQuery,
): Promise<CockpitAnswer> {
  return cockpitAnswer(deps, modules, viewerView(deps, actor, q));
}

/** GET /api/cockpit/screen: the cockpit of a big screen's place (401 for an unknown or revoked token), as a kiosk. */
export async function screenCockpit(
  deps: Deps,
  modules: readonly LoadedModule[],
  token: string | undefined,
  q: CockpitQuery,
): Promise<CockpitAnswer> {
  return cockpitAnswer(deps, modules, await screenView(deps, token, q));
}

/** A big screen's view: its token's place (401 when unknown or revoked), every department, as a kiosk. */
export async function screenView(deps: Deps, token: string | undefined, q: CockpitQuery): Promise<CockpitView> {
  return viewOf(deps, q, await screenPlace(deps, token), null, true);
}
