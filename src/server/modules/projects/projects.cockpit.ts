/**
 * Livelihood projects' panel of the cockpit (#17): projects under way, their budget, average
 * progress, finished and behind schedule, ranked by child place.
 */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import {
  byChild,
  childRanking,
  drillPath,
  figure,
  figureNow,
  mean,
  overPeriods,
  panel,
  scopePattern,
} from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import { findDivisions } from '../divisions';
import { anyProject, type PeriodProject, projectsIn } from './projects.cockpit.repo';
import { rollUp } from './projects.domain';

const LIST = '/projects';

const progressOf = (p: PeriodProject) => rollUp({ weight: 1, children: p.milestones });

function tally(ps: readonly PeriodProject[]) {
  return {
    count: ps.length,
    budgetYuan: ps.reduce((s, p) => s + p.budgetFen, 0) / 100,
    finished: ps.filter((p) => p.finished).length,
    behind: ps.filter((p) => p.behind).length,
  };
}

export async function projectsCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const title = { key: 'projects.livelihood', title: { zh: '民生实事', en: 'Livelihood projects' }, order: 500 };
  if (!(await anyProject(deps.db, pattern))) return [panel(title, false, () => [])];
  const rows = await overPeriods(view, (r, p) => projectsIn(deps.db, pattern, r.from, r.to, p.to));
  const counts = { period: tally(rows.period), previous: tally(rows.previous), lastYear: tally(rows.lastYear) };
  const children = byChild(
    view.scope,
    rows.period.map((p) => ({ code: p.placeCode, n: 1 })),
    (acc, _p, child) => ({ code: child, n: (acc?.n ?? 0) + 1 }),
  );
  const names = new Map(
    (
      await findDivisions(
        deps.db,
        children.map((c) => c.code),
      )
    ).map((d) => [d.code, d.name]),
  );
  const drill = drillPath(LIST, view);
  const under = {
    zh: '期内在建（开工日不晚于期末、未在期初前完成）',
    en: 'under way in the period (started by its end, not done before its start)',
  };
  return [
    panel(
      title,
      true,
      () => [
        figure(
          view,
          {
            key: 'projects.count',
            label: { zh: '民生实事项目', en: 'Projects' },
            unit: 'count',
            formula: { zh: `${under.zh}的项目数`, en: `projects ${under.en}` },
            drill,
          },
          counts,
          (c) => c.count,
        ),
        figure(
          view,
          {
            key: 'projects.budget',
            label: { zh: '总预算', en: 'Budget' },
            unit: 'yuan',
            formula: {
              zh: `${under.zh}项目的预算之和（元）`,
              en: `sum of the budgets of the projects ${under.en} (yuan)`,
            },
            drill,
          },
          counts,
          (c) => c.budgetYuan,
        ),
        figureNow(
          view,
          {
            key: 'projects.averageProgress',
            label: { zh: '平均进度', en: 'Average progress' },
            unit: 'percent',
            formula: {
              zh: '期内在建项目当前进度（里程碑加权）的平均值；进度不留历史，故无同比环比',
              en: 'mean of the current progress (milestones weighted) of the projects under way; progress keeps no history, so no comparison',
            },
            drill,
          },
          mean(
            rows.period.reduce((s, p) => s + progressOf(p), 0),
            rows.period.length,
          ),
        ),
        figure(
          view,
          {
            key: 'projects.finished',
            label: { zh: '已完成', en: 'Finished' },
            unit: 'count',
            formula: { zh: '期内完成的项目数', en: 'projects finished in the period' },
            drill,
          },
          counts,
          (c) => c.finished,
        ),
        figure(
          view,
          {
            key: 'projects.behind',
            label: { zh: '滞后', en: 'Behind schedule' },
            unit: 'count',
            formula: {
              zh: '期末未完成且已过项目或某一未完成里程碑截止日的在建项目数',
              en: 'projects under way not done at the period’s end and past their due date or an open milestone’s',
            },
            drill, // the board has no "behind at the period's end" filter: the projects under way in the period
          },
          counts,
          (c) => c.behind,
        ),
      ],
      [
        childRanking(
          view,
          { key: 'projects.countByPlace', label: { zh: '民生实事排名', en: 'Projects by place' }, unit: 'count' },
          children.map((c) => ({ code: c.code, name: names.get(c.code) ?? c.code, value: c.n })),
          LIST,
        ),
      ],
    ),
  ];
}
