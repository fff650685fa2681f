/**
 * The points module's contract (积分 and 积分超市): every route's params, query, body and response.
 * The server validates and serialises with these (nothing unlisted leaves); the web imports their
 * `Static<>` types.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { AWARD_ACTIONS, AWARD_STATES, REDEMPTION_STATES, TRANSACTION_KINDS } from './points.labels';
import { Closed, IdParams, literals, Nullable } from '../../platform/http/schema-helpers';

export { IdParams };
export const Code = Type.String({ pattern: '^[0-9]{6,20}$' });
export const ScopeParams = Type.Object({ scope: Code });
const PositiveCount = Type.Integer({
  minimum: 1,
  maximum: 1_000_000,
  description: 'a positive whole number of points or items',
});
const Cap = Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }));
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const EarnOrDeduct = literals(['earn', 'deduct']);
const RuleSource = literals(['cases.filed', 'manual']);
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Exchange = Type.Object(
  { points: Type.Integer(), yuan: Type.Number() },
  { description: 'e.g. 10 points = 5 yuan' },
);

export { PageQuery, type PageRequest } from '../../platform/page';

// ---- awards, publicity, objections ----

export const AwardState = literals(AWARD_STATES);
export const AwardAction = literals(AWARD_ACTIONS);

export const Award = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleCode: Type.String(),
  ruleName: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  issuerCode: Type.String(),
  sourceEvent: Type.String(),
  kind: EarnOrDeduct,
  amount: Type.Integer(),
  ruleAmount: Type.Integer({ description: 'the rule’s amount: `amount` differs only with an amountReason' }),
  amountReason: Nullable(Type.String()),
  appliedAmount: Nullable(Type.Integer()),
  reason: Type.String(),
  state: AwardState,
  earnedAt: DateTime,
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
  approvedBy: Nullable(Type.String()),
  approvedAt: NullableDateTime,
  reviewedBy: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
  reviewedAt: NullableDateTime,
  publishedAt: NullableDateTime,
  publicityUntil: NullableDateTime,
  decidedAt: NullableDateTime,
  rejectionReason: Nullable(Type.String()),
  transactionId: Nullable(Type.Integer()),
  actions: Type.Array(AwardAction, { description: 'the steps this user may take now' }),
});
export type Award = Static<typeof Award>;

export const AwardsQuery = Type.Object(
  {
    queue: literals(['approval', 'publicity', 'done', 'all']),
    userId: Type.Optional(Type.String({ format: 'uuid' })),
    ...PageQueryFields,
  },
  Closed,
);
export type AwardQueue = Static<typeof AwardsQuery>['queue'];

export const ManualAwardBody = Type.Object(
  {
    userId: Type.String({ format: 'uuid' }),
    ruleCode: Type.String({ maxLength: 40 }),
    placeCode: Code,
    reason: Reason,
    amount: Type.Optional(PositiveCount),
    amountReason: Type.Optional(Type.String({ maxLength: 500 })),
    sourceRef: Type.String({ minLength: 1, maxLength: 100 }),
  },
  Closed,
);

export const StepBody = Type.Union([
  Type.Object({ type: Type.Literal('approve') }, Closed),
  Type.Object({ type: Type.Literal('review') }, Closed),
  Type.Object({ type: Type.Literal('publish') }, Closed),
  Type.Object({ type: Type.Literal('reject'), reason: Reason }, Closed),
  Type.Object({ type: Type.Literal('resolve'), upheld: Type.Boolean(), reason: Reason }, Closed),
]);
export type StaffStep = Static<typeof StepBody>;

export const PublicityRow = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'masked: 张*明' }),
  issuerCode: Type.String(),
  kind: EarnOrDeduct,
  amount: Type.Integer(),
  reason: Type.String(),
  state: AwardState,
  publishedAt: NullableDateTime,
  publicityUntil: NullableDateTime,
  actions: Type.Array(AwardAction),
});
export type PublicityRow = Static<typeof PublicityRow>;

export const PublicityQuery = Type.Object({ divisionCode: Type.Optional(Code), ...PageQueryFields }, Closed);

export const ObjectionBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, Closed);
export const ObjectionCreated = Type.Object({ id: Type.String(), awardId: Type.String(), state: AwardState });

export const Objection = Type.Object({
  id: Type.String(),
  awardId: Type.String(),
  userId: Type.String(),
  reason: Type.String(),
  createdAt: DateTime,
  resolvedAt: NullableDateTime,
  upheld: Nullable(Type.Boolean()),
  resolution: Nullable(Type.String()),
  issuerCode: Type.String(),
  awardUserName: Type.String({ description: 'the person the award is for' }),
  awardReason: Type.String({ description: 'the award’s reason' }),
  actions: Type.Array(literals(['resolve'])),
});
export type Objection = Static<typeof Objection>;

export const ObjectionsQuery = Type.Object({ open: Type.Optional(Type.Boolean()), ...PageQueryFields }, Closed);
export const ResolveBody = Type.Object({ upheld: Type.Boolean(), reason: Reason }, Closed);

// ---- rules and settings ----

export const RuleBody = Type.Object(
  {
    scopeCode: Code,
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    kind: EarnOrDeduct,
    source: RuleSource,
    amount: PositiveCount,
    dailyCap: Type.Optional(Cap),
    monthlyCap: Type.Optional(Cap),
    effectiveFrom: Type.String({ format: 'date-time' }),
  },
  Closed,
);
/** What a new rule version is made of (the service's input, the console's form). */
export type RuleInput = Static<typeof RuleBody>;

