/**
 * The cockpit (驾驶舱, #17): the contract of GET /api/cockpit and of each module's contribution to it.
 * Each module that has figures for the cockpit contributes its own panels through its manifest
 * (`ServerPart.cockpit`, like `today`); src/server/cockpit joins them, so the cockpit imports no module.
 * A panel whose module has no records in the place reads "尚无数据" (`status: 'no_data'`), never a
 * fake zero. Every figure carries the previous period's and last year's value and, for a signed-in
 * viewer, the console path of the records behind it (drill-down, scoped by the viewer's region).
 */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../platform/http/schema-helpers';

const Label = Type.Object({ zh: Type.String(), en: Type.String() }, Closed);
const Day = Type.String({ format: 'date', description: 'a day in China Standard Time, YYYY-MM-DD' });

export const COCKPIT_UNITS = ['count', 'percent', 'hours', 'yuan', 'points', 'people', 'households'] as const;
export type CockpitUnit = (typeof COCKPIT_UNITS)[number];

/** city, county: the child places of a province or a city (a province installation, #17 item 6). */
export const RANKING_BY = ['city', 'county', 'town', 'village', 'grid', 'department', 'category'] as const;

/** A period of whole days, both ends included (China Standard Time). */
export const CockpitPeriod = Type.Object({ from: Day, to: Day }, Closed);
export type CockpitPeriod = Static<typeof CockpitPeriod>;

export const CockpitFigure = Type.Object(
  {
    key: Type.String({ description: 'module-qualified, e.g. cases.closedOnTimeRate' }),
    label: Label,
    unit: literals(COCKPIT_UNITS),
    /** null: not computable here (a rate over nothing), shown as — */
    value: Nullable(Type.Number()),
    /** the same number of days just before the period */
    previous: Nullable(Type.Number()),
    /** the same days one year earlier */
    lastYear: Nullable(Type.Number()),
    formula: Type.Optional(Label),
    drill: Type.Optional(
      Type.String({
        description: 'console path of the records behind the figure (relative to /admin); never for a kiosk',
      }),
    ),
    ledger: Type.Optional(
      Type.String({ description: 'API path of the 台账 xlsx behind the figure; never for a kiosk' }),
    ),
  },
  Closed,
);
export type CockpitFigure = Static<typeof CockpitFigure>;

export const CockpitRankingRow = Type.Object(
  {
    code: Type.String({ description: 'division, department or category code' }),
    name: Type.String(),
    value: Nullable(Type.Number()),
    drill: Type.Optional(Type.String()),
  },
  Closed,
);

export const CockpitRanking = Type.Object(
  {
    key: Type.String(),
    label: Label,
    unit: literals(COCKPIT_UNITS),
    by: literals(RANKING_BY),
    rows: Type.Array(CockpitRankingRow, { description: 'best first (highest value; for overdue counts, most first)' }),
  },
  Closed,
);
export type CockpitRanking = Static<typeof CockpitRanking>;

export const CockpitSeries = Type.Object(
  {
    key: Type.String(),
    label: Label,
    unit: literals(COCKPIT_UNITS),
    points: Type.Array(Type.Object({ date: Day, value: Nullable(Type.Number()) }, Closed)),
  },
  Closed,
);
export type CockpitSeries = Static<typeof CockpitSeries>;

/** One panel as a module reports it. */
export const CockpitPanelPart = Type.Object(
  {
    key: Type.String({ description: 'module-qualified panel name, e.g. cases.handling' }),
    title: Label,
    order: Type.Integer({ description: 'lower first' }),
    status: literals(['ready', 'no_data'] as const),
    figures: Type.Array(CockpitFigure),
    rankings: Type.Array(CockpitRanking),
    series: Type.Array(CockpitSeries),
  },
  Closed,
);
export type CockpitPanelPart = Static<typeof CockpitPanelPart>;

export const CockpitPanel = Type.Object(
  { ...CockpitPanelPart.properties, module: Type.String({ description: 'the module that computed it' }) },
  Closed,
);
export type CockpitPanel = Static<typeof CockpitPanel>;

export const CockpitAnswer = Type.Object(
  {
    place: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }, Closed),
    period: CockpitPeriod,
    previous: CockpitPeriod,
    lastYear: CockpitPeriod,
    panels: Type.Array(CockpitPanel),
    generatedAt: Type.String({ format: 'date-time' }),
  },
  Closed,
);
export type CockpitAnswer = Static<typeof CockpitAnswer>;

/**
 * What a module's contributor is asked: the place (a division code: county, town, village; or a
 * province on a province installation), the departments the viewer is limited to (null: all), the
 * periods, and whether the viewer is a kiosk (big screen: no drill links, no ledgers, no personal data).
 */
export interface CockpitView {
  scope: string;
  departments: string[] | null;
  period: CockpitPeriod;
  previous: CockpitPeriod;
  lastYear: CockpitPeriod;
  kiosk: boolean;
}

const QueryDay = Type.String({
  maxLength: 20,
  description: 'a day in China Standard Time, YYYY-MM-DD (checked by the service, which names a bad one in zh and en)',
});

/** GET /api/cockpit's query: the place (default: the viewer's widest) and the period (default: this month up to today). */
export const CockpitQuery = Type.Object(
  {
    place: Type.Optional(Type.String({ pattern: '^[0-9]{2,15}$', description: 'a division code' })),
    from: Type.Optional(QueryDay),
    to: Type.Optional(QueryDay),
  },
  Closed,
);

/** A big screen's query: only the period (its place is its token's). */
export const ScreenQuery = Type.Object(
  {
    from: Type.Optional(QueryDay),
    to: Type.Optional(QueryDay),
    token: Type.Optional(
      Type.String({ maxLength: 200, description: 'the screen token, when not sent as X-Screen-Token' }),
    ),
  },
  Closed,
);

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3, description: '[lng, lat] (WGS-84)' });
const Rings = Type.Array(Type.Array(Position), { description: 'linear rings, the outer first (RFC 7946)' });
const AreaGeometry = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Rings }, Closed),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Rings) }, Closed),
]);

const AreaProperties = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    reports: Type.Integer({ description: 'cases received in the period' }),
    overdue: Type.Integer({ description: 'cases due in the period, never suspended, not closed on time' }),
  },
  Closed,
);

/** GET /api/cockpit/map: the child areas of a place as GeoJSON (WGS-84), each with its reports and overdue cases. */
export const CockpitMapAnswer = Type.Object(
  {
    place: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }, Closed),
    level: literals(['town', 'village', 'grid'] as const, { description: 'the level of the areas' }),
    features: Type.Object(
      {
        type: Type.Literal('FeatureCollection'),
        features: Type.Array(
          Type.Object(
            {
              type: Type.Literal('Feature'),
              id: Type.String(),
              geometry: AreaGeometry,
              properties: AreaProperties,
            },
            Closed,
          ),
          { description: 'areas whose shape is not known (no grid drawn, no county outline shipped) are left out' },
        ),
      },
      Closed,
    ),
  },
  Closed,
);
