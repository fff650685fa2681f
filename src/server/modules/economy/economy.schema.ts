/** The collective economy's contract: incomes, the share above the threshold, settings, registers, imports, disclosure. */
import Type, { type Static } from 'typebox';
import { Closed, IdParams, literals, Nullable } from '../../platform/http/schema-helpers';
import { NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { ASSET_KINDS, COOPERATIVE_KINDS, INCOME_SOURCES } from './economy.labels';

export { IdParams };
const Scope = Type.String({ pattern: '^[0-9]{6,12}$', description: 'a county, town or village code' });
const VillageCode = Type.String({ pattern: '^[0-9]{12}$', description: 'a village code (12 digits)' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'the income year' });
const Fen = Type.Integer({ minimum: 0, description: 'an amount in fen (分), a whole number' });
const DateText = Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-', description: 'YYYY-MM-DD (1900–2099)' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const YearQuery = Type.Object({ scope: Type.Optional(Scope), year: Year, ...PageQueryFields }, Closed);
export const SummaryQuery = Type.Object({ scope: Type.Optional(Scope), year: Year }, Closed);
export const ScopePageQuery = Type.Object({ scope: Type.Optional(Scope), ...PageQueryFields }, Closed);

const Amounts = Type.Object(
  Object.fromEntries(INCOME_SOURCES.map((s) => [s, Type.Optional(Fen)])) as Record<
    (typeof INCOME_SOURCES)[number],
    ReturnType<typeof Type.Optional<typeof Fen>>
  >,
  Closed,
);

export const VillageIncome = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    amounts: Amounts,
    totalFen: Fen,
    above: Type.Boolean({ description: 'total ≥ threshold (以上 includes the threshold itself)' }),
    updatedAt: NullableDateTime,
  },
  Closed,
);
export type VillageIncome = Static<typeof VillageIncome>;
export const VillageIncomePage = Type.Object(
  { ...PageOf(VillageIncome).properties, thresholdFen: Fen, year: Year },
  Closed,
);
export type VillageIncomePage = Static<typeof VillageIncomePage>;

export const IncomeParams = Type.Object({ village: VillageCode, year: Year }, Closed);
/** Amounts by source; a source may be any string so that an unknown one is answered by name (economy_source_unknown). */
export const IncomeBody = Type.Object(
  {
    amounts: Type.Record(Type.String({ maxLength: 40 }), Type.Number(), { description: 'fen by source' }),
    note: Type.Optional(Text(200, 0)),
  },
  Closed,
);
export type IncomeBody = Static<typeof IncomeBody>;

const ShareFields = {
  villages: Type.Integer(),
  above: Type.Integer(),
  basisPoints: Type.Integer({ description: 'above / villages in basis points (9200 = 92.00 %), rounded half up' }),
  totalFen: Fen,
};
export const Summary = Type.Object(
  {
    scope: Type.String(),
    scopeName: Type.String(),
    year: Year,
    thresholdFen: Fen,
    ...ShareFields,
    towns: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...ShareFields }, Closed)),
  },
  Closed,
);
export type Summary = Static<typeof Summary>;

export const Settings = Type.Object({ countyCode: Type.String(), thresholdFen: Fen }, Closed);
export type Settings = Static<typeof Settings>;
export const SettingsBody = Type.Object(
  {
    thresholdFen: Type.Integer({
      minimum: 100,
      maximum: 10_000_000_000_000,
      description: 'fen; 100,000 yuan = 10000000',
    }),
  },
  Closed,
);

export const Cooperative = Type.Object(
  {
    id: Type.String(),
    villageCode: Type.String(),
    villageName: Type.String(),
    kind: literals(COOPERATIVE_KINDS),
    name: Type.String(),
    members: Type.Integer(),
    registrationNo: Type.String(),
    registeredOn: Nullable(Type.String()),
  },
  Closed,
);
export type Cooperative = Static<typeof Cooperative>;
export const CooperativePage = PageOf(Cooperative);
export const CooperativeBody = Type.Object(
  {
    villageCode: VillageCode,
    kind: literals(COOPERATIVE_KINDS),
    name: Text(100),
    members: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    registrationNo: Type.Optional(Text(40, 0)),
    registeredOn: Type.Optional(Nullable(DateText)),
  },
  Closed,
);
export type CooperativeBody = Static<typeof CooperativeBody>;

