/**
 * 村务公开 of the collective economy: a village's finance summary (income by source for the year so
 * far, the threshold reached or not, contract dues overdue) published to the board under "finance"
 * (monthly, §30) through the deliberation module, which decides who may publish there.
 */
import type { UserActor } from '../../platform/actor';
import { cstDate } from '../../platform/calendar/working-time';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { publishDisclosure } from '../deliberation';
import { fenToYuan, isAbove, overdueFen } from './economy.domain';
import { INCOME_SOURCE_LABELS, INCOME_SOURCES } from './economy.labels';
import * as repo from './economy.repo';
import { thresholdFor, writableVillage } from './incomes.service';
import { contractView } from './registers.service';
import * as registers from './registers.repo';

export async function publishFinance(
  deps: Deps,
  actor: UserActor,
  input: { villageCode: string; year: number; month: number },
) {
  const today = cstDate(deps.clock.now());
  const period = `${input.year}-${String(input.month).padStart(2, '0')}`;
  if (period > today.slice(0, 7)) throw new AppError('economy_month_invalid', { month: period });
  const village = await writableVillage(deps.db, actor, input.villageCode);
  const [row] = await repo.villageIncomes(deps.db, [village.code], input.year, 1, null, village.code);
  const thresholdFen = await thresholdFor(deps.db, village.code);
  const contracts = (await registers.contracts(deps.db, [village.code], 1000, null)).map((c) => contractView(c, today));
  const overdue = contracts.filter((c) => c.overdue);
  const lines = [
    `${input.year}年集体经济收入（截至${input.month}月）：`,
    ...INCOME_SOURCES.map((s) => `　${INCOME_SOURCE_LABELS[s].zh}：${fenToYuan(row.amounts[s] ?? 0)} 元`),
    `　合计：${fenToYuan(row.totalFen)} 元（${isAbove(row.totalFen, thresholdFen) ? '已达到' : '未达到'}${fenToYuan(thresholdFen)} 元标准）`,
    `集体资产合同 ${contracts.length} 份，逾期未收 ${overdue.length} 份，共 ${fenToYuan(overdue.reduce((s, c) => s + overdueFen(c.dues, today), 0))} 元。`,
  ];
  const d = await publishDisclosure(deps, actor, {
    divisionCode: village.code,
    category: 'finance',
    title: `${village.name}${input.year}年${input.month}月集体经济收支公开`,
    body: lines.join('\n'),
  });
  return { id: d.id, title: d.title, body: d.body };
}
