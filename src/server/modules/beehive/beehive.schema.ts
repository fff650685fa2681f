/**
 * The beehive module's contract: stations (public nearest-open look-up, console management,
 * agreements, medicine stock), check-ins, workers and 五帮 requests. The web imports the `Static<>` types.
 */
import Type, { type Static } from 'typebox';
import { Closed, IdParams, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import {
  AGREEMENT_STATES,
  HELP_BODIES,
  REQUEST_KINDS,
  REQUEST_STATES,
  STATION_KINDS,
  STATION_SERVICES,
  WORK_KINDS,
} from './beehive.labels';

export { IdParams };

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const DivisionCode = Type.String({ pattern: '^[0-9]{6,15}$' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const CoordSystem = literals(['wgs84', 'gcj02'], { description: 'the datum of lng/lat (phone maps send gcj02)' });
const Hours = Type.Array(Type.Array(Type.String({ maxLength: 11 }), { maxItems: 6 }), {
  minItems: 7,
  maxItems: 7,
  description: 'Monday first: each day a list of "HH:MM-HH:MM" (China Standard Time); [] is closed',
});

// ---- stations ----

export const StationBody = Type.Object(
  {
    kind: literals(STATION_KINDS),
    name: Text(100),
    divisionCode: DivisionCode,
    address: Type.Optional(Text(200, 0)),
    lng: Lng,
    lat: Lat,
    coordSystem: Type.Optional(CoordSystem),
    hours: Hours,
    services: Type.Array(literals(STATION_SERVICES), { maxItems: STATION_SERVICES.length, uniqueItems: true }),
    responsibleOrg: Type.Optional(Text(100, 0)),
    partyOrgCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{6,15}-[0-9]{2}$' }))),
  },
  Closed,
);
export type StationBody = Static<typeof StationBody>;

export const Agreement = Type.Object({
  id: Type.String(),
  parties: Type.Array(Type.String()),
  terms: Type.String(),
  validFrom: Day,
  validTo: Day,
  state: literals(AGREEMENT_STATES),
});
export const AgreementBody = Type.Object(
  {
    parties: Type.Array(Text(100), { minItems: 2, maxItems: 10 }),
    terms: Text(4000),
    validFrom: Day,
    validTo: Day,
  },
  Closed,
);
export type AgreementBody = Static<typeof AgreementBody>;

export const Medicine = Type.Object({
  name: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  lowAt: Type.Integer(),
  low: Type.Boolean(),
});
export const MedicineBody = Type.Object(
  {
    name: Text(60),
    unit: Type.Optional(Text(20, 0)),
    quantity: Type.Integer({ minimum: 0, maximum: 100_000 }),
    lowAt: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  Closed,
);
export type MedicineBody = Static<typeof MedicineBody>;

export const Station = Type.Object({
  id: Type.String(),
  kind: literals(STATION_KINDS),
  name: Type.String(),
  divisionCode: Type.String(),
  address: Type.String(),
  lng: Type.Number({ description: 'WGS-84' }),
  lat: Type.Number({ description: 'WGS-84' }),
  hours: Type.Array(Type.Array(Type.String())),
  openNow: Type.Boolean(),
  services: Type.Array(Type.String()),
  responsibleOrg: Type.String(),
  partyOrgCode: Nullable(Type.String()),
  checkinCode: Type.String({ description: 'printed as the station QR code' }),
  agreement: Nullable(Agreement),
  medicines: Type.Array(Medicine),
  lowStock: Type.Integer({ description: 'medicines at or below their low mark' }),
});
export type Station = Static<typeof Station>;
export const StationPage = PageOf(Station);
export const StationsQuery = Type.Object(
  { ...PageQueryFields, scope: Type.Optional(DivisionCode) }, // scope: the stations under a place within the officer's
  Closed,
);

export const StationDetail = Type.Object({
  station: Station,
  agreements: Type.Array(Agreement),
  checkins: Type.Array(Type.Object({ day: Day, count: Type.Integer() })),
});
export type StationDetail = Static<typeof StationDetail>;

export const DueAgreement = Type.Object({
  stationId: Type.String(),
  stationName: Type.String(),
  agreement: Nullable(Agreement),
});
export const DueAgreements = Type.Object({ items: Type.Array(DueAgreement) });

// ---- the public look-up ----

const Navigation = Type.Object({ amap: Type.String(), baidu: Type.String() });

export const NearestQuery = Type.Object(
  {
    lng: Lng,
    lat: Lat,
    coordSystem: Type.Optional(CoordSystem),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 3 })),
    open: Type.Optional(
      literals(['now', 'any'], { description: 'now (default): only stations open now; any: closed ones too' }),
    ),
  },
  Closed,
);
export type NearestQuery = Static<typeof NearestQuery>;

export const NearStation = Type.Object({
  id: Type.String(),
  kind: literals(STATION_KINDS),
  name: Type.String(),
  address: Type.String(),
  lng: Type.Number({ description: 'WGS-84' }),
  lat: Type.Number({ description: 'WGS-84' }),
  gcjLng: Type.Number({ description: 'GCJ-02, for AMap/Baidu' }),
  gcjLat: Type.Number(),
  metres: Type.Integer({ description: 'straight-line distance' }),
  services: Type.Array(Type.String()),
  hoursToday: Type.Array(Type.String()),
  openNow: Type.Boolean(),
  opensAt: NullableDateTime,
  navigation: Navigation,
});
export type NearStation = Static<typeof NearStation>;
export const NearestResult = Type.Object({ at: DateTime, items: Type.Array(NearStation) });

/**
 * A station as anyone may see it (no sign-in): no check-in code, no stock quantities, no check-in
 * counts, no person — the organisations responsible and the agreement's parties are public bodies.
 */
export const PublicStation = Type.Object({
  id: Type.String(),
  kind: literals(STATION_KINDS),
  name: Type.String(),
  address: Type.String(),
  placeName: Type.String({ description: 'the division the station belongs to, by name' }),
  lng: Type.Number({ description: 'WGS-84' }),
  lat: Type.Number({ description: 'WGS-84' }),
  gcjLng: Type.Number({ description: 'GCJ-02, for AMap/Baidu' }),
  gcjLat: Type.Number(),
  hours: Type.Array(Type.Array(Type.String()), { description: 'Monday first, China Standard Time' }),
  openNow: Type.Boolean(),
  /** when a closed station next opens (within a week); now when open; null: no hours at all */
  opensAt: NullableDateTime,
  services: Type.Array(Type.String()),
  responsibleOrg: Type.String({ description: 'the responsible party organisation' }),
  emergencyMedicine: Type.Boolean({
    description: 'offers emergency medicine and has some in stock (quantities stay with the staff)',
  }),
  agreement: Nullable(
    Type.Object({
      parties: Type.Array(Type.String()),
      validFrom: Day,
      validTo: Day,
      state: literals(AGREEMENT_STATES),
    }),
  ),
  navigation: Navigation,
});
export type PublicStation = Static<typeof PublicStation>;
export const PublicStationResult = Type.Object({ at: DateTime, station: PublicStation });

/** The county seat and town seats: where a rider without a position fix starts looking. */
export const Towns = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), lng: Type.Number(), lat: Type.Number() })),
});
export type Towns = Static<typeof Towns>;