export const Rule = Type.Object({
  id: Type.String(),
  scopeCode: Type.String(),
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  kind: EarnOrDeduct,
  source: RuleSource,
  amount: Type.Integer(),
  dailyCap: Nullable(Type.Integer()),
  monthlyCap: Nullable(Type.Integer()),
  effectiveFrom: DateTime,
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
});
export type Rule = Static<typeof Rule>;

const SettingsFields = {
  exchangePoints: Type.Integer({ minimum: 1, maximum: 10_000 }),
  exchangeYuan: Type.Number({ minimum: 0.01, maximum: 100_000 }), // numeric(10,2): less than a fen rounds to 0
  publicityDays: Type.Integer({ minimum: 0, maximum: 60 }),
  reservationHours: Type.Integer({ minimum: 1, maximum: 720 }),
  expiryMonths: Nullable(Type.Integer({ minimum: 1, maximum: 120 })),
  deskMaxFailures: Type.Integer({ minimum: 1, maximum: 100 }),
  deskLockMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
};
const OverrideFactor = Type.Integer({
  minimum: 1,
  maximum: 100,
  description: 'an adjusted award is at most this many times the rule’s amount (default 10)',
});
const OverrideMonthlyCap = Type.Integer({
  minimum: 1,
  maximum: 1_000_000,
  description: 'adjusted points per person per month (default 200)',
});

export const SettingsBody = Type.Object(
  {
    ...SettingsFields,
    overrideFactor: Type.Optional(OverrideFactor),
    overrideMonthlyCap: Type.Optional(OverrideMonthlyCap),
  },
  Closed,
);

export const Settings = Type.Object({
  scopeCode: Nullable(Type.String({ description: 'the place whose row is in force; null: the defaults' })),
  ...SettingsFields,
  overrideFactor: OverrideFactor,
  overrideMonthlyCap: OverrideMonthlyCap,
});
export type Settings = Static<typeof Settings>;
export const SettingsView = Type.Object({
  ...Settings.properties,
  actions: Type.Array(Type.Literal('edit'), { description: 'edit: this user may change the settings here' }),
});
export type SettingsView = Static<typeof SettingsView>;

// ---- shop places ----

export const PlaceRequest = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  requestedCode: Type.String(),
  requestedName: Type.String(),
  confirmedCode: Nullable(Type.String()),
  actions: Type.Array(Type.Literal('confirm')),
});
export type PlaceRequest = Static<typeof PlaceRequest>;
export const ConfirmPlaceBody = Type.Object({ divisionCode: Code }, Closed);
export const PlaceConfirmed = Type.Object({
  userId: Type.String(),
  divisionCode: Type.String(),
  confirmedAt: DateTime,
});

// ---- the shop ----

export const ItemBody = Type.Object(
  {
    divisionCode: Code,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    pricePoints: PositiveCount,
    stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    perPersonLimit: Type.Optional(Cap),
    photoUrl: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  Closed,
);

/** A new shop item (the service's input, the console's form). */
export type NewItemInput = Static<typeof ItemBody>;

export const ItemPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    pricePoints: Type.Optional(PositiveCount),
    perPersonLimit: Type.Optional(Cap),
    photoUrl: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    active: Type.Optional(Type.Boolean()),
  },
  Closed,
);

