/** The red beehive's panel of the cockpit (#17): stations, riders' check-ins, workers registered. */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import { childLength, childRanking, drillPath, figure, overPeriods, panel, scopePattern } from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import * as repo from './beehive.cockpit.repo';

const STATIONS = '/beehive-stations';

export async function beehiveCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const title = { key: 'beehive.stations', title: { zh: '红色蜂巢', en: 'Red beehives' }, order: 700 };
  if (!(await repo.anyStation(deps.db, pattern))) return [panel(title, false, () => [])];
  const len = childLength(view.scope);
  const [counts, byPlace] = await Promise.all([
    overPeriods(view, (r, p) => repo.stationCounts(deps.db, pattern, r.to, p.from, p.to)),
    len ? repo.checkinsByChild(deps.db, pattern, len, view.period.from, view.period.to) : [],
  ]);
  // The stations under the place (the list has no period: a period's check-ins are not listed by it).
  const drill = `${STATIONS}?${new URLSearchParams({ scope: view.scope })}`;
  return [
    panel(
      title,
      true,
      () => [
        figure(
          view,
          {
            key: 'beehive.beehives',
            label: { zh: '红色蜂巢站点', en: 'Red beehive stations' },
            unit: 'count',
            formula: { zh: '期末已建成的红色蜂巢站点数', en: 'red beehive stations set up by the period’s end' },
            drill,
          },
          counts,
          (c) => c.beehives,
        ),
        figure(
          view,
          {
            key: 'beehive.otherStations',
            label: { zh: '学习微站与服务点', en: 'Study stations and service points' },
            unit: 'count',
            formula: {
              zh: '期末已建成的党员学习微站与服务点数',
              en: 'study micro-stations and service points set up by the period’s end',
            },
            drill,
          },
          counts,
          (c) => c.otherStations,
        ),
        figure(
          view,
          {
            key: 'beehive.checkins',
            label: { zh: '骑手签到', en: 'Rider check-ins' },
            unit: 'count',
            formula: {
              zh: '期内各站点扫码签到人次之和（只计次数，不记人）',
              en: 'check-ins at the stations in the period (counts only, no person)',
            },
            drill,
          },
          counts,
          (c) => c.checkins,
        ),
        figure(
          view,
          {
            key: 'beehive.workers',
            label: { zh: '登记新就业群体', en: 'Workers registered' },
            unit: 'people',
            formula: {
              zh: '期末在本地站点登记的骑手、快递员、司机等人数',
              en: 'riders, couriers, drivers registered at the stations here by the period’s end',
            },
            drill: drillPath('/beehive-workers', view),
          },
          counts,
          (c) => c.workers,
        ),
      ],
      [
        childRanking(
          view,
          { key: 'beehive.checkinsByPlace', label: { zh: '签到排名', en: 'Check-ins by place' }, unit: 'count' },
          byPlace,
          STATIONS,
        ),
      ],
    ),
  ];
}
