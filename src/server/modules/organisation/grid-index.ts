/**
 * The in-process point → grid index used by routing, built from grid_areas on first use and
 * rebuilt after grids change (the register import calls invalidateGridIndex).
 */
import type { Database } from '../../platform/db/db';
import { PolygonIndex } from '../../platform/geo/geo.point-index';
import { gridPolygonsUnder } from './places.repo';

/** Finds the grid holding a point (or the nearest one); case routing uses it. */
export interface GridLookup {
  find(point: [number, number]): string | null;
  nearest(point: [number, number]): string | null;
}

const cache = new WeakMap<Database, Promise<GridLookup | null>>();

async function build(db: Database, countyCode: string): Promise<GridLookup | null> {
  const rows = await gridPolygonsUnder(db, [countyCode]);
  if (rows.length === 0) return null;
  const index = new PolygonIndex(rows.map((r) => ({ id: r.gridCode, polygon: r.polygon })));
  return { find: (p) => index.find(p), nearest: (p) => index.nearest(p) };
}

export function gridIndex(db: Database, countyCode: string): Promise<GridLookup | null> {
  let p = cache.get(db);
  if (!p) {
    p = build(db, countyCode);
    cache.set(db, p);
    p.catch(() => cache.delete(db));
  }
  return p;
}

export function invalidateGridIndex(db: Database): void {
  cache.delete(db);
}
