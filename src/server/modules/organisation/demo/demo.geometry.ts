/**
 * Synthetic demo geometry (no public town or village boundaries exist): town seats (real where
 * known) → town regions (Voronoi of the seats in the county outline) → one seat point per
 * village-level unit inside its town region (real points where known; communities clustered
 * near the seat, villages spread by best-candidate sampling) → village cells (Voronoi of those
 * points clipped to the outline, holes kept) → grid cells (Voronoi of spread points in the village
 * cell, clipped to it). Everything is seeded and deterministic; all of it is flagged synthetic.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CountyPlace, Outline } from '../../../platform/geo/geo.county';
import { type LngLat, pointInGeometry, randomPointIn } from '../../../platform/geo/geo.polygon';
import { voronoiCells } from '../../../platform/geo/geo.voronoi';
import type { CountyDivisions, DemoVillage } from './demo.divisions';
import { int, normal, type Random, rngFor } from './demo.random';

export interface GridGeometry {
  code: string; // 15 digits
  villageCode: string;
  number: number; // 1-based within the village
  site: LngLat; // a point inside the polygon
  polygon: Polygon;
}

export interface DemoGeometry {
  outline: Outline;
  townSeats: Map<string, LngLat>;
  villageSites: Map<string, LngLat>;
  villageCells: Map<string, Polygon[]>;
  grids: GridGeometry[];
}

const KM_LAT = 110.57;
const kmLng = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

function distanceKm(a: LngLat, b: LngLat): number {
  const dx = (a[0] - b[0]) * kmLng(a[1]),
    dy = (a[1] - b[1]) * KM_LAT;
  return Math.hypot(dx, dy);
}

function offsetKm([lng, lat]: LngLat, eastKm: number, northKm: number): LngLat {
  return [lng + eastKm / kmLng(lat), lat + northKm / KM_LAT];
}

const asMulti = (pieces: Polygon[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: pieces.map((p) => p.coordinates),
});

/** Of `candidates` random points in the region, the one farthest from every placed point. */
function bestCandidate(r: Random, region: Outline, placed: LngLat[], candidates: number): LngLat | null {
  let best: LngLat | null = null,
    bestDistance = -1;
  for (let i = 0; i < candidates; i++) {
    const p = randomPointIn(region, r);
    if (!p) continue;
    let d = Infinity;
    for (const q of placed) d = Math.min(d, distanceKm(p, q));
    if (d > bestDistance) [best, bestDistance] = [p, d];
  }
  return best;
}

/** Town seats from the places file; a town without one goes 3 km from the county seat. */
function townSeats(
  divisions: CountyDivisions,
  outline: Outline,
  places: CountyPlace[],
  seed: number,
): Map<string, LngLat> {
  const seats = new Map<string, LngLat>();
  for (const p of places) if (p.kind === 'town_seat') seats.set(p.code, p.point);
  const countySeat = places.find((p) => p.kind === 'county_seat')?.point;
  const r = rngFor(seed, divisions.code, 'town-seats');
  let countySeatUsed = false;
  for (const town of divisions.towns) {
    if (seats.has(town.code)) continue;
    if (countySeat && town.street && !countySeatUsed) {
      seats.set(town.code, countySeat); // the county government sits in the first street
      countySeatUsed = true;
      continue;
    }
    const centre = countySeat ?? randomPointIn(outline, r);
    if (!centre) continue;
    const start = r() * 2 * Math.PI;
    for (let k = 0; k < 24; k++) {
      const angle = start + (k * Math.PI) / 12,
        radius = 3 + Math.floor(k / 12) * 2;
      const p = offsetKm(centre, radius * Math.cos(angle), radius * Math.sin(angle));
      if (pointInGeometry(outline, p) && [...seats.values()].every((q) => distanceKm(p, q) > 2)) {
        seats.set(town.code, p);
        break;
      }
    }
  }
  return seats;
}

