/**
 * Deliberation's panels of the cockpit (#17): meetings held and held with their quorum (the law's
 * rule for each kind of meeting, quorum.domain.ts, on the final attendance); 四议两公开 matters and
 * 村务公开 on the §30 schedule.
 */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import {
  childLength,
  childRanking,
  drillPath,
  figure,
  overPeriods,
  panel,
  rangeOf,
  rate,
  scopePattern,
} from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import * as repo from './deliberation.cockpit.repo';
import { quorum } from './quorum.domain';
import { PERIOD_MONTHS } from './schedule.domain';

export async function deliberationCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const len = childLength(view.scope);
  const now = rangeOf(view.period);
  const presence = await repo.deliberationPresence(deps.db, pattern);
  const [meetings, matters, disclosures, byPlace] = await Promise.all([
    presence.meetings
      ? overPeriods(view, async (r) => {
          const held = await repo.meetingsHeld(deps.db, pattern, r.from, r.to);
          return { held: held.length, quorate: held.filter((m) => quorum(m.meetingType, m).met).length };
        })
      : null,
    presence.openness ? overPeriods(view, (r) => repo.matterCounts(deps.db, pattern, r.from, r.to)) : null,
    presence.openness
      ? overPeriods(view, (r) => repo.disclosureCounts(deps.db, pattern, r.from, r.to, PERIOD_MONTHS))
      : null,
    presence.meetings && len ? repo.meetingsByChild(deps.db, pattern, len, now.from, now.to) : [],
  ]);
  const meetingsDrill = drillPath('/meetings', view, { state: 'closed' });
  const mattersDrill = drillPath('/matters', view);
  const disclosuresDrill = drillPath('/disclosures', view);
  return [
    panel(
      { key: 'deliberation.meetings', title: { zh: '议事会议', en: 'Meetings' }, order: 600 },
      meetings,
      (meetings) => [
        figure(
          view,
          {
            key: 'deliberation.meetingsHeld',
            label: { zh: '召开会议', en: 'Meetings held' },
            unit: 'count',
            formula: { zh: '期内开始并已结束的会议数', en: 'meetings started in the period and closed' },
            drill: meetingsDrill,
          },
          meetings,
          (c) => c.held,
        ),
        figure(
          view,
          {
            key: 'deliberation.meetingsQuorate',
            label: { zh: '达到法定人数', en: 'With quorum met' },
            unit: 'count',
            formula: {
              zh: '其中按最终签到人数达到该类会议法定到会要求的会议数',
              en: 'of them, meetings whose final attendance met the quorum the law sets for their kind',
            },
            drill: meetingsDrill,
          },
          meetings,
          (c) => c.quorate,
        ),
        figure(
          view,
          {
            key: 'deliberation.quorumRate',
            label: { zh: '法定人数达标率', en: 'Quorum rate' },
            unit: 'percent',
            formula: { zh: '达到法定人数的会议 ÷ 召开会议', en: 'meetings with quorum ÷ meetings held' },
            drill: meetingsDrill,
          },
          meetings,
          (c) => rate(c.quorate, c.held),
        ),
      ],
      [
        childRanking(
          view,
          { key: 'deliberation.meetingsByPlace', label: { zh: '会议排名', en: 'Meetings by place' }, unit: 'count' },
          byPlace,
          '/meetings',
        ),
      ],
    ),
    panel(
      {
        key: 'deliberation.openness',
        title: { zh: '四议两公开与村务公开', en: '四议两公开 and village affairs disclosure' },
        order: 610,
      },
      matters && disclosures && { matters, disclosures },
      ({ matters, disclosures }) => [
        figure(
          view,
          {
            key: 'deliberation.mattersStarted',
            label: { zh: '提议事项', en: 'Matters proposed' },
            unit: 'count',
            formula: { zh: '期内由党组织提议的四议两公开事项数', en: '四议两公开 matters proposed in the period' },
            drill: mattersDrill,
          },
          matters,
          (c) => c.started,
        ),
        figure(
          view,
          {
            key: 'deliberation.mattersCompleted',
            label: { zh: '走完四议两公开', en: 'Matters through 四议两公开' },
            unit: 'count',
            formula: {
              zh: '期内公开实施结果（走完全程）的事项数',
              en: 'matters whose result was published in the period (the whole course)',
            },
            drill: mattersDrill,
          },
          matters,
          (c) => c.completed,
        ),
        figure(
          view,
          {
            key: 'deliberation.disclosures',
            label: { zh: '村务公开', en: 'Disclosures' },
            unit: 'count',
            formula: {
              zh: '期内发布的村务公开条数（各类）',
              en: 'disclosures published in the period (all categories)',
            },
            drill: disclosuresDrill,
          },
          disclosures,
          (c) => c.published,
        ),
        figure(
          view,
          {
            key: 'deliberation.disclosuresOnTime',
            label: { zh: '按时公开', en: 'On time' },
            unit: 'count',
            formula: {
              zh: '期内发布的定期公开（村务每季、财务每月）中，距本村同类上一次不超过规定周期的条数（首次公开计为按时）',
              en: 'periodic disclosures (affairs quarterly, finances monthly) published within their period of the village’s previous one of the kind (a first one counts as on time)',
            },
            drill: disclosuresDrill,
          },
          disclosures,
          (c) => c.onTime,
        ),
        figure(
          view,
          {
            key: 'deliberation.disclosuresOverdue',
            label: { zh: '逾期公开', en: 'Overdue' },
            unit: 'count',
            formula: {
              zh: '期内发布的定期公开中，距上一次超过规定周期的条数',
              en: 'periodic disclosures published later than their period after the previous one',
            },
            drill: disclosuresDrill,
          },
          disclosures,
          (c) => c.late,
        ),
        figure(
          view,
          {
            key: 'deliberation.disclosuresOnTimeRate',
            label: { zh: '按时公开率', en: 'Disclosed on time' },
            unit: 'percent',
            formula: { zh: '按时公开 ÷（按时 + 逾期）', en: 'on time ÷ (on time + overdue)' },
            drill: disclosuresDrill,
          },
          disclosures,
          (c) => rate(c.onTime, c.onTime + c.late),
        ),
      ],
    ),
  ];
}
