/**
 * The services module's panels of the cockpit (#17): activities and hours, 红色代办 errands, partner
 * units with their cadres and 一社一品. Counts only; formulas in README.md, "Cockpit panels".
 */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import {
  childLength,
  childRanking,
  drillPath,
  figure,
  figureNow,
  overPeriods,
  panel,
  rangeOf,
  rate,
  scopePattern,
} from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import * as repo from './services.cockpit.repo';

const ACTIVITIES = '/services-activities';
const ERRANDS = '/services-errands';
const REGISTERS = '/services-registers';

export async function servicesCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const len = childLength(view.scope);
  const now = rangeOf(view.period);
  const presence = await repo.servicesPresence(deps.db, pattern);
  const [activities, errands, partners, signatures, hoursRows, doneRows] = await Promise.all([
    presence.activities ? overPeriods(view, (r) => repo.activityCounts(deps.db, pattern, r.from, r.to)) : null,
    presence.errands ? overPeriods(view, (r) => repo.errandCounts(deps.db, pattern, r.from, r.to)) : null,
    presence.partners ? overPeriods(view, (_r, p) => repo.partnerCounts(deps.db, pattern, p.to)) : null,
    presence.partners ? repo.signatureCount(deps.db, pattern) : 0,
    presence.activities && len ? repo.hoursByChild(deps.db, pattern, len, now.from, now.to) : [],
    presence.errands && len ? repo.errandsDoneByChild(deps.db, pattern, len, now.from, now.to) : [],
  ]);
  const act = drillPath(ACTIVITIES, view);
  const err = drillPath(ERRANDS, view);
  return [
    panel(
      { key: 'services.activities', title: { zh: '志愿服务活动', en: 'Service activities' }, order: 200 },
      activities,
      (activities) => [
        figure(
          view,
          {
            key: 'services.activitiesHeld',
            label: { zh: '开展活动', en: 'Activities held' },
            unit: 'count',
            formula: { zh: '期内开始且未取消的服务活动数', en: 'published activities starting in the period' },
            drill: act,
          },
          activities,
          (c) => c.held,
        ),
        figure(
          view,
          {
            key: 'services.hoursCredited',
            label: { zh: '确认服务时长', en: 'Hours credited' },
            unit: 'hours',
            formula: { zh: '期内活动中已确认的服务时长之和', en: 'sum of confirmed hours on the period’s activities' },
            drill: act,
          },
          activities,
          (c) => c.hours,
        ),
        figure(
          view,
          {
            key: 'services.participants',
            label: { zh: '参与居民', en: 'Residents taking part' },
            unit: 'people',
            formula: {
              zh: '期内活动中时长已确认的不同居民数',
              en: 'distinct people with confirmed hours on the period’s activities',
            },
            drill: act,
          },
          activities,
          (c) => c.people,
        ),
      ],
      [
        childRanking(
          view,
          { key: 'services.hoursByPlace', label: { zh: '服务时长排名', en: 'Hours by place' }, unit: 'hours' },
          hoursRows,
          ACTIVITIES,
        ),
      ],
    ),
    panel(
      { key: 'services.errands', title: { zh: '红色代办', en: 'Red proxy errands' }, order: 210 },
      errands,
      (errands) => [
        figure(
          view,
          {
            key: 'services.errandsAsked',
            label: { zh: '代办申请', en: 'Errands asked' },
            unit: 'count',
            formula: { zh: '期内提交的代办件数', en: 'errands filed in the period' },
            drill: err,
          },
          errands,
          (c) => c.asked,
        ),
        figure(
          view,
          {
            key: 'services.errandsDone',
            label: { zh: '办结', en: 'Errands done' },
            unit: 'count',
            formula: { zh: '期内办结的代办件数', en: 'errands finished as done in the period' },
            drill: drillPath(ERRANDS, view, { state: 'done' }),
          },
          errands,
          (c) => c.done,
        ),
        figure(
          view,
          {
            key: 'services.errandsOnTimeRate',
            label: { zh: '按时办结率', en: 'Done on time' },
            unit: 'percent',
            formula: {
              zh: '期内办结件中不晚于办理时限的件数 ÷ 期内办结件数',
              en: 'done by the due time ÷ done, in the period',
            },
            drill: drillPath(ERRANDS, view, { state: 'done' }),
          },
          errands,
          (c) => rate(c.onTime, c.done),
        ),
        figure(
          view,
          {
            key: 'services.errandsRated',
            label: { zh: '评价', en: 'Ratings' },
            unit: 'count',
            formula: { zh: '期内群众评价件数', en: 'errands rated in the period' },
            drill: err,
          },
          errands,
          (c) => c.rated,
        ),
        figure(
          view,
          {
            key: 'services.errandsSatisfaction',
            label: { zh: '满意率', en: 'Satisfaction' },
            unit: 'percent',
            formula: { zh: '期内四星及以上评价 ÷ 期内评价件数', en: 'ratings of 4–5 stars ÷ ratings, in the period' },
            drill: err,
          },
          errands,
          (c) => rate(c.satisfied, c.rated),
        ),
        figure(
          view,
          {
            key: 'services.banners',
            label: { zh: '锦旗', en: 'Banners of thanks' },
            unit: 'count',
            formula: { zh: '期内群众致谢为“锦旗”的件数', en: 'errands thanked with a banner (锦旗) in the period' },
            drill: err,
          },
          errands,
          (c) => c.banners,
        ),
        figure(
          view,
          {
            key: 'services.praises',
            label: { zh: '表扬', en: 'Praises' },
            unit: 'count',
            formula: { zh: '期内群众致谢为“表扬”的件数', en: 'errands thanked with praise (表扬) in the period' },
            drill: err,
          },
          errands,
          (c) => c.praises,
        ),
      ],
      [
        childRanking(
          view,
          {
            key: 'services.errandsDoneByPlace',
            label: { zh: '代办办结排名', en: 'Errands done by place' },
            unit: 'count',
          },
          doneRows,
          ERRANDS,
        ),
      ],
    ),
    panel(
      {
        key: 'services.partners',
        title: { zh: '共驻共建与一社一品', en: 'Partner units and signature services' },
        order: 220,
      },
      partners,
      (partners) => [
        figure(
          view,
          {
            key: 'services.partnerUnits',
            label: { zh: '共驻共建单位', en: 'Partner units' },
            unit: 'count',
            formula: {
              zh: '期末有干部在本地报到的共驻共建单位数',
              en: 'partner units with a cadre reporting here by the period’s end',
            },
            drill: drillPath(REGISTERS, view),
            ledger: '/api/services/console/registers/units/export.xlsx',
          },
          partners,
          (c) => c.units,
        ),
        figure(
          view,
          {
            key: 'services.cadresReporting',
            label: { zh: '报到干部', en: 'Cadres reporting' },
            unit: 'people',
            formula: {
              zh: '期末已在本地社区报到的下沉干部数',
              en: 'cadres reporting to a community here by the period’s end',
            },
            drill: drillPath(REGISTERS, view),
            ledger: '/api/services/console/registers/cadres/export.xlsx',
          },
          partners,
          (c) => c.cadres,
        ),
        figureNow(
          view,
          {
            key: 'services.signatureServices',
            label: { zh: '一社一品', en: 'Signature services' },
            unit: 'count',
            formula: {
              zh: '现有一社一品的村（社区）数（当前状态，无历史）',
              en: 'villages and communities with a signature service now (no history)',
            },
            drill: drillPath(REGISTERS, view),
          },
          signatures,
        ),
      ],
    ),
  ];
}
