/**
 * The points' panel of the cockpit (#17): points earned, redeemed and in circulation at the place's
 * issuers and shops (the double-entry ledger, README "Accounts"), with the previous period and last
 * year, and the shops' stock now (no history is kept: previous and last year are null). Not for a
 * department-limited viewer.
 */
import { figure, noData, periodsOf, type Triple } from '../../cockpit/cockpit.figures';
import { instantsOf } from '../../cockpit/cockpit.period';
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import type { Deps } from '../../platform/deps';
import { anyPoints, pointsFlows, shopStock } from './cockpit.repo';

const TITLE = { zh: '积分超市', en: 'Points and shop' };

export async function pointsCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  if (!(await anyPoints(deps.db, view.scope))) return [noData('points.flows', TITLE, 30)];
  const [flows, stock] = await Promise.all([
    Promise.all(
      periodsOf(view)
        .map((p) => instantsOf(p))
        .map((s) => pointsFlows(deps.db, view.scope, s.from, s.to)),
    ),
    shopStock(deps.db, view.scope),
  ]);
  const of = (k: 'earned' | 'redeemed' | 'circulating') => flows.map((f) => Number(f[k])) as Triple;
  const ledger = '/api/points/console/reports/export.xlsx';
  return [
    {
      key: 'points.flows',
      title: TITLE,
      order: 30,
      status: 'ready',
      figures: [
        figure(
          view,
          {
            key: 'points.earned',
            label: { zh: '发放积分', en: 'Points earned' },
            unit: 'points',
            formula: {
              zh: '期间内本地发放方经审核公示后入账的积分',
              en: 'points credited by the place’s issuers (awards, after review and publicity) in the period',
            },
            drill: '/points-ledger',
            ledger,
          },
          of('earned'),
        ),
        figure(
          view,
          {
            key: 'points.redeemed',
            label: { zh: '兑换积分', en: 'Points redeemed' },
            unit: 'points',
            formula: {
              zh: '期间内在本地积分超市领取兑换品所用的积分',
              en: 'points spent on goods picked up at the place’s shops in the period',
            },
            drill: '/points-pickup',
            ledger,
          },
          of('redeemed'),
        ),
        figure(
          view,
          {
            key: 'points.circulating',
            label: { zh: '流通积分', en: 'Points in circulation' },
            unit: 'points',
            formula: {
              zh: '期末本地累计发放（扣减后）减去在本地超市已兑换及预约中的积分（过期积分不分地方，未扣除）',
              en: 'issued by the place net of deductions up to the end of the period, less spent or reserved at its shops (expired points belong to no place and are not subtracted)',
            },
            drill: '/points-ledger',
            ledger,
          },
          of('circulating'),
        ),
        figure(
          view,
          {
            key: 'points.shopStock',
            label: { zh: '超市库存', en: 'Shop stock' },
            unit: 'count',
            formula: {
              zh: '本地积分超市上架商品的现有库存件数（只有当前值）',
              en: 'units in stock of the active items of the place’s shops (now only)',
            },
            drill: '/points-items',
          },
          [stock, null, null],
        ),
      ],
      rankings: [],
      series: [],
    },
  ];
}
