/**
 * The care module's panel of the cockpit (#17): 九必问 visits due and done, the visit rate (goal
 * 100 %) and its ranking by child place. COUNTS ONLY, for every viewer: no person's name or detail
 * ever leaves here (the ranking names places; the drill opens the rates page, counts per grid).
 */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import {
  byChild,
  childRanking,
  drillPath,
  figure,
  overPeriods,
  panel,
  rate,
  scopePattern,
} from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import { findDivisions } from '../divisions';
import { anyRegistered, visitsMade } from './care.cockpit.repo';
import { monthlyRates } from './care.repo';

const RATES = '/care-rates';

interface Counts {
  due: number;
  met: number;
  visits: number;
}

export async function careCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const title = { key: 'care.visits', title: { zh: '九必问走访', en: '九必问 visits' }, order: 300 };
  if (!(await anyRegistered(deps.db, pattern))) return [panel(title, false, () => [])];
  const over = await overPeriods(view, async (r) => {
    const [grids, visits] = await Promise.all([
      monthlyRates(deps.db, view.scope, r.from, r.to),
      visitsMade(deps.db, pattern, r.from, r.to),
    ]);
    return { grids, visits };
  });
  const total = (t: typeof over.period): Counts => ({
    due: t.grids.reduce((s, g) => s + g.due, 0),
    met: t.grids.reduce((s, g) => s + g.met, 0),
    visits: t.visits,
  });
  const counts = { period: total(over.period), previous: total(over.previous), lastYear: total(over.lastYear) };
  const children = byChild(
    view.scope,
    over.period.grids.map((g) => ({ code: g.gridCode, due: g.due, met: g.met })),
    (acc, g, child) => ({ code: child, due: (acc?.due ?? 0) + g.due, met: (acc?.met ?? 0) + g.met }),
  );
  const names = new Map(
    (
      await findDivisions(
        deps.db,
        children.map((c) => c.code),
      )
    ).map((d) => [d.code, d.name]),
  );
  const drill = drillPath(RATES, view);
  return [
    panel(
      title,
      true,
      () => [
        figure(
          view,
          {
            key: 'care.visitsDue',
            label: { zh: '应访', en: 'Visits due' },
            unit: 'count',
            formula: {
              zh: '期内到期的走访义务 + 期初已逾期未访的义务（因变更而作废的不计）',
              en: 'visit obligations due in the period + those already overdue at its start (superseded ones not counted)',
            },
            drill,
          },
          counts,
          (c) => c.due,
        ),
        figure(
          view,
          {
            key: 'care.visitsDone',
            label: { zh: '已访', en: 'Visits done' },
            unit: 'count',
            formula: {
              zh: '上述应访义务中在期末前完成走访的数量',
              en: 'of those, met by a visit before the period’s end',
            },
            drill,
          },
          counts,
          (c) => c.met,
        ),
        figure(
          view,
          {
            key: 'care.visitRate',
            label: { zh: '走访率（目标 100%）', en: 'Visit rate (goal 100 %)' },
            unit: 'percent',
            formula: {
              zh: '已访 ÷ 应访（目标 100%；应访为 0 时不计）',
              en: 'done ÷ due (goal 100 %; none when nothing was due)',
            },
            drill,
          },
          counts,
          (c) => rate(c.met, c.due),
        ),
        figure(
          view,
          {
            key: 'care.visitsMade',
            label: { zh: '走访次数', en: 'Visits made' },
            unit: 'count',
            formula: { zh: '期内记录的九必问走访次数', en: '九必问 visits recorded in the period' },
            drill,
          },
          counts,
          (c) => c.visits,
        ),
      ],
      [
        childRanking(
          view,
          { key: 'care.visitRateByPlace', label: { zh: '走访率排名', en: 'Visit rate by place' }, unit: 'percent' },
          children.map((c) => ({ code: c.code, name: names.get(c.code) ?? c.code, value: rate(c.met, c.due) })),
          RATES,
        ),
      ],
    ),
  ];
}
