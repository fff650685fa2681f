/**
 * The service circle's coverage, computed in memory: the county's homes (households with a point),
 * the walking network (the imported road lines, else none: straight line × the detour factor) and,
 * per facility kind, every home's distance to the nearest facility of that kind (stations count as
 * the kind `beehive_station`). The state is built once per database and kept: a facility change
 * recomputes its kind only (one multi-source Dijkstra), a road import or a new detour factor rebuilds
 * it, and it is rebuilt anyway after REBUILD_MS so register changes (new households) show up.
 */
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { countyOutline, gcj02ToWgs84, pointInCounty } from '../../platform/geo';
import { stationPoints } from '../beehive';
import { findDivisions } from '../divisions';
import { CoverageModel, DEFAULT_DETOUR_FACTOR, type Homes, tally, uncovered } from './circle.domain';
import { buildGraph, Projection, type XY } from './circle.graph';
import * as repo from './circle.repo';

export const STATION_KIND = 'beehive_station';
const REBUILD_MS = 15 * 60_000;

interface CircleState {
  builtAt: number;
  projection: Projection;
  homes: Homes;
  meta: repo.HomeRow[];
  withoutPoint: number;
  model: CoverageModel;
  detourFactor: number;
  kinds: repo.KindRow[];
  dist: Map<string, Float32Array>;
  facilities: Map<string, number>;
  stationSig: string;
}

const states = new WeakMap<Database, Promise<CircleState>>();

/** A point of the county in WGS-84 from either datum; else circle_outside_county. */
export function countyPoint(deps: Deps, lng: number, lat: number, coordSystem?: 'wgs84' | 'gcj02'): [number, number] {
  const p: [number, number] = coordSystem === 'gcj02' ? gcj02ToWgs84([lng, lat]) : [lng, lat];
  const outline = countyOutline(deps.config.countyCode);
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || (outline && !pointInCounty(outline, p)))
    throw new AppError('circle_outside_county', { lng, lat });
  return p;
}

async function build(deps: Deps): Promise<CircleState> {
  const county = deps.config.countyCode;
  const [{ rows, withoutPoint }, roads, factor, kinds] = await Promise.all([
    repo.loadHomes(deps.db, county),
    repo.loadRoads(deps.db, county),
    repo.detourFactor(deps.db, county),
    repo.listKinds(deps.db),
  ]);
  const refLat = rows.length > 0 ? rows[Math.floor(rows.length / 2)].lat : 30;
  const projection = new Projection(refLat);
  const villages: string[] = [];
  const villageIndex = new Map<string, number>();
  const homes: Homes = {
    xs: new Float64Array(rows.length),
    ys: new Float64Array(rows.length),
    people: Uint32Array.from(rows, (r) => r.people),
    village: new Uint32Array(rows.length),
    villages,
  };
  rows.forEach((r, i) => {
    [homes.xs[i], homes.ys[i]] = projection.toXY(r.lng, r.lat);
    const v = r.code.slice(0, 12);
    if (!villageIndex.has(v)) villageIndex.set(v, villages.push(v) - 1);
    homes.village[i] = villageIndex.get(v)!;
  });
  const graph = roads ? buildGraph(roads.map((line) => line.map(([x, y]) => projection.toXY(x, y)))) : null;
  const detourFactor = factor ?? DEFAULT_DETOUR_FACTOR;
  const state: CircleState = {
    builtAt: Date.now(),
    projection,
    homes,
    meta: rows,
    withoutPoint,
    model: new CoverageModel(homes, graph, detourFactor),
    detourFactor,
    kinds,
    dist: new Map(),
    facilities: new Map(),
    stationSig: '',
  };
  const facilities = await repo.listFacilities(deps.db);
  for (const k of kinds) await computeKind(deps, state, k.key, facilities);
  return state;
}

async function computeKind(deps: Deps, s: CircleState, kind: string, all?: repo.FacilityRow[]) {
  let points: { lng: number; lat: number }[];
  if (kind === STATION_KIND) {
    points = await stationPoints(deps);
    s.stationSig = signature(points);
  } else points = (all ?? (await repo.listFacilities(deps.db))).filter((f) => f.kindKey === kind);
  s.facilities.set(kind, points.length);
  s.dist.set(kind, s.model.distances(points.map((p) => s.projection.toXY(p.lng, p.lat) as XY)));
}

const signature = (points: { lng: number; lat: number }[]) => points.map((p) => `${p.lng},${p.lat}`).join(';');

/** The current state: built on first use, rebuilt when stale; the stations' kind refreshed when they moved. */
export async function circleState(deps: Deps): Promise<CircleState> {
  let pending = states.get(deps.db);
  if (pending) {
    const s = await pending.catch(() => null);
    if (!s || Date.now() - s.builtAt > REBUILD_MS) pending = undefined;
  }
  if (!pending) {
    pending = build(deps);
    states.set(deps.db, pending);
    pending.catch(() => states.delete(deps.db));
  }
  const s = await pending;
  if (s.dist.has(STATION_KIND) && signature(await stationPoints(deps)) !== s.stationSig)
    await computeKind(deps, s, STATION_KIND);
  return s;
}

