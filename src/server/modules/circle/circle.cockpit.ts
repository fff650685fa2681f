/**
 * The service circle's panel of the cockpit (#17): how much of the place lives within the walking
 * distance of each facility kind (GB 50180-2018), from the kept coverage state. Coverage is a state
 * computed now (no history): previous and last year are null.
 */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import { byChild, childRanking, drillPath, figureNow, panel, rate, scopePattern } from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import { findDivisions } from '../divisions';
import { coverageRows } from './coverage.service';

interface Sums {
  code: string;
  homes: number;
  covered: number;
  people: number;
  peopleCovered: number;
}

const ZERO: Sums = { code: '', homes: 0, covered: 0, people: 0, peopleCovered: 0 };

const add = (acc: Sums | undefined, r: Sums, code: string): Sums => ({
  code,
  homes: (acc?.homes ?? 0) + r.homes,
  covered: (acc?.covered ?? 0) + r.covered,
  people: (acc?.people ?? 0) + r.people,
  peopleCovered: (acc?.peopleCovered ?? 0) + r.peopleCovered,
});

export async function circleCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  scopePattern(view.scope);
  const title = {
    key: 'circle.coverage',
    title: { zh: '15分钟便民服务圈', en: '15-minute service circle' },
    order: 800,
  };
  const { state, rows } = await coverageRows(deps, view.scope);
  const facilities = [...state.facilities.values()].reduce((s, n) => s + n, 0);
  if (rows.length === 0 || state.kinds.length === 0 || facilities === 0) return [panel(title, false, () => [])];
  const all = rows.reduce<Sums>(
    (acc, r) => add(acc, { ...r, code: r.villageCode }, view.scope),
    add(undefined, ZERO, view.scope),
  );
  const firstKind = state.kinds[0].key;
  const homes = rows.filter((r) => r.kindKey === firstKind).reduce((s, r) => s + r.homes, 0);
  const children = byChild(
    view.scope,
    rows.map((r) => ({ ...r, code: r.villageCode })),
    add,
  );
  const names = new Map(
    (
      await findDivisions(
        deps.db,
        children.map((c) => c.code),
      )
    ).map((d) => [d.code, d.name]),
  );
  const drill = drillPath('/circle', view);
  const ledger = `/api/circle/coverage.xlsx?scope=${view.scope}`;
  const now = { drill, ledger };
  return [
    panel(
      title,
      true,
      () => [
        figureNow(
          view,
          {
            key: 'circle.homes',
            label: { zh: '测算住户', en: 'Homes measured' },
            unit: 'households',
            formula: { zh: '本地有坐标的住户数（当前）', en: 'households here with a location (now)' },
            ...now,
          },
          homes,
        ),
        figureNow(
          view,
          {
            key: 'circle.homeCoverage',
            label: { zh: '住户覆盖率', en: 'Homes covered' },
            unit: 'percent',
            formula: {
              zh: '各类设施步行可达范围内的住户数之和 ÷（住户数 × 设施类别数）（当前）',
              en: 'homes within walking distance, summed over the facility kinds ÷ (homes × kinds) (now)',
            },
            ...now,
          },
          rate(all.covered, all.homes),
        ),
        figureNow(
          view,
          {
            key: 'circle.peopleCoverage',
            label: { zh: '人口覆盖率', en: 'People covered' },
            unit: 'percent',
            formula: {
              zh: '各类设施步行可达范围内的人口之和 ÷（人口 × 设施类别数）（当前）',
              en: 'people within walking distance, summed over the kinds ÷ (people × kinds) (now)',
            },
            ...now,
          },
          rate(all.peopleCovered, all.people),
        ),
      ],
      [
        childRanking(
          view,
          { key: 'circle.coverageByPlace', label: { zh: '覆盖率排名', en: 'Coverage by place' }, unit: 'percent' },
          children.map((c) => ({ code: c.code, name: names.get(c.code) ?? c.code, value: rate(c.covered, c.homes) })),
          '/circle',
        ),
      ],
    ),
  ];
}
