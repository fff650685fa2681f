/** Grid map layers and the party organisation tree, within scope. */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Actor, UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assignmentsInScope } from '../access';
import { userPhoneIndex } from '../identity';
import { coveragePercent } from './coverage.service';
import { canReadPeopleAt } from './organisation.policy';
import { linkedMembersOfHousehold, orgsUnder } from './party.repo';
import { householdMembers, householdsByPhone } from './people.repo';
import { findHousehold, gridFeatures } from './places.repo';

const MAX_FEATURES = 20_000;

export async function gridMap(deps: Deps, actor: Actor, scope: string): Promise<FeatureCollection<Polygon>> {
  if (!canReadPeopleAt(actor, scope)) throw new AppError('not_found', { what: `division ${scope}` });
  const rows = await gridFeatures(deps.db, scope, MAX_FEATURES);
  return {
    type: 'FeatureCollection',
    features: rows.map(
      (r): Feature<Polygon> => ({
        type: 'Feature',
        id: r.code,
        geometry: r.polygon,
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
    const gridWorkers = (await assignmentsInScope(deps.db, code.slice(0, 12)))
      .filter((a) => a.role === 'grid_worker' && code.startsWith(a.scopeCode))
      .map((a) => ({ displayName: a.displayName }));
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
