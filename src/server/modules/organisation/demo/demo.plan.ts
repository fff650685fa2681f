/**
 * The static part of the demo: villages, grids (with synthetic polygons), compounds and villager
 * groups, and how many households each grid gets at the requested scale. At scale ≥ 0.5 every
 * grid is populated at that density; below it, a seeded sample of grids is populated at density
 * 0.5 (so that a small demo still has full-looking grids whose party members can cover them).
 */
import { compoundCode, gridCode } from '../codes';
import type { CompoundRecord } from '../records';
import type { CountyDivisions, DemoTown, DemoVillage } from './demo.divisions';
import type { DemoGeometry, GridGeometry } from './demo.geometry';
import { gridCountFor } from './demo.geometry';
import { compoundNames } from './demo.names';
import { hashSeed, int, rngFor, uniform } from './demo.random';

export const REAL_HOUSEHOLDS = 200_000;
export const MIN_FILL_DENSITY = 0.5;

export interface GridPlan {
  code: string;
  name: string;
  number: number;
  geometry: GridGeometry | null;
  compounds: CompoundRecord[]; // urban: the grid's compounds (小区); rural: its villager groups
  groupNumbers: number[]; // rural: the villager group numbers (3 → 3组)
  fullScaleHouseholds: number;
  households: number; // at this scale
  firstHousehold: number; // index of its first household in the county (for phone numbers)
}

export interface VillagePlan {
  village: DemoVillage;
  town: DemoTown;
  urban: boolean; // residents' committee: compounds, buildings and the urban party tree
  compounds: CompoundRecord[];
  grids: GridPlan[];
}

export interface DemoPlan {
  countyCode: string;
  countyName: string;
  seed: number;
  scale: number;
  towns: DemoTown[];
  villages: VillagePlan[];
  households: number;
}

function villageWeight(v: DemoVillage, town: DemoTown): number {
  if (v.kind === 'community') return town.street ? 2600 : 900;
  return v.kind === 'village' ? 750 : 500;
}

export function buildPlan(
  divisions: CountyDivisions,
  geometry: DemoGeometry | null,
  scale: number,
  seed: number,
): DemoPlan {
  const towns = new Map(divisions.towns.map((t) => [t.code, t] as const));
  const byVillage = new Map<string, GridGeometry[]>();
  for (const g of geometry?.grids ?? []) byVillage.set(g.villageCode, [...(byVillage.get(g.villageCode) ?? []), g]);
  const villages: VillagePlan[] = [];
  for (const village of divisions.villages) {
    const town = towns.get(village.townCode);
    if (!town) continue;
    const urban = village.kind === 'community';
    const geoms = geometry ? (byVillage.get(village.code) ?? []) : null;
    const count = geoms ? geoms.length : gridCountFor(village, town.street, rngFor(seed, village.code, 'grids'));
    const r = rngFor(seed, village.code, 'plan');
    const perGrid = Array.from({ length: count }, () => (urban ? int(r, 1, town.street ? 3 : 2) : int(r, 1, 3)));
    const names = urban
      ? compoundNames(
          r,
          perGrid.reduce((a, b) => a + b, 0),
        )
      : [];
    const weight = villageWeight(village, town) * uniform(r, 0.7, 1.3);
    const gridWeights = perGrid.map(() => uniform(r, 0.7, 1.3));
    const totalGridWeight = gridWeights.reduce((a, b) => a + b, 0);
    let next = 1;
    const grids = perGrid.map((n, i): GridPlan => {
      const numbers = Array.from({ length: n }, () => next++);
      const compounds = numbers.map(
        (k): CompoundRecord => ({
          code: compoundCode(village.code, k),
          name: urban ? names[k - 1] : `${village.name}${k}组`,
          kind: urban ? 'compound' : 'villager_group',
        }),
      );
      return {
        code: geoms ? geoms[i].code : gridCode(village.code, i + 1),
        name: `${village.name}第${i + 1}网格`,
        number: i + 1,
        geometry: geoms ? geoms[i] : null,
        compounds,
        groupNumbers: urban ? [] : numbers,
        fullScaleHouseholds: (weight * gridWeights[i]) / totalGridWeight,
        households: 0,
        firstHousehold: 0,
      };
    });
    villages.push({ village, town, urban, compounds: grids.flatMap((g) => g.compounds), grids });
  }
  const households = allocateHouseholds(villages, scale, seed);
  return {
    countyCode: divisions.code,
    countyName: divisions.name,
    seed,
    scale,
    towns: divisions.towns,
    villages,
    households,
  };
}

/** Sets households and firstHousehold on every grid; returns the county total (exact). */
function allocateHouseholds(villages: VillagePlan[], scale: number, seed: number): number {
  const grids = villages.flatMap((v) => v.grids);
  const rawTotal = grids.reduce((a, g) => a + g.fullScaleHouseholds, 0);
  for (const g of grids) g.fullScaleHouseholds *= REAL_HOUSEHOLDS / rawTotal;
  const target = Math.round(REAL_HOUSEHOLDS * scale);
  const share = new Map<GridPlan, number>();
  if (scale >= MIN_FILL_DENSITY) {
    for (const g of grids) share.set(g, g.fullScaleHouseholds * scale);
  } else {
    const order = [...grids].sort(
      (a, b) => hashSeed(seed, a.code, 'fill') - hashSeed(seed, b.code, 'fill') || (a.code < b.code ? -1 : 1),
    );
    let sum = 0;
    for (const g of order) {
      if (sum >= target) break;
      const x = Math.min(g.fullScaleHouseholds * MIN_FILL_DENSITY, target - sum);
      share.set(g, x);
      sum += x;
    }
  }
  let cumulative = 0,
    assigned = 0;
  for (const g of grids) {
    cumulative += share.get(g) ?? 0;
    g.households = Math.round(cumulative) - assigned;
    g.firstHousehold = assigned;
    assigned += g.households;
  }
  return assigned;
}
