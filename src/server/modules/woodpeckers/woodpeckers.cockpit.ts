/**
 * The woodpeckers' panel of the cockpit (#17): volunteers enrolled (a live woodpecker role under the
 * place at the end of the period) and active (reported at least once in the period), with the
 * previous period and last year; the roster (台账) behind them. Not for a department-limited viewer.
 */
import { figure, noData, pathWith, periodsOf, type Triple } from '../../cockpit/cockpit.figures';
import { instantsOf } from '../../cockpit/cockpit.period';
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import type { Deps } from '../../platform/deps';
import { activeIn, anyWoodpecker, enrolledAt } from './cockpit.repo';

const TITLE = { zh: '啄木鸟志愿者', en: 'Woodpecker volunteers' };

export async function woodpeckersCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  if (!(await anyWoodpecker(deps.db, view.scope))) return [noData('woodpeckers.team', TITLE, 20)];
  const spans = periodsOf(view).map(instantsOf);
  const [enrolled, active] = await Promise.all([
    Promise.all(spans.map((s) => enrolledAt(deps.db, view.scope, s.to))),
    Promise.all(spans.map((s) => activeIn(deps.db, view.scope, s.from, s.to))),
  ]);
  const links = {
    drill: pathWith('/woodpeckers', { scope: view.scope }),
    ledger: pathWith('/api/woodpeckers/roster/export.xlsx', { scope: view.scope }),
  };
  return [
    {
      key: 'woodpeckers.team',
      title: TITLE,
      order: 20,
      status: 'ready',
      figures: [
        figure(
          view,
          {
            key: 'woodpeckers.enrolled',
            label: { zh: '在册志愿者', en: 'Volunteers enrolled' },
            unit: 'people',
            formula: {
              zh: '期末持有本地啄木鸟角色（未撤销）的人数',
              en: 'people holding a live woodpecker role in the place at the end of the period',
            },
            ...links,
          },
          enrolled as Triple,
        ),
        figure(
          view,
          {
            key: 'woodpeckers.active',
            label: { zh: '活跃志愿者', en: 'Active volunteers' },
            unit: 'people',
            formula: {
              zh: '期间内持有本地啄木鸟角色且至少上报一次诉求的人数',
              en: 'people holding a woodpecker role in the place during the period who reported at least once in it',
            },
            ...links,
          },
          active as Triple,
        ),
      ],
      rankings: [],
      series: [],
    },
  ];
}
