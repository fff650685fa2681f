/**
 * The cases' panels of the cockpit (驾驶舱, #17), read ONLY from the rollups (modules/rollups): the
 * case indicators of the place for the period, the previous period and last year, with the indicators'
 * own formulas (modules/indicators); the child places ranked by 按期结案率 and by reports; overdue
 * cases by department; the categories that grow; reports per day. Each figure drills to the all-cases
 * page filtered to its records (place, days reported, state, overdue, department) and its ledger is
 * the indicators' 台账 of the same place and days.
 */
import {
  childAboveCounty,
  childLevel,
  daysOf,
  figure,
  noData,
  pathWith,
  periodsOf,
  ranked,
  type Triple,
} from '../../cockpit/cockpit.figures';
import { halfOpen } from '../../cockpit/cockpit.period';
import type { CockpitPanelPart, CockpitPeriod, CockpitRanking, CockpitView } from '../../cockpit/cockpit.schema';
import type { Deps } from '../../platform/deps';
import { listChildren } from '../divisions';
import { type Counts, indicators, sumCounts } from '../indicators';
import { type GroupCounts, overdueOf, rollupCounts, rollupDays, rollupHasCases } from '../rollups';

const HANDLING = { zh: '诉求办理', en: 'Handling of reports' };
const ATTENTION = { zh: '需关注', en: 'Needs attention' };

type Indicator = ReturnType<typeof indicators>;
interface Spec {
  key: string;
  label: { zh: string; en: string };
  unit: 'count' | 'percent' | 'hours';
  formula: { zh: string; en: string };
  value: (i: Indicator, c: Counts) => number | null;
  /** the all-cases page's filters for the records behind it */
  drill: Record<string, string>;
}

const SPECS: readonly Spec[] = [
  {
    key: 'cases.received',
    label: { zh: '受理诉求', en: 'Reports received' },
    unit: 'count',
    formula: { zh: '期间内受理（received_at）的案件数', en: 'cases received (received_at) in the period' },
    value: (i) => i.received,
    drill: {},
  },
  {
    key: 'cases.closureRate',
    label: { zh: '结案率', en: 'Closure rate' },
    unit: 'percent',
    formula: { zh: '期间内应结案件中已结案数 ÷ 应结数', en: 'due cases that are closed ÷ due cases' },
    value: (i) => i.closureRate,
    drill: { state: 'closed' },
  },
  {
    key: 'cases.onTimeRate',
    label: { zh: '按期结案率', en: 'On-time closure rate' },
    unit: 'percent',
    formula: {
      zh: '应结且从未缓办、按期结案数 ÷（应结数 − 曾缓办数）',
      en: 'due cases never suspended and closed on time ÷ (due − due cases ever suspended)',
    },
    value: (i) => i.onTimeRate,
    drill: { overdue: '1' },
  },
  {
    key: 'cases.reworkRate',
    label: { zh: '返工率', en: 'Rework rate' },
    unit: 'percent',
    formula: { zh: '期间内结案且返工过的案件数 ÷ 结案数', en: 'cases closed in the period with rework ÷ closed' },
    value: (i) => i.reworkRate,
    drill: { state: 'closed' },
  },
  {
    key: 'cases.responseRate',
    label: { zh: '响应率', en: 'Response rate' },
    unit: 'percent',
    formula: {
      zh: '期间内受理且在响应时限内立案或不予受理的案件数 ÷ 受理数',
      en: 'cases received in the period and filed or rejected within the response limit ÷ received',
    },
    value: (i) => i.responseRate,
    drill: {},
  },
  {
    key: 'cases.resolutionRate',
    label: { zh: '解决率', en: 'Resolution rate' },
    unit: 'percent',
    formula: { zh: '期间内立案且现已结案的案件数 ÷ 立案数', en: 'cases filed in the period now closed ÷ filed' },
    value: (i) => i.resolutionRate,
    drill: { state: 'closed' },
  },
  {
    key: 'cases.satisfactionRate',
    label: { zh: '满意率', en: 'Satisfaction rate' },
    unit: 'percent',
    formula: {
      zh: '期间内结案且评价 4–5 星的案件数 ÷ 结案且已评价数',
      en: 'cases closed in the period rated 4–5 ÷ closed and rated',
    },
    value: (i) => i.satisfactionRate,
    drill: { state: 'closed' },
  },
  {
    key: 'cases.avgHandlingHours',
    label: { zh: '平均办理时长', en: 'Average handling time' },
    unit: 'hours',
    formula: {
      zh: '期间内结案案件从立案到结案的平均小时数',
      en: 'mean hours from filing to closing of the cases closed in the period',
    },
    value: (i) => i.avgHandlingHours,
    drill: { state: 'closed' },
  },
  {
    key: 'cases.overdue',
    label: { zh: '超期案件', en: 'Overdue cases' },
    unit: 'count',
    formula: {
      zh: '期间内应结、从未缓办且未按期结案的案件数',
      en: 'cases due in the period, never suspended and not closed on time',
    },
    value: (_i, c) => overdueOf(c),
    drill: { overdue: '1' },
  },
];

/** The all-cases page (console) filtered to a place's cases reported in the period, and more. */
function casesPath(view: CockpitView, place: string, filters: Record<string, string | undefined>) {
  const department = view.departments?.length === 1 ? view.departments[0] : undefined;
  return pathWith('/cases/all', {
    grid: place,
    from: view.period.from,
    to: view.period.to,
    department,
    ...filters,
  });
}