export const RestockBody = Type.Object({ quantity: PositiveCount }, Closed);

export const Item = Type.Object({
  id: Type.String(),
  divisionCode: Type.String(),
  name: Type.String(),
  description: Type.String(),
  pricePoints: Type.Integer(),
  yuanValue: Type.Number({ description: 'the price in yuan at the shop’s exchange' }),
  exchange: Exchange,
  stock: Type.Integer(),
  perPersonLimit: Nullable(Type.Integer()),
  photoUrl: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
  actions: Type.Array(literals(['update', 'restock', 'redeem'])),
});
export type ShopItem = Static<typeof Item>;

export const RedeemBody = Type.Object(
  { itemId: Type.String({ format: 'uuid' }), quantity: Type.Optional(PositiveCount) },
  Closed,
);

export const PickupBody = Type.Object(
  { code: Type.String({ pattern: '^([0-9]{6}|cocreate:points:pickup:[0-9a-f-]{36}:[0-9]{6})$' }) },
  Closed,
);

export const Redemption = Type.Object({
  id: Type.String(),
  itemId: Type.String(),
  itemName: Type.String(),
  divisionCode: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  quantity: Type.Integer(),
  points: Type.Integer(),
  state: literals(REDEMPTION_STATES),
  pickupCode: Type.Optional(Type.String({ description: 'own redemptions only' })),
  qrPayload: Type.Optional(Type.String({ description: 'own redemptions, while reserved' })),
  reservedAt: DateTime,
  expiresAt: DateTime,
  closedAt: NullableDateTime,
  stateLabel: Bilingual,
  actions: Type.Array(literals(['cancel', 'fulfil'])),
});
export type Redemption = Static<typeof Redemption>;

// ---- my points and the ledger ----

export const MyPoints = Type.Object({
  balance: Type.Integer(),
  pending: Type.Integer({ description: 'awards on their way: pending, reviewed, in publicity or objected' }),
  pendingDeductions: Type.Integer(),
  exchange: Exchange,
  shopPlaces: Type.Array(Type.String(), { description: 'registered places whose shops serve me' }),
  placeToConfirm: Nullable(Type.String({ description: 'my chosen place, waiting for staff to confirm it' })),
});
export type MyPoints = Static<typeof MyPoints>;

export const HistoryRow = Type.Object({
  entryId: Type.Integer(),
  at: DateTime,
  amount: Type.Integer(),
  kind: literals(TRANSACTION_KINDS),
  memo: Type.String({ description: 'the reason' }),
  expiresAt: NullableDateTime,
  awardId: Nullable(Type.String()),
  redemptionId: Nullable(Type.String()),
});
export type HistoryRow = Static<typeof HistoryRow>;

export const PlaceReport = Type.Object({
  divisionCode: Type.String(),
  name: Type.String(),
  issued: Type.Integer(),
  deducted: Type.Integer(),
  reserved: Type.Integer(),
  redeemed: Type.Integer(),
});
export type PlaceReport = Static<typeof PlaceReport>;
export const PlacesQuery = Type.Object({ scope: Type.Optional(Code), ...PageQueryFields }, Closed);

export const PersonReport = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  balance: Nullable(Type.Integer({ description: 'null unless the person’s registered place is in my scope' })),
  pending: Type.Integer(),
  pendingDeductions: Type.Integer(),
  wholeLedger: Type.Boolean(),
  entries: PageOf(HistoryRow),
});
export type PersonReport = Static<typeof PersonReport>;

export const ExportQuery = Type.Object(
  { scope: Type.Optional(Code), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })) },
  Closed,
);

export const AwardPage = PageOf(Award);
export const PublicityPage = PageOf(PublicityRow);
export const ObjectionPage = PageOf(Objection);
export const RulePage = PageOf(Rule);
export const PlaceRequestPage = PageOf(PlaceRequest);
export const ItemPage = PageOf(Item);
export const RedemptionPage = PageOf(Redemption);
export const HistoryPage = PageOf(HistoryRow);
export const PlaceReportPage = PageOf(PlaceReport);
