/**
 * generateDemo(): a deterministic synthetic county for demos, tests and load tests. Static parts
 * (grids, compounds, organisations above the building) come from the plan; households, residents,
 * members and links are produced grid by grid as streams, so a full-scale county (~560k residents)
 * is never held in memory. Each stream replays the county from the start in the same order: the
 * same (countyCode, seed, scale) always yields byte-identical records.
 */
import { countyOutline, countyPlaces } from '../../../platform/geo/geo.county';
import type {
  BuildingRecord,
  CompoundRecord,
  GridRecord,
  HouseholdRecord,
  LinkRecord,
  PartyMemberRecord,
  PartyOrgRecord,
  ResidentRecord,
} from '../records';
import { countyDivisions } from './demo.divisions';
import { buildDemoGeometry, type DemoGeometry } from './demo.geometry';
import { gridHomes, type GridHomes } from './demo.homes';
import { buildingGroups, townOrgs, villageOrgs } from './demo.orgs';
import { gridPeople, type GridPeople, QuotaSampler } from './demo.party';
import { IdAllocator } from './demo.people';
import { buildPlan, type DemoPlan, type GridPlan, type VillagePlan } from './demo.plan';
import { hashSeed, mulberry32 } from './demo.random';

export interface DemoOptions {
  countyCode: string;
  scale?: number; // 1.0 = real scale (~200k households); default 0.02
  seed?: number; // default 1
}

/** Real figures the generator aims at (seed report and statistics); they scale linearly. */
export const REAL_FIGURES = {
  households: 200_000,
  residents: 560_000,
  woodpeckers: 4_120,
  embeddedCadres: 4_000,
} as const;
// Calibrated at scale 1.0 (seed 1): party members per household, and the share of members of an
// age to be a woodpecker (18–70) or an embedded cadre (23–60), which caps those quotas.
const MEMBERS_PER_HOUSEHOLD = 0.1665;
const WOODPECKER_ELIGIBLE = 0.887;
const CADRE_ELIGIBLE = 0.635;
const RESIDENTS_PER_HOUSEHOLD = 2.82;

export interface DemoSummary {
  countyCode: string;
  countyName: string;
  seed: number;
  scale: number;
  synthetic: true;
  towns: number;
  villages: { communities: number; villages: number; livingAreas: number };
  grids: number;
  populatedGrids: number;
  compounds: number;
  households: number; // exact
  expected: {
    residents: number;
    partyMembers: number;
    woodpeckers: number;
    embeddedCadres: number;
    uncoveredShare: number;
  };
}

export interface DemoDataset {
  readonly plan: DemoPlan;
  grids(): Iterable<GridRecord>;
  compounds(villageCode?: string): Iterable<CompoundRecord>;
  buildings(): Iterable<BuildingRecord>;
  households(): Iterable<HouseholdRecord>;
  residents(): Iterable<ResidentRecord>;
  partyOrgs(): Iterable<PartyOrgRecord>;
  partyMembers(): Iterable<PartyMemberRecord>;
  links(): Iterable<LinkRecord>;
  summary(): DemoSummary;
}

const geometries = new Map<string, DemoGeometry | null>();

/** The synthetic geometry of a county (cached per county and seed; null without an outline). */
export function demoGeometry(countyCode: string, seed: number): DemoGeometry | null {
  const key = `${countyCode}:${seed}`;
  if (!geometries.has(key)) {
    const outline = countyOutline(countyCode);
    geometries.set(
      key,
      outline ? buildDemoGeometry(countyDivisions(countyCode), outline, countyPlaces(countyCode), seed) : null,
    );
  }
  return geometries.get(key) ?? null;
}

interface GridStep {
  village: VillagePlan;
  grid: GridPlan;
  homes: GridHomes;
}

function* walkHomes(plan: DemoPlan): Generator<GridStep> {
  for (const village of plan.villages) {
    for (const grid of village.grids) {
      if (grid.households > 0) yield { village, grid, homes: gridHomes(plan, village, grid) };
    }
  }
}

function* walkPeople(plan: DemoPlan, withLinks: boolean): Generator<GridPeople> {
  const start = mulberry32(hashSeed(plan.seed, 'quotas'));
  const ctx = {
    seed: plan.seed,
    region: plan.countyCode,
    ids: new IdAllocator(plan.countyCode, plan.seed),
    woodpeckers: new QuotaSampler((REAL_FIGURES.woodpeckers * plan.scale) / plan.households, start()),
    embeddedCadres: new QuotaSampler((REAL_FIGURES.embeddedCadres * plan.scale) / plan.households, start()),
  };
  for (const step of walkHomes(plan)) yield gridPeople(ctx, step.village, step.grid, step.homes, withLinks);
}

export function generateDemo(options: DemoOptions): DemoDataset {
  const scale = options.scale ?? 0.02;
  const seed = options.seed ?? 1;
  if (!(scale > 0 && scale <= 10)) throw new Error(`scale must be in (0, 10]: ${scale}`);
  const divisions = countyDivisions(options.countyCode);
  const plan = buildPlan(divisions, demoGeometry(options.countyCode, seed), scale, seed);
  const allGrids = () => plan.villages.flatMap((v) => v.grids);
  return {
    plan,
    *grids() {
      for (const g of allGrids())
        yield { code: g.code, name: g.name, polygon: g.geometry?.polygon ?? null, synthetic: true };
    },
    *compounds(villageCode?: string) {
      for (const v of plan.villages) if (!villageCode || v.village.code === villageCode) yield* v.compounds;
    },
    *buildings() {
      for (const step of walkHomes(plan)) yield* step.homes.buildings;
    },
    *households() {
      for (const step of walkHomes(plan)) yield* step.homes.households;
    },
    *residents() {
      for (const people of walkPeople(plan, false)) yield* people.residents;
    },
    *partyOrgs() {
      yield* townOrgs(plan);
      const homes = new Map<string, GridHomes>();
      for (const step of walkHomes(plan)) if (step.village.urban) homes.set(step.grid.code, step.homes);
      for (const v of plan.villages) {
        yield* villageOrgs(v);
        for (const g of v.grids) yield* buildingGroups(g, homes.get(g.code)?.buildings ?? []);
      }
    },
    *partyMembers() {
      for (const people of walkPeople(plan, false)) yield* people.members;
    },
    *links() {
      for (const people of walkPeople(plan, true)) yield* people.links;
    },
    summary() {
      const count = (kind: string) => plan.villages.filter((v) => v.village.kind === kind).length;
      const members = plan.households * MEMBERS_PER_HOUSEHOLD;
      return {
        countyCode: plan.countyCode,
        countyName: plan.countyName,
        seed,
        scale,
        synthetic: true,
        towns: plan.towns.length,
        villages: { communities: count('community'), villages: count('village'), livingAreas: count('living_area') },
        grids: allGrids().length,
        populatedGrids: allGrids().filter((g) => g.households > 0).length,
        compounds: plan.villages.reduce((n, v) => n + v.compounds.length, 0),
        households: plan.households,
        expected: {
          residents: Math.round(plan.households * RESIDENTS_PER_HOUSEHOLD),
          partyMembers: Math.round(members),
          woodpeckers: Math.round(Math.min(REAL_FIGURES.woodpeckers * scale, members * WOODPECKER_ELIGIBLE)),
          embeddedCadres: Math.round(Math.min(REAL_FIGURES.embeddedCadres * scale, members * CADRE_ELIGIBLE)),
          uncoveredShare: 0.045, // by design; small grids with few members add a little
        },
      };
    },
  };
}
