/**
 * One grid's buildings and households. Urban grids: multi-storey buildings (5–18 floors, 1–3
 * units, 2 flats a floor) around their compound's centre, households in chosen flats
 * (…2栋3单元501). Rural grids: no buildings (building number 000), households in hamlets of their
 * villager group (…3组12号). Every point lies inside the grid polygon.
 */
import type { Polygon } from 'geojson';
import { type LngLat, pointInGeometry, randomPointIn } from '../../../platform/geo/geo.polygon';
import { buildingCode, householdCode } from '../codes';
import type { BuildingRecord, HouseholdRecord } from '../records';
import type { GridPlan, VillagePlan } from './demo.plan';
import { int, normal, type Random, rngFor, shuffled, weighted } from './demo.random';

export interface GridHomes {
  buildings: BuildingRecord[];
  households: HouseholdRecord[];
  buildingOf: number[]; // per household: index into buildings, or -1 (rural)
  groupOf: number[]; // per household: villager group number (rural) or 0
}

/** A point about `sigmaKm` around the centre, inside the polygon (else uniform, else the centre). */
function pointNear(r: Random, polygon: Polygon | null, centre: LngLat | null, sigmaKm: number): LngLat | null {
  if (!polygon || !centre) return null;
  for (let i = 0; i < 20; i++) {
    const p: LngLat = [centre[0] + (normal(r) * sigmaKm) / 96.7, centre[1] + (normal(r) * sigmaKm) / 110.57];
    if (pointInGeometry(polygon, p)) return round(p);
  }
  return round(randomPointIn(polygon, r) ?? centre);
}

const round = ([x, y]: LngLat): LngLat => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];

export function gridHomes(plan: { countyName: string; seed: number }, village: VillagePlan, grid: GridPlan): GridHomes {
  const r = rngFor(plan.seed, grid.code, 'homes');
  const prefix = `${plan.countyName}${village.town.name}${village.village.name}`;
  return village.urban ? urbanHomes(r, prefix, grid) : ruralHomes(r, prefix, grid);
}

function urbanHomes(r: Random, prefix: string, grid: GridPlan): GridHomes {
  const polygon = grid.geometry?.polygon ?? null;
  const centres = grid.compounds.map(() => (polygon ? randomPointIn(polygon, r) : null));
  const buildings: BuildingRecord[] = [];
  const flats: { b: number; unit: number; floor: number; flat: number }[] = [];
  const perCompound = grid.compounds.map(() => 0);
  while (flats.length < grid.households && buildings.length < 999) {
    const c = buildings.length % grid.compounds.length;
    const compound = grid.compounds[c];
    const number = ++perCompound[c];
    const floors = weighted(r, [
      [6, 5],
      [5, 2],
      [7, 2],
      [11, 1],
      [18, 1],
    ] as const);
    const units = int(r, 1, 3);
    const b = buildings.length;
    buildings.push({
      code: buildingCode(grid.code, b + 1),
      name: `${compound.name}${number}栋`,
      compoundCode: compound.code,
      point: pointNear(r, polygon, centres[c], 0.08),
    });
    for (let unit = 1; unit <= units; unit++) {
      for (let floor = 1; floor <= floors; floor++)
        for (let flat = 1; flat <= 2; flat++) flats.push({ b, unit, floor, flat });
    }
  }
  const occupied = shuffled(r, flats)
    .slice(0, grid.households)
    .sort((x, y) => x.b - y.b || x.unit - y.unit || x.floor - y.floor || x.flat - y.flat);
  const seq = buildings.map(() => 0);
  const households = occupied.map(
    ({ b, unit, floor, flat }): HouseholdRecord => ({
      code: householdCode(buildings[b].code, ++seq[b]),
      address: `${prefix}${buildings[b].name}${unit}单元${floor * 100 + flat}`,
      point: buildings[b].point,
    }),
  );
  return { buildings, households, buildingOf: occupied.map((o) => o.b), groupOf: occupied.map(() => 0) };
}

function ruralHomes(r: Random, prefix: string, grid: GridPlan): GridHomes {
  const polygon = grid.geometry?.polygon ?? null;
  const groups = grid.groupNumbers;
  const hamlets = groups.map(() => (polygon ? randomPointIn(polygon, r) : null));
  const noBuilding = buildingCode(grid.code, 0);
  const houseNumbers = groups.map(() => 0);
  const households: HouseholdRecord[] = [];
  const groupOf: number[] = [];
  for (let i = 0; i < grid.households; i++) {
    const g = Math.min(groups.length - 1, Math.floor((i * groups.length) / grid.households));
    households.push({
      code: householdCode(noBuilding, i + 1),
      address: `${prefix}${groups[g]}组${++houseNumbers[g]}号`,
      point: pointNear(r, polygon, hamlets[g], 0.3),
    });
    groupOf.push(groups[g]);
  }
  return { buildings: [], households, buildingOf: households.map(() => -1), groupOf };
}