function placeVillages(
  divisions: CountyDivisions,
  outline: Outline,
  places: CountyPlace[],
  seats: Map<string, LngLat>,
  seed: number,
): Map<string, LngLat> {
  const known = new Map(places.filter((p) => p.code.length === 12).map((p) => [p.code, p.point] as const));
  const townCodes = [...seats.keys()].sort();
  const townCells = voronoiCells(
    townCodes.map((c) => seats.get(c) as LngLat),
    outline,
  );
  const townRegion = new Map(
    townCodes.map((c, i) => [c, townCells[i].length ? asMulti(townCells[i]) : outline] as const),
  );
  const placed: LngLat[] = [...seats.values()];
  const sites = new Map<string, LngLat>();
  const put = (code: string, p: LngLat) => (sites.set(code, p), placed.push(p));
  for (const v of divisions.villages) if (known.has(v.code)) put(v.code, known.get(v.code) as LngLat);
  const order = (v: DemoVillage) => (v.kind === 'community' ? 0 : 1);
  const pending = divisions.villages
    .filter((v) => !sites.has(v.code))
    .sort((a, b) => order(a) - order(b) || (a.code < b.code ? -1 : 1));
  for (const v of pending) {
    const r = rngFor(seed, v.code, 'site');
    const region = townRegion.get(v.townCode) ?? outline;
    const seat = seats.get(v.townCode);
    let site: LngLat | null = null;
    if (v.kind === 'community' && seat) {
      const sigma = divisions.towns.find((t) => t.code === v.townCode)?.street ? 1.3 : 0.6;
      for (let i = 0; i < 300 && !site; i++) {
        const p = offsetKm(seat, normal(r) * sigma, normal(r) * sigma);
        if (pointInGeometry(region, p) && placed.every((q) => distanceKm(p, q) > 0.3)) site = p;
      }
    }
    site ??= bestCandidate(r, region, placed, 12) ?? bestCandidate(r, outline, placed, 12);
    if (site) put(v.code, site);
  }
  return sites;
}

export function gridCountFor(v: DemoVillage, street: boolean, r: Random): number {
  if (v.kind === 'community') return street ? int(r, 8, 14) : int(r, 4, 7);
  return v.kind === 'village' ? int(r, 3, 8) : int(r, 2, 4);
}

export function buildDemoGeometry(
  divisions: CountyDivisions,
  outline: Outline,
  places: CountyPlace[],
  seed: number,
): DemoGeometry {
  const seats = townSeats(divisions, outline, places, seed);
  const villageSites = placeVillages(divisions, outline, places, seats, seed);
  const villages = divisions.villages.filter((v) => villageSites.has(v.code));
  const cells = voronoiCells(
    villages.map((v) => villageSites.get(v.code) as LngLat),
    outline,
  );
  const villageCells = new Map(villages.map((v, i) => [v.code, cells[i]] as const));
  const streets = new Set(divisions.towns.filter((t) => t.street).map((t) => t.code));
  const grids: GridGeometry[] = [];
  for (const v of villages) {
    const pieces = villageCells.get(v.code) ?? [];
    if (pieces.length === 0) continue;
    const region = asMulti(pieces);
    const r = rngFor(seed, v.code, 'grids');
    const count = gridCountFor(v, streets.has(v.townCode), r);
    const gridSites: LngLat[] = [];
    for (let i = 0; i < count; i++) {
      const p = bestCandidate(r, region, gridSites, 8);
      if (p) gridSites.push(p);
    }
    voronoiCells(gridSites, region).forEach((gridPieces, i) => {
      if (gridPieces.length === 0) return;
      const number = grids.filter((g) => g.villageCode === v.code).length + 1;
      const polygon = gridPieces[0];
      const site = pointInGeometry(polygon, gridSites[i]) ? gridSites[i] : (randomPointIn(polygon, r) ?? gridSites[i]);
      grids.push({ code: `${v.code}${String(number).padStart(3, '0')}`, villageCode: v.code, number, site, polygon });
    });
  }
  return { outline, townSeats: seats, villageSites, villageCells, grids };
}