export const CheckinBody = Type.Object({ code: Type.String({ minLength: 4, maxLength: 16 }) }, Closed);
export const CheckinResult = Type.Object({
  stationId: Type.String(),
  stationName: Type.String(),
  day: Day,
  countToday: Type.Integer({ description: 'check-ins at this station today (no one is named)' }),
});

// ---- workers ----

export const WorkerBody = Type.Object(
  {
    name: Text(40),
    workKind: literals(WORK_KINDS),
    platform: Text(40),
    stationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    partyMember: Type.Boolean(),
    consent: Type.Boolean({ description: 'must be true: consent to the information notice' }),
  },
  Closed,
);
export type WorkerBody = Static<typeof WorkerBody>;
export const Worker = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phoneMasked: Nullable(Type.String()),
  workKind: literals(WORK_KINDS),
  platform: Type.String(),
  stationId: Nullable(Type.String()),
  stationName: Nullable(Type.String()),
  partyMember: Type.Boolean(),
  consentAt: DateTime,
  woodpeckerScope: Nullable(Type.String()),
});
export type Worker = Static<typeof Worker>;
export const WorkerPage = PageOf(Worker);
export const MeWorker = Type.Object({ worker: Nullable(Worker) });
export const WoodpeckerBody = Type.Object({ placeCode: DivisionCode }, Closed);

// ---- measures and requests ----

export const Measure = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  bodyKey: literals(HELP_BODIES),
  published: Type.Boolean(),
});
export type Measure = Static<typeof Measure>;
export const MeasureBody = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    title: Text(200),
    body: Type.Optional(Text(4000, 0)),
    bodyKey: literals(HELP_BODIES),
    published: Type.Boolean(),
  },
  Closed,
);
export type MeasureBody = Static<typeof MeasureBody>;
export const Measures = Type.Object({ items: Type.Array(Measure) });

export const RequestBody = Type.Object(
  {
    kind: literals(REQUEST_KINDS),
    description: Text(2000),
    stationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    measureIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 18, uniqueItems: true })),
  },
  Closed,
);
export type RequestBody = Static<typeof RequestBody>;
export const AnswerBody = Type.Object({ answer: Text(2000) }, Closed);
export const RateBody = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }), followUp: Type.Optional(Text(1000, 0)) },
  Closed,
);

export const HelpRequest = Type.Object({
  id: Type.String(),
  kind: literals(REQUEST_KINDS),
  bodyKey: literals(HELP_BODIES),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  workerName: Type.String(),
  stationId: Nullable(Type.String()),
  description: Type.String(),
  measureIds: Type.Array(Type.String()),
  state: literals(REQUEST_STATES),
  dueAt: DateTime,
  overdue: Type.Boolean(),
  answer: Nullable(Type.String()),
  answeredAt: NullableDateTime,
  followUp: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  createdAt: DateTime,
});
export type HelpRequest = Static<typeof HelpRequest>;
export const HelpRequestPage = PageOf(HelpRequest);
export const RequestsQuery = Type.Object(
  { ...PageQueryFields, state: Type.Optional(literals(REQUEST_STATES)) },
  Closed,
);
export type RequestsQuery = Static<typeof RequestsQuery>;
