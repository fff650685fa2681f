/**
 * The cockpit's map (#17 item 2): the child areas of a place — towns of a county, villages of a town,
 * grids of a village — as GeoJSON (WGS-84, offline: no tiles), each with its reports and overdue
 * cases of the period from the rollups. Shapes: a grid's stored outline (grid_areas); a village's is
 * the outlines of its grids together; a town's is the Voronoi cell of its seat (the shipped places
 * file, else the centre of its grids) inside the shipped county outline. An area whose shape is not
 * known (no grids drawn, no outline shipped) is left out of the features.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { childLevel, placeLevel } from '../../cockpit/cockpit.figures';
import { halfOpen } from '../../cockpit/cockpit.period';
import type { CockpitView } from '../../cockpit/cockpit.schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { bboxOf, countyOutline, countyPlaces, type LngLat, voronoiCells } from '../../platform/geo';
import { findDivision, listChildren } from '../divisions';
import { gridFeatures } from '../organisation';
import { overdueOf, rollupCounts } from '../rollups';

export type MapLevel = 'town' | 'village' | 'grid';

export interface AreaProperties {
  code: string;
  name: string;
  reports: number;
  overdue: number;
}

export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProperties> & { id: string };

export interface CockpitMap {
  place: { code: string; name: string; level: string };
  level: MapLevel;
  features: FeatureCollection<Polygon | MultiPolygon, AreaProperties> & { features: AreaFeature[] };
}

type Grid = { code: string; polygon: Polygon };

const multi = (polygons: Polygon[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: polygons.map((p) => p.coordinates),
});

/** The centre of the grids' bounding boxes, per prefix of `length` digits (a town's or a village's). */
function centres(grids: readonly Grid[], length: number): Map<string, LngLat> {
  const sums = new Map<string, [number, number, number]>();
  for (const g of grids) {
    const [x0, y0, x1, y1] = bboxOf(g.polygon);
    const key = g.code.slice(0, length);
    const s = sums.get(key) ?? [0, 0, 0];
    sums.set(key, [s[0] + (x0 + x1) / 2, s[1] + (y0 + y1) / 2, s[2] + 1]);
  }
  return new Map([...sums].map(([k, [x, y, n]]) => [k, [x / n, y / n] as LngLat]));
}

/** Town cells by their sites (the Voronoi partition is the costly part of a county's map): a few kept. */
const townCells = new Map<string, Map<string, Polygon | MultiPolygon>>();

/** The towns' areas of a county: Voronoi cells of their seats in the county's outline (none without one). */
function townAreas(
  county: string,
  towns: readonly string[],
  grids: readonly Grid[],
): Map<string, Polygon | MultiPolygon> {
  const outline = countyOutline(county);
  if (!outline) return new Map();
  const seats = new Map(
    countyPlaces(county)
      .filter((p) => p.kind === 'town_seat')
      .map((p) => [p.code, p.point]),
  );
  const fromGrids = centres(grids, 9);
  const sited = towns.flatMap((t) => {
    const site = seats.get(t) ?? fromGrids.get(t);
    return site ? [{ code: t, site }] : [];
  });
  const key = `${county}:${JSON.stringify(sited)}`;
  const known = townCells.get(key);
  if (known) return known;
  const cells = voronoiCells(
    sited.map((s) => s.site),
    outline,
  );
  const areas = new Map(
    sited.flatMap((s, i) =>
      cells[i].length === 0 ? [] : [[s.code, cells[i].length === 1 ? cells[i][0] : multi(cells[i])] as const],
    ),
  );
  if (townCells.size >= 16) townCells.delete(townCells.keys().next().value as string);
  townCells.set(key, areas);
  return areas;
}

/** The shapes of the child areas of a place, by code. */
async function areasOf(deps: Deps, place: string, level: MapLevel, children: readonly string[]) {
  const grids: Grid[] = (await gridFeatures(deps.db, place)).map((g) => ({ code: g.code, polygon: g.polygon }));
  if (level === 'grid') return new Map(grids.map((g) => [g.code, g.polygon as Polygon | MultiPolygon]));
  if (level === 'village') {
    const byVillage = new Map<string, Polygon[]>();
    for (const g of grids)
      byVillage.set(g.code.slice(0, 12), [...(byVillage.get(g.code.slice(0, 12)) ?? []), g.polygon]);
    return new Map([...byVillage].map(([code, ps]) => [code, ps.length === 1 ? ps[0] : multi(ps)] as const));
  }
  return townAreas(place.slice(0, 6), children, grids);
}

/** The map of a place for the view's period (the caller has checked the viewer may see it). */
export async function cockpitMap(
  deps: Deps,
  view: Pick<CockpitView, 'scope' | 'departments' | 'period'>,
): Promise<CockpitMap> {
  const division = await findDivision(deps.db, view.scope);
  if (!division) throw new AppError('not_found', { what: `place ${view.scope}` });
  const level: MapLevel = childLevel(view.scope) ?? 'grid';
  const children =
    view.scope.length === 15 ? [division] : view.scope.length < 6 ? [] : await listChildren(deps.db, view.scope);
  const [areas, counts] = await Promise.all([
    areasOf(
      deps,
      view.scope,
      level,
      children.map((c) => c.code),
    ),
    children.length
      ? rollupCounts(deps.db, level, { scope: view.scope, departments: view.departments, ...halfOpen(view.period) })
      : Promise.resolve([]),
  ]);
  const byCode = new Map(counts.map((c) => [c.key, c.counts]));
  const features = children.flatMap((c): AreaFeature[] => {
    const geometry = areas.get(c.code);
    if (!geometry) return [];
    const k = byCode.get(c.code);
    return [
      {
        type: 'Feature',
        id: c.code,
        geometry,
        properties: {
          code: c.code,
          name: c.name,
          reports: k?.received ?? 0,
          overdue: k ? overdueOf(k) : 0,
        },
      },
    ];
  });
  return {
    place: { code: division.code, name: division.name, level: placeLevel(view.scope) },
    level,
    features: { type: 'FeatureCollection', features },
  };
}