export const Asset = Type.Object(
  {
    id: Type.String(),
    villageCode: Type.String(),
    villageName: Type.String(),
    kind: literals(ASSET_KINDS),
    name: Type.String(),
    quantity: Type.String(),
    bookValueFen: Fen,
    location: Type.String({ description: '坐落位置 (imported from the asset system; may be empty)' }),
  },
  Closed,
);
export type Asset = Static<typeof Asset>;
export const AssetPage = PageOf(Asset);
export const AssetBody = Type.Object(
  {
    villageCode: VillageCode,
    kind: literals(ASSET_KINDS),
    name: Text(100),
    quantity: Type.Optional(Text(40, 0)),
    bookValueFen: Type.Number(),
  },
  Closed,
);
export type AssetBody = Static<typeof AssetBody>;

const DueView = Type.Object(
  {
    id: Type.String(),
    dueOn: Type.String(),
    amountFen: Fen,
    paidFen: Fen,
    paidOn: Nullable(Type.String()),
    overdue: Type.Boolean(),
  },
  Closed,
);
export const Contract = Type.Object(
  {
    id: Type.String(),
    villageCode: Type.String(),
    villageName: Type.String(),
    assetId: Nullable(Type.String()),
    assetName: Nullable(Type.String()),
    subject: Type.String(),
    counterparty: Type.String(),
    startsOn: Type.String(),
    endsOn: Type.String(),
    dues: Type.Array(DueView),
    overdue: Type.Boolean({ description: 'some due date has passed unpaid' }),
    overdueFen: Fen,
  },
  Closed,
);
export type Contract = Static<typeof Contract>;
export const ContractPage = PageOf(Contract);
export const ContractBody = Type.Object(
  {
    villageCode: VillageCode,
    assetId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    subject: Text(100),
    counterparty: Text(100),
    startsOn: DateText,
    endsOn: DateText,
    dues: Type.Array(Type.Object({ dueOn: DateText, amountFen: Type.Number() }, Closed), { maxItems: 600 }),
  },
  Closed,
);
export type ContractBody = Static<typeof ContractBody>;
export const PaymentParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), due: Type.String({ format: 'uuid' }) },
  Closed,
);
export const PaymentBody = Type.Object({ amountFen: Type.Number(), paidOn: DateText }, Closed);

export const ImportQuery = Type.Object(
  { mode: literals(['dry-run', 'all-or-nothing']), format: Type.Optional(literals(['xlsx', 'csv'])) },
  Closed,
);
const RowError = Type.Object(
  {
    row: Type.Integer(),
    column: Type.String(),
    reason: Type.Object({ zh: Type.String(), en: Type.String() }, Closed),
    code: Type.String(),
  },
  Closed,
);
export const ImportOutcome = Type.Object(
  {
    mode: literals(['dry-run', 'all-or-nothing']),
    totalRows: Type.Integer(),
    validRows: Type.Integer(),
    importedRows: Type.Integer(),
    errorCount: Type.Integer(),
    errors: Type.Array(RowError),
  },
  Closed,
);
export type ImportOutcome = Static<typeof ImportOutcome>;
export const SheetParams = Type.Object({ sheet: literals(['incomes', 'cooperatives', 'assets', 'contracts']) }, Closed);
export const ImportSheetParams = Type.Object({ sheet: literals(['cooperatives', 'assets', 'contracts']) }, Closed);
export const ExportQuery = Type.Object({ year: Type.Optional(Year) }, Closed);

export const DisclosureBody = Type.Object(
  { villageCode: VillageCode, year: Year, month: Type.Integer({ minimum: 1, maximum: 12 }) },
  Closed,
);
export const Disclosure = Type.Object({ id: Type.String(), title: Type.String(), body: Type.String() }, Closed);

export const MyVillage = Type.Object(
  {
    village: Nullable(
      Type.Object(
        {
          code: Type.String(),
          name: Type.String(),
          year: Year,
          amounts: Amounts,
          totalFen: Fen,
          thresholdFen: Fen,
          above: Type.Boolean(),
          cooperatives: Type.Array(
            Type.Object({ kind: literals(COOPERATIVE_KINDS), name: Type.String(), members: Type.Integer() }, Closed),
          ),
        },
        Closed,
      ),
    ),
  },
  Closed,
);
export type MyVillage = Static<typeof MyVillage>;
export const MyVillageQuery = Type.Object({ year: Type.Optional(Year) }, Closed);
