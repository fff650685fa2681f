/**
 * Party organisations. Rural (3 levels): village party organisation (村党组织) → villager-group
 * party cells (村民小组党小组) → members' linked households. Urban (5 levels): street (or town)
 * working committee (大工委) → community party committee (社区大党委) → grid branch (网格党支部) →
 * building group (楼栋党小组) → members' hub households. Codes: division or grid code + '-' + 2 digits.
 */
import type { BuildingRecord, PartyOrgRecord } from '../records';
import type { DemoPlan, GridPlan, VillagePlan } from './demo.plan';

const two = (n: number) => String(n).padStart(2, '0');

export const townOrgCode = (townCode: string) => `${townCode}-01`;
export const villageOrgCode = (villageCode: string) => `${villageCode}-01`;
export const groupCellCode = (villageCode: string, group: number) => `${villageCode}-${two(group + 1)}`;
export const gridBranchCode = (grid: string) => `${grid}-01`;
export const buildingGroupCode = (grid: string, buildingIndex: number) =>
  buildingIndex <= 97 ? `${grid}-${two(buildingIndex + 2)}` : gridBranchCode(grid);

/** Working committees of the towns and streets that have communities. */
export function* townOrgs(plan: DemoPlan): Generator<PartyOrgRecord> {
  const withCommunities = new Set(plan.villages.filter((v) => v.urban).map((v) => v.town.code));
  for (const town of plan.towns) {
    if (!withCommunities.has(town.code)) continue;
    yield {
      code: townOrgCode(town.code),
      name: `${town.name}大工委`,
      kind: 'street_working_committee',
      parentCode: null,
      divisionCode: town.code,
    };
  }
}

/** The village's (community's) own organisations, without building groups. */
export function* villageOrgs(v: VillagePlan): Generator<PartyOrgRecord> {
  const code = v.village.code;
  if (v.urban) {
    yield {
      code: villageOrgCode(code),
      name: `${v.village.name}大党委`,
      kind: 'community_party_committee',
      parentCode: townOrgCode(v.town.code),
      divisionCode: code,
    };
    for (const g of v.grids) {
      yield {
        code: gridBranchCode(g.code),
        name: `${g.name}党支部`,
        kind: 'grid_branch',
        parentCode: villageOrgCode(code),
        divisionCode: g.code,
      };
    }
    return;
  }
  const name = v.village.kind === 'village' ? `${v.village.name}党总支` : `${v.village.name}党支部`;
  yield { code: villageOrgCode(code), name, kind: 'village_party_org', parentCode: null, divisionCode: code };
  for (const g of v.grids) {
    for (const n of g.groupNumbers) {
      if (n > 98) continue;
      yield {
        code: groupCellCode(code, n),
        name: `${v.village.name}${n}组党小组`,
        kind: 'villager_group_cell',
        parentCode: villageOrgCode(code),
        divisionCode: code,
      };
    }
  }
}

/** One building group per building of an urban grid (the 98th and later share the grid branch). */
export function buildingGroups(grid: GridPlan, buildings: BuildingRecord[]): PartyOrgRecord[] {
  return buildings.slice(0, 98).map((b, i) => ({
    code: buildingGroupCode(grid.code, i),
    name: `${b.name}党小组`,
    kind: 'building_group',
    parentCode: gridBranchCode(grid.code),
    divisionCode: grid.code,
  }));
}
