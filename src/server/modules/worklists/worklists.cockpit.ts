/** The three lists' panel of the cockpit (#17): problems, tasks, confirmed effects, "七个一" results. */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import {
  childLength,
  childRanking,
  drillPath,
  figure,
  overPeriods,
  panel,
  rangeOf,
  ranking,
  scopePattern,
} from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import * as repo from './worklists.cockpit.repo';
import { RESULT_KIND_LABELS, type ResultKind } from './worklists.labels';

const LIST = '/worklists';

export async function worklistsCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const title = { key: 'worklists.threeLists', title: { zh: '三个清单', en: 'Three lists' }, order: 400 };
  if (!(await repo.anyProblem(deps.db, pattern))) return [panel(title, false, () => [])];
  const now = rangeOf(view.period);
  const len = childLength(view.scope);
  const [counts, kinds, places] = await Promise.all([
    overPeriods(view, (r) => repo.listCounts(deps.db, pattern, r.from, r.to)),
    repo.resultsByKind(deps.db, pattern, now.from, now.to),
    len ? repo.problemsByChild(deps.db, pattern, len, now.from, now.to) : [],
  ]);
  // The problems figure lands on the problems listed in the period; tasks, effects and results have no
  // list of their own, so theirs lands on the place's problems (every problem they belong to among them).
  const listed = drillPath(LIST, view);
  const place = `${LIST}?${new URLSearchParams({ scope: view.scope })}`;
  const def = (key: string, zh: string, en: string, fzh: string, fen: string) => ({
    key: `worklists.${key}`,
    label: { zh, en },
    unit: 'count' as const,
    formula: { zh: fzh, en: fen },
    drill: key === 'problems' ? listed : place,
  });
  return [
    panel(
      title,
      true,
      () => [
        figure(
          view,
          def('problems', '问题清单', 'Problems listed', '期内列入问题清单的问题数', 'problems listed in the period'),
          counts,
          (c) => c.problems,
        ),
        figure(
          view,
          def(
            'tasks',
            '任务清单',
            'Tasks set',
            '期内为这些地方的问题派定的任务数',
            'tasks set on the place’s problems in the period',
          ),
          counts,
          (c) => c.tasks,
        ),
        figure(
          view,
          def('tasksDone', '任务完成', 'Tasks done', '期内完成的任务数', 'tasks done in the period'),
          counts,
          (c) => c.tasksDone,
        ),
        figure(
          view,
          def(
            'effectsConfirmed',
            '效果确认',
            'Effects confirmed',
            '期内经群众确认的效果清单数',
            'effects confirmed by the residents in the period',
          ),
          counts,
          (c) => c.confirmed,
        ),
        figure(
          view,
          def(
            'results',
            '“七个一”成果',
            '"Seven ones" results',
            '期内办结并记有成果类别的问题数',
            'problems closed with their result in the period',
          ),
          counts,
          (c) => c.results,
        ),
      ],
      [
        childRanking(
          view,
          { key: 'worklists.problemsByPlace', label: { zh: '问题清单排名', en: 'Problems by place' }, unit: 'count' },
          places,
          LIST,
        ),
        ranking(
          {
            key: 'worklists.resultsByKind',
            label: { zh: '“七个一”成果分类', en: '"Seven ones" results by kind' },
            unit: 'count',
          },
          'category',
          kinds.map((k) => ({
            code: k.kind,
            name: RESULT_KIND_LABELS[k.kind as ResultKind]?.zh ?? k.kind,
            value: k.n,
          })),
        ),
      ],
    ),
  ];
}