/** After a facility change: its kind(s) recomputed in the kept state (nothing to do before the first build). */
export async function facilitiesChanged(deps: Deps, kinds: readonly string[]) {
  const pending = states.get(deps.db);
  if (!pending) return;
  const s = await pending.catch(() => null);
  if (!s) return;
  const all = await repo.listFacilities(deps.db);
  for (const k of new Set(kinds)) await computeKind(deps, s, k, all);
}

/** After kinds change: walking distances re-read, new kinds computed. */
export async function kindsChanged(deps: Deps) {
  const pending = states.get(deps.db);
  const s = pending ? await pending.catch(() => null) : null;
  if (!s) return;
  s.kinds = await repo.listKinds(deps.db);
  for (const k of s.kinds) if (!s.dist.has(k.key)) await computeKind(deps, s, k.key);
}

/** After a road import or a new detour factor (or on request): the next read rebuilds everything. */
export const forgetCircle = (deps: Deps) => states.delete(deps.db);

// ---- reading the state ----

export interface CoverageRow {
  villageCode: string;
  villageName: string;
  kindKey: string;
  homes: number;
  covered: number;
  people: number;
  peopleCovered: number;
}

/** Homes and people covered, per village under `scope` and kind. */
export async function coverageRows(deps: Deps, scope: string): Promise<{ state: CircleState; rows: CoverageRow[] }> {
  const s = await circleState(deps);
  const names = new Map(
    (
      await findDivisions(
        deps.db,
        s.homes.villages.filter((v) => v.startsWith(scope)),
      )
    ).map((d) => [d.code, d.name]),
  );
  const rows: CoverageRow[] = [];
  for (const k of s.kinds) {
    for (const t of tally(s.homes, s.dist.get(k.key)!, k.walkM))
      if (t.villageCode.startsWith(scope))
        rows.push({ ...t, villageName: names.get(t.villageCode) ?? t.villageCode, kindKey: k.key });
  }
  return { state: s, rows };
}

export function kindOf(s: CircleState, key: string): repo.KindRow {
  const k = s.kinds.find((x) => x.key === key);
  if (!k) throw new AppError('circle_kind_unknown', { kind: key });
  return k;
}

export async function uncoveredHomes(deps: Deps, scope: string, kindKey: string, limit: number) {
  const s = await circleState(deps);
  const kind = kindOf(s, kindKey);
  const dist = s.dist.get(kind.key)!;
  const idx = uncovered(s.homes, dist, kind.walkM, (v) => v.startsWith(scope));
  return {
    total: idx.length,
    items: idx.slice(0, limit).map((i) => {
      const h = s.meta[i];
      return {
        code: h.code,
        address: h.address,
        compound: h.compound,
        lng: h.lng,
        lat: h.lat,
        people: h.people,
        metres: Number.isFinite(dist[i]) ? Math.round(dist[i]) : null,
      };
    }),
  };
}

/** What one new facility of a kind at a point would add (homes and people, per village under `scope`). */
export async function whatIf(deps: Deps, scope: string, kindKey: string, lng: number, lat: number) {
  const s = await circleState(deps);
  const kind = kindOf(s, kindKey);
  const gained = s.model
    .gain(s.dist.get(kind.key)!, s.projection.toXY(lng, lat) as XY, kind.walkM)
    .filter((i) => s.homes.villages[s.homes.village[i]].startsWith(scope));
  const byVillage = new Map<string, { villageCode: string; homes: number; people: number }>();
  for (const i of gained) {
    const v = s.homes.villages[s.homes.village[i]];
    const row = byVillage.get(v) ?? { villageCode: v, homes: 0, people: 0 };
    row.homes++;
    row.people += s.homes.people[i];
    byVillage.set(v, row);
  }
  return {
    kindKey: kind.key,
    walkM: kind.walkM,
    homes: gained.length,
    people: gained.reduce((n, i) => n + s.homes.people[i], 0),
    villages: [...byVillage.values()],
    sample: gained.slice(0, 50).map((i) => ({
      code: s.meta[i].code,
      address: s.meta[i].address,
      compound: s.meta[i].compound,
      lng: s.meta[i].lng,
      lat: s.meta[i].lat,
    })),
  };
}

/**
 * THE SEAM to the three lists (issue #15: "a gap becomes a problem on the three lists"): every
 * (village, kind) with uncovered homes under `scope`. The worklists module (built in parallel) pulls
 * these and files a problem per gap; nothing here depends on it.
 */
export async function circleGaps(deps: Deps, scope: string) {
  const { rows } = await coverageRows(deps, scope);
  return rows
    .filter((r) => r.covered < r.homes)
    .map((r) => ({
      villageCode: r.villageCode,
      villageName: r.villageName,
      kindKey: r.kindKey,
      uncoveredHomes: r.homes - r.covered,
      uncoveredPeople: r.people - r.peopleCovered,
    }));
}
