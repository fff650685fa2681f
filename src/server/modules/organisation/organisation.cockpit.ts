/**
 * The organisation's panel of the cockpit (#17): households linked to a party member (党员联系户) and
 * the coverage, party members, and party members by child place, from the registers as they are now
 * (no history is kept: previous and last year are null). Not for a department-limited viewer.
 */
import { childLevel, figure, noData, pathWith, percentOf, ranked } from '../../cockpit/cockpit.figures';
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import type { Deps } from '../../platform/deps';
import { coverageUnder, membersByPlace, membersUnder } from './cockpit.repo';

const TITLE = { zh: '党建引领', en: 'Party organisation' };
const NOW_ONLY = { zh: '（登记册当前值）', en: ' (the registers now)' };
const CHILD_LENGTH = { town: 9, village: 12, grid: 15 } as const;

export async function organisationCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const child = childLevel(view.scope);
  const [coverage, members, byPlace] = await Promise.all([
    coverageUnder(deps.db, view.scope),
    membersUnder(deps.db, view.scope),
    child ? membersByPlace(deps.db, view.scope, CHILD_LENGTH[child]) : Promise.resolve([]),
  ]);
  if (coverage.households === 0 && members === 0) return [noData('organisation.coverage', TITLE, 40)];
  const ledger = pathWith('/api/registers/households/export.xlsx', { scope: view.scope });
  return [
    {
      key: 'organisation.coverage',
      title: TITLE,
      order: 40,
      status: 'ready',
      figures: [
        figure(
          view,
          {
            key: 'organisation.linkedHouseholds',
            label: { zh: '党员联系户', en: 'Households linked to a party member' },
            unit: 'households',
            formula: {
              zh: `有党员联系的户数${NOW_ONLY.zh}`,
              en: `households a party member is linked to${NOW_ONLY.en}`,
            },
            drill: '/coverage',
            ledger,
          },
          [coverage.covered, null, null],
        ),
        figure(
          view,
          {
            key: 'organisation.coverageRate',
            label: { zh: '联系户覆盖率', en: 'Coverage of households' },
            unit: 'percent',
            formula: {
              zh: `党员联系户数 ÷ 总户数${NOW_ONLY.zh}`,
              en: `households linked to a party member ÷ households${NOW_ONLY.en}`,
            },
            drill: '/coverage',
            ledger,
          },
          [percentOf(coverage.covered, coverage.households), null, null],
        ),
        figure(
          view,
          {
            key: 'organisation.partyMembers',
            label: { zh: '党员人数', en: 'Party members' },
            unit: 'people',
            formula: {
              zh: `居住在本地的党员人数${NOW_ONLY.zh}`,
              en: `party members whose household is in the place${NOW_ONLY.en}`,
            },
            drill: '/party-orgs',
          },
          [members, null, null],
        ),
      ],
      rankings: child
        ? [
            {
              key: 'organisation.partyMembers.by_place',
              label: { zh: '各地党员人数', en: 'Party members by place' },
              unit: 'people',
              by: child,
              rows: ranked(byPlace.map((p) => ({ code: p.code, name: p.name, value: p.members }))),
            },
          ]
        : [],
      series: [],
    },
  ];
}
