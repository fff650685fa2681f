/**
 * The collective economy's panel of the cockpit (#17): collective income and the share of villages
 * at or above the county's threshold (the seed's 92 % above 100,000 yuan), through
 * collectiveIncomeSummary. Incomes are kept per year: each period reads the year of its last day.
 */
import type { CockpitPanelPart, CockpitView } from '../../cockpit/cockpit.schema';
import { childRanking, drillPath, figure, overPeriods, panel, scopePattern } from '../../cockpit/figures';
import type { Deps } from '../../platform/deps';
import { anyIncome } from './economy.cockpit.repo';
import { divisionNames, totalsIn } from './economy.repo';
import { collectiveIncomeSummary } from './incomes.service';

const yearOf = (day: string) => Number(day.slice(0, 4));

export async function economyCockpit(deps: Deps, view: CockpitView): Promise<CockpitPanelPart[]> {
  const pattern = scopePattern(view.scope);
  const title = {
    key: 'economy.collectiveIncome',
    title: { zh: '村级集体经济', en: 'Village collective economy' },
    order: 900,
  };
  if (!(await anyIncome(deps.db, pattern))) return [panel(title, false, () => [])];
  const year = yearOf(view.period.to);
  const summaries = await overPeriods(view, (_r, p) => collectiveIncomeSummary(deps, view.scope, yearOf(p.to)));
  const threshold = summaries.period.thresholdFen / 100;
  const rows =
    view.scope.length === 6
      ? summaries.period.towns.map((t) => ({ code: t.code, name: t.name, value: t.basisPoints / 100 }))
      : view.scope.length === 9
        ? await villageIncomes(deps, view.scope, year)
        : [];
  const drill = drillPath('/economy-share', view, { year: String(year) });
  const ledger = `/api/economy/registers/incomes/export.xlsx?year=${year}`;
  const yearNote = { zh: '（按期末所在年度）', en: ' (the year of the period’s last day)' };
  return [
    panel(
      title,
      true,
      () => [
        figure(
          view,
          {
            key: 'economy.income',
            label: { zh: '集体经济收入', en: 'Collective income' },
            unit: 'yuan',
            formula: {
              zh: `本地各村集体经济收入之和${yearNote.zh}`,
              en: `sum of the villages’ collective income${yearNote.en}`,
            },
            drill: drillPath('/economy-incomes', view, { year: String(year) }),
            ledger,
          },
          summaries,
          (s) => s.totalFen / 100,
        ),
        figure(
          view,
          {
            key: 'economy.villagesAbove',
            label: { zh: `收入达 ${threshold} 元以上的村`, en: `Villages at ${threshold} yuan or more` },
            unit: 'count',
            formula: {
              zh: `年收入不低于县定标准的村（村委会）数${yearNote.zh}`,
              en: `villages (村委会) with income at or above the county’s threshold${yearNote.en}`,
            },
            drill,
            ledger,
          },
          summaries,
          (s) => s.above,
        ),
        figure(
          view,
          {
            key: 'economy.shareAbove',
            label: { zh: '达标村占比', en: 'Share of villages above' },
            unit: 'percent',
            formula: {
              zh: `达标村数 ÷ 村（村委会）总数${yearNote.zh}`,
              en: `villages at or above the threshold ÷ all villages (村委会)${yearNote.en}`,
            },
            drill,
            ledger,
          },
          summaries,
          (s) => (s.villages === 0 ? null : s.basisPoints / 100),
        ),
      ],
      [
        childRanking(
          view,
          view.scope.length === 6
            ? {
                key: 'economy.shareAboveByTown',
                label: { zh: '达标村占比排名', en: 'Share above by town' },
                unit: 'percent',
              }
            : { key: 'economy.incomeByVillage', label: { zh: '集体收入排名', en: 'Income by village' }, unit: 'yuan' },
          rows,
          '/economy-incomes',
        ),
      ],
    ),
  ];
}

async function villageIncomes(deps: Deps, town: string, year: number) {
  const totals = await totalsIn(deps.db, town, year);
  const names = await divisionNames(
    deps.db,
    totals.map((t) => t.villageCode),
  );
  return totals.map((t) => ({
    code: t.villageCode,
    name: names.get(t.villageCode) ?? t.villageCode,
    value: t.totalFen / 100,
  }));
}
