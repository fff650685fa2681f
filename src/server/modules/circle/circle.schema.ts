/** The service circle's contract: kinds, facilities, roads, settings, coverage, uncovered homes, what-if. */
import Type, { type Static } from 'typebox';
import { Closed, IdParams, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime } from '../../platform/http/types';
import { CIRCLE_LEVELS } from './circle.labels';

export { IdParams };
const CoordSystem = literals(['wgs84', 'gcj02'], { description: 'the datum of lng/lat' });
const Scope = Type.String({ pattern: '^[0-9]{6,12}$', description: 'a county, town or village code' });
const KindKey = Type.String({ pattern: '^[a-z0-9_]{1,40}$' });

export const Kind = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  level: literals(CIRCLE_LEVELS),
  walkM: Type.Integer({ description: 'walking distance of the kind’s circle, metres' }),
  source: Type.String(),
});
export const Kinds = Type.Object({ items: Type.Array(Kind) });
export const KindParams = Type.Object({ key: KindKey });
export const KindBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    nameEn: Type.String({ minLength: 1, maxLength: 80 }),
    level: literals(CIRCLE_LEVELS),
    walkM: Type.Integer({ minimum: 50, maximum: 5000 }),
    source: Type.Optional(Type.String({ maxLength: 100 })),
  },
  Closed,
);
export type KindBody = Static<typeof KindBody>;

export const Facility = Type.Object({
  id: Type.String(),
  kindKey: Type.String(),
  name: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
});
export const Facilities = Type.Object({ items: Type.Array(Facility) });
export const FacilityBody = Type.Object(
  {
    kindKey: KindKey,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    coordSystem: Type.Optional(CoordSystem),
  },
  Closed,
);
export type FacilityBody = Static<typeof FacilityBody>;
export const ImportResult = Type.Object({ imported: Type.Integer() });
export const RoadsResult = Type.Object({ lines: Type.Integer(), segments: Type.Integer() });

export const Settings = Type.Object({
  detourFactor: Type.Number({ description: 'straight line × this when no road network is imported' }),
  roads: Nullable(Type.Object({ segments: Type.Integer(), importedAt: DateTime })),
});
export const SettingsBody = Type.Object({ detourFactor: Type.Number({ minimum: 1, maximum: 3 }) }, Closed);

export const ScopeQuery = Type.Object({ scope: Type.Optional(Scope) }, Closed);
export const CoverageRow = Type.Object({
  villageCode: Type.String(),
  villageName: Type.String(),
  kindKey: Type.String(),
  homes: Type.Integer(),
  covered: Type.Integer(),
  people: Type.Integer(),
  peopleCovered: Type.Integer(),
});
export const Coverage = Type.Object({
  scope: Type.String(),
  usesNetwork: Type.Boolean({ description: 'false: straight line × detourFactor' }),
  detourFactor: Type.Number(),
  homesWithoutPoint: Type.Integer({
    description: 'households with no point of their own or their building’s (left out)',
  }),
  kinds: Type.Array(Type.Intersect([Kind, Type.Object({ facilities: Type.Integer() })])),
  rows: Type.Array(CoverageRow),
});
export type Coverage = Static<typeof Coverage>;

const HomePoint = {
  code: Type.String(),
  address: Type.String(),
  compound: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
};
export const UncoveredQuery = Type.Object(
  {
    scope: Type.Optional(Scope),
    kind: KindKey,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })),
  },
  Closed,
);
export const Uncovered = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      ...HomePoint,
      people: Type.Integer(),
      metres: Nullable(Type.Integer({ description: 'null: unreachable' })),
    }),
  ),
});
export type Uncovered = Static<typeof Uncovered>;

export const WhatIfBody = Type.Object(
  {
    kind: KindKey,
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    coordSystem: Type.Optional(CoordSystem),
    scope: Type.Optional(Scope),
  },
  Closed,
);
export const WhatIf = Type.Object({
  kindKey: Type.String(),
  walkM: Type.Integer(),
  homes: Type.Integer({ description: 'homes newly within the walking distance' }),
  people: Type.Integer(),
  villages: Type.Array(Type.Object({ villageCode: Type.String(), homes: Type.Integer(), people: Type.Integer() })),
  sample: Type.Array(Type.Object(HomePoint)),
});
export type WhatIf = Static<typeof WhatIf>;

export const Gaps = Type.Object({
  items: Type.Array(
    Type.Object({
      villageCode: Type.String(),
      villageName: Type.String(),
      kindKey: Type.String(),
      uncoveredHomes: Type.Integer(),
      uncoveredPeople: Type.Integer(),
      problemId: Nullable(Type.String({ description: 'the open three-lists problem this gap is listed as' })),
    }),
  ),
});
export type Gaps = Static<typeof Gaps>;
export const GapBody = Type.Object(
  { villageCode: Type.String({ pattern: '^[0-9]{12}$' }), kind: Type.String({ maxLength: 40 }) },
  Closed,
);
export const GapListed = Type.Object({
  problemId: Type.String(),
  created: Type.Boolean({ description: 'false when the gap was already listed and that problem is open' }),
});
