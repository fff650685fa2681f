/** Selections' panel of the cockpit (#17): selections opened and concluded, nominations, votes, honours. */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import {
  childLength,
  childRanking,
  drillPath,
  figure,
  overPeriods,
  panel,
  rangeOf,
  scopePattern,
} from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import * as repo from './selections.cockpit.repo';

const LIST = '/selections';

export async function selectionsCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const title = { key: 'selections.selections', title: { zh: '评选', en: 'Selections' }, order: 1000 };
  if (!(await repo.anySelection(deps.db, pattern))) return [panel(title, false, () => [])];
  const len = childLength(view.scope);
  const now = rangeOf(view.period);
  const [counts, byPlace] = await Promise.all([
    overPeriods(view, (r) => repo.selectionCounts(deps.db, pattern, r.from, r.to)),
    len ? repo.votesByChild(deps.db, pattern, len, now.from, now.to) : [],
  ]);
  const drill = drillPath(LIST, view);
  return [
    panel(
      title,
      true,
      () => [
        figure(
          view,
          {
            key: 'selections.opened',
            label: { zh: '发起评选', en: 'Selections opened' },
            unit: 'count',
            formula: { zh: '期内为本地发起的评选数', en: 'selections for the place opened in the period' },
            drill,
          },
          counts,
          (c) => c.opened,
        ),
        figure(
          view,
          {
            key: 'selections.concluded',
            label: { zh: '结果公布', en: 'Selections concluded' },
            unit: 'count',
            formula: {
              zh: '期内公布最终结果的评选数',
              en: 'selections for the place whose results were final in the period',
            },
            drill,
          },
          counts,
          (c) => c.concluded,
        ),
        figure(
          view,
          {
            key: 'selections.nominations',
            label: { zh: '推荐提名', en: 'Nominations' },
            unit: 'count',
            formula: {
              zh: '期内提名的本地候选人（人、组织或地方）数',
              en: 'nominees of the place (people, organisations, places) nominated in the period',
            },
            drill,
          },
          counts,
          (c) => c.nominations,
        ),
        figure(
          view,
          {
            key: 'selections.votes',
            label: { zh: '群众投票', en: 'Votes cast' },
            unit: 'count',
            formula: {
              zh: '期内本地居民投出的票数（每人每项评选一票）',
              en: 'votes cast by the place’s residents in the period (one per person and selection)',
            },
            drill,
          },
          counts,
          (c) => c.votes,
        ),
        figure(
          view,
          {
            key: 'selections.honours',
            label: { zh: '颁发荣誉', en: 'Honours issued' },
            unit: 'count',
            formula: {
              zh: '期内向本地当选者颁发的证书数',
              en: 'certificates issued to the place’s selected nominees in the period',
            },
            drill,
          },
          counts,
          (c) => c.honours,
        ),
      ],
      [
        childRanking(
          view,
          { key: 'selections.votesByPlace', label: { zh: '投票排名', en: 'Votes by place' }, unit: 'count' },
          byPlace,
          LIST,
        ),
      ],
    ),
  ];
}