export async function casesCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const place = { scope: view.scope, departments: view.departments };
  if (!(await rollupHasCases(deps.db, place)))
    return [noData('cases.handling', HANDLING, 10), noData('cases.attention', ATTENTION, 11)];
  // a grid is summed by grid; a province or city by town (from the village grain), its cities or
  // counties (a province installation, #17 item 6) ranked from their towns' sums
  const above = childAboveCounty(view.scope);
  const aboveCounty = above !== null;
  const child = above ?? childLevel(view.scope);
  const by = childLevel(view.scope) ?? (view.scope.length < 6 ? 'town' : 'grid');
  const slice = (p: CockpitPeriod) => ({ ...place, ...halfOpen(p) });
  const [groups, children, byDepartment, byCategory, previousCategories, days] = await Promise.all([
    Promise.all(periodsOf(view).map((p) => rollupCounts(deps.db, by, slice(p)))),
    child ? listChildren(deps.db, view.scope) : Promise.resolve([]),
    rollupCounts(deps.db, 'department', slice(view.period)),
    rollupCounts(deps.db, 'category', slice(view.period)),
    rollupCounts(deps.db, 'category', slice(view.previous)),
    rollupDays(deps.db, slice(view.period)),
  ]);
  const totals = groups.map((g) => sumCounts(g.map((r) => r.counts)));
  const values = totals.map((c) => indicators(c));
  const ledger = pathWith('/api/indicators/export.xlsx', {
    dimension: by,
    scope: view.scope,
    ...halfOpen(view.period),
  });
  const figures = SPECS.map((s) =>
    figure(
      view,
      { ...s, drill: casesPath(view, view.scope, s.drill), ledger },
      values.map((v, i) => s.value(v, totals[i])) as Triple,
    ),
  );

  const now = new Map(groups[0].map((g) => [g.key, g.counts]));
  const countsOfChild = (code: string): Counts | undefined => {
    if (!aboveCounty) return now.get(code);
    const inside = groups[0].filter((g) => g.key?.startsWith(code)).map((g) => g.counts);
    return inside.length ? sumCounts(inside) : undefined;
  };
  const childRanking = (
    key: string,
    label: CockpitRanking['label'],
    unit: 'percent' | 'count',
    value: (c: Counts) => number | null,
    filters: Record<string, string>,
  ): CockpitRanking => ({
    key,
    label,
    unit,
    by: child ?? by,
    rows: ranked(
      children.map((d) => {
        const c = countsOfChild(d.code);
        return {
          code: d.code,
          name: d.name,
          value: c ? value(c) : unit === 'count' ? 0 : null,
          ...(view.kiosk ? {} : { drill: casesPath(view, d.code, filters) }),
        };
      }),
    ),
  });
  const placeRankings = child
    ? [
        childRanking(
          'cases.onTimeRate.by_place',
          { zh: '按期结案率排名', en: 'On-time closure rate ranking' },
          'percent',
          (c) => indicators(c).onTimeRate,
          { overdue: '1' },
        ),
        childRanking(
          'cases.received.by_place',
          { zh: '受理诉求排名', en: 'Reports ranking' },
          'count',
          (c) => c.received,
          {},
        ),
      ]
    : [];

  const overdue: CockpitRanking = {
    key: 'cases.overdue.by_department',
    label: { zh: '各部门超期案件', en: 'Overdue cases by department' },
    unit: 'count',
    by: 'department',
    rows: ranked(
      byDepartment
        .filter((g): g is GroupCounts & { key: string } => g.key !== null && overdueOf(g.counts) > 0)
        .map((g) => ({
          code: g.key,
          name: g.name ?? g.key,
          value: overdueOf(g.counts),
          ...(view.kiosk ? {} : { drill: casesPath(view, view.scope, { department: g.key, overdue: '1' }) }),
        })),
    ),
  };
  const before = new Map(previousCategories.map((g) => [g.key, g.counts.received]));
  const growing: CockpitRanking = {
    key: 'cases.categories.growing',
    label: { zh: '增长最快的问题类别（较上期）', en: 'Categories growing most (vs the previous period)' },
    unit: 'count',
    by: 'category',
    rows: ranked(
      byCategory
        .filter((g): g is GroupCounts & { key: string } => g.key !== null)
        .map((g) => ({ g, growth: g.counts.received - (before.get(g.key) ?? 0) }))
        .filter(({ growth }) => growth > 0)
        .map(({ g, growth }) => ({
          code: g.key,
          name: g.name ?? g.key,
          value: growth,
          ...(view.kiosk ? {} : { drill: casesPath(view, view.scope, { category: g.key }) }),
        })),
    ).slice(0, 10),
  };

  const perDay = new Map(days.map((d) => [d.day, d.counts.received]));
  return [
    {
      key: 'cases.handling',
      title: HANDLING,
      order: 10,
      status: 'ready',
      figures,
      rankings: placeRankings,
      series: [
        {
          key: 'cases.received.daily',
          label: { zh: '每日受理诉求', en: 'Reports received per day' },
          unit: 'count',
          points: daysOf(view.period).map((date) => ({ date, value: perDay.get(date) ?? 0 })),
        },
      ],
    },
    {
      key: 'cases.attention',
      title: ATTENTION,
      order: 11,
      status: 'ready',
      figures: [],
      rankings: [overdue, growing],
      series: [],
    },
  ];
}
