/** Grid map layers and the party organisation tree, within scope. */
import type { Actor, UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { gridWorkersOver } from '../access';
import { userPhoneIndex } from '../identity';
import { coveragePercent } from './coverage.service';
import { canReadPeopleAt } from './organisation.policy';
import type { GridFeature, GridMap } from './organisation.schema';
import { linkedMembersOfHousehold, orgsUnder } from './party.repo';
import { householdMembers, householdsByPhone } from './people.repo';
import { findHousehold, gridFeatures } from './places.repo';

export async function gridMap(deps: Deps, actor: Actor, scope: string): Promise<GridMap> {
  if (!canReadPeopleAt(actor, scope)) throw new AppError('not_found', { what: `division ${scope}` });
  // one map layer, whole: bounded by design by the grids of one county (no role is held above a county)
  const rows = await gridFeatures(deps.db, scope);
  return {
    type: 'FeatureCollection',
    features: rows.map(
      (r): GridFeature => ({
        type: 'Feature',
        id: r.code,
        // stored outlines are checked GeoJSON polygons of [lng, lat] positions (registers.sheets, demo)
        geometry: r.polygon as GridFeature['geometry'],
        properties: {
          code: r.code,
          name: r.name,
          synthetic: r.synthetic,
          households: r.households,
          covered: r.covered,
          percent: coveragePercent({ ...r, residents: 0 }),
        },
      }),
    ),
  };
}

/** The whole organisation tree of an area (bounded by design: see PartyOrgs in organisation.schema.ts). */
export async function partyOrgTree(deps: Deps, actor: Actor, scope: string) {
  if (!canReadPeopleAt(actor, scope)) throw new AppError('not_found', { what: `division ${scope}` });
  return orgsUnder(deps.db, scope);
}

/** The resident app's "my household": found through the phone the resident signed in with. */
export async function myHousehold(deps: Deps, actor: UserActor) {
  const phoneIndex = await userPhoneIndex(deps.db, actor.userId);
  if (!phoneIndex) return { households: [] };
  const codes = await householdsByPhone(deps.db, phoneIndex);
  const households = [];
  for (const code of codes) {
    const h = (await findHousehold(deps.db, code))!;
    const members = await householdMembers(deps.db, code);
    const gridWorkers = await gridWorkersOver(deps.db, code);
    const linkedPartyMembers = await linkedMembersOfHousehold(deps.db, code);
    households.push({
      code,
      address: h.address,
      grid: { code: h.gridCode, name: h.gridName },
      gridWorkers,
      members: members.map((m) => ({ name: m.name, relation: m.relation, phoneMasked: m.phoneMasked })),
      linkedPartyMembers,
    });
  }
  return { households };
}
