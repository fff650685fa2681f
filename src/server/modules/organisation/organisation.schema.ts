/** The organisation module's HTTP contract: people, households, coverage, the grid map, party organisations. */
import Type, { type Static } from 'typebox';
import { PageOf, PageQueryFields } from '../../platform/page';
import { Closed, IdParams, literals, Nullable } from '../../platform/http/schema-helpers';

export const DivisionCode = Type.String({ pattern: '^[0-9]{6,22}$' });
export const HouseholdCode = Type.String({ pattern: '^[0-9]{22}$' });
export { IdParams };
export const CodeParams = Type.Object({ code: DivisionCode });
export const ScopeQuery = Type.Object({ scope: DivisionCode }, Closed);

/** A resident as staff see them: identifiers masked; `actions` what this reader may do with them. */
export const Person = Type.Object({
  id: Type.String(),
  householdCode: Type.String(),
  address: Type.String(),
  name: Type.String(),
  idMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  gender: Type.String(),
  birthDate: Type.String(),
  relation: Type.String(),
  partyMember: Type.Boolean(),
  actions: Type.Array(Type.String()),
});
export type Person = Static<typeof Person>;

export const PeopleQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 40 }), scope: Type.Optional(DivisionCode), ...PageQueryFields },
  Closed,
);
export type PeopleQuery = Static<typeof PeopleQuery>;

/** A page of people found, and how the search text was read (idNumber, phone or name). */
export const PeoplePage = Type.Object({
  matchedBy: literals(['idNumber', 'phone', 'name']),
  ...PageOf(Person).properties,
});
export type PeoplePage = Static<typeof PeoplePage>;

export const RevealBody = Type.Object({ field: literals(['idNumber', 'phone']) }, Closed);
export const Revealed = Type.Object({
  field: literals(['idNumber', 'phone']),
  value: Nullable(Type.String()),
});
export type Revealed = Static<typeof Revealed>;

export const HouseholdParams = Type.Object({ code: HouseholdCode });
/** A household and its members (bounded by design: one household's people). */
export const Household = Type.Object({
  code: Type.String(),
  gridCode: Type.String(),
  gridName: Type.String(),
  address: Type.String(),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  members: Type.Array(Person),
});
export type Household = Static<typeof Household>;

const Figures = {
  households: Type.Integer(),
  residents: Type.Integer(),
  covered: Type.Integer(),
  uncovered: Type.Integer(),
  percent: Nullable(Type.Number()),
};
export const CoverageChild = Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String(), ...Figures });
export type CoverageChild = Static<typeof CoverageChild>;
/** Coverage of a division with one level of drill-down (its children: bounded by the division tree). */
export const Coverage = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  ...Figures,
  children: Type.Array(CoverageChild),
});
export type Coverage = Static<typeof Coverage>;

export { PageQuery, type PageRequest } from '../../platform/page';
export const UncoveredHousehold = Type.Object({ code: Type.String(), address: Type.String(), members: Type.Integer() });
export type UncoveredHousehold = Static<typeof UncoveredHousehold>;
export const UncoveredPage = PageOf(UncoveredHousehold);

/** A GeoJSON position, [longitude, latitude] (grid outlines carry no altitude). */
const Position = Type.Unsafe<[number, number]>(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }));
export const GridFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  geometry: Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) }),
  properties: Type.Object({
    code: Type.String(),
    name: Type.String(),
    synthetic: Type.Boolean(),
    households: Type.Integer(),
    covered: Type.Integer(),
    percent: Nullable(Type.Number()),
  }),
});
export type GridFeature = Static<typeof GridFeature>;
/** Every grid polygon under a division (WGS-84): one map layer, bounded by the grids of one county. */
export const GridMap = Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(GridFeature) });
export type GridMap = Static<typeof GridMap>;

export const PartyOrg = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  parentCode: Nullable(Type.String()),
  divisionCode: Type.String(),
  /** Members of this organisation itself. */
  members: Type.Integer(),
  /** Members of this organisation and of every organisation under it (counted in SQL). */
  total: Type.Integer(),
});
export type PartyOrg = Static<typeof PartyOrg>;

export const MyHousehold = Type.Object({
  code: Type.String(),
  address: Type.String(),
  grid: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  gridWorkers: Type.Array(Type.Object({ displayName: Type.String() })),
  members: Type.Array(
    Type.Object({
      name: Type.String(),
      relation: Type.String(),
      phoneMasked: Nullable(Type.String()),
    }),
  ),
  linkedPartyMembers: Type.Array(
    Type.Object({ name: Type.String(), phoneMasked: Nullable(Type.String()), hub: Type.Boolean() }),
  ),
});
export type MyHousehold = Static<typeof MyHousehold>;
/** The households a resident's phone is registered in (a few by nature: one phone, one family or two). */
export const MyHouseholds = Type.Object({ households: Type.Array(MyHousehold) });
export type MyHouseholds = Static<typeof MyHouseholds>;
/**
 * The party organisations of an area, whole: the console draws them as one tree, and they are
 * bounded by design (a county has some hundreds of branches, not an open-ended list).
 */
export const PartyOrgs = Type.Array(PartyOrg);
