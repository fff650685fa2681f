/** Strings of the resident app's collective-income card (村集体经济). */
export const economyMZh = {
  'econ.m.title': '村集体经济',
  'econ.m.hint': '本村集体收入与合作社',
  'econ.m.year': '{year} 年集体收入',
  'econ.m.total': '合计 {yuan} 元',
  'econ.m.above': '已达到 {yuan} 元标准',
  'econ.m.below': '未达到 {yuan} 元标准',
  'econ.m.coops': '村社合一 · 合作社',
  'econ.m.members': '{n} 名成员',
  'econ.m.none': '暂无本村集体经济数据（社区居民或尚未登记）',
  'econ.m.board': '每月收支明细见“村务公开”',
} as const;

export const economyMEn: Record<keyof typeof economyMZh, string> = {
  'econ.m.title': 'Village collective economy',
  'econ.m.hint': 'Your village’s collective income and cooperatives',
  'econ.m.year': 'Collective income {year}',
  'econ.m.total': 'Total: {yuan} yuan',
  'econ.m.above': 'Reached the {yuan} yuan threshold',
  'econ.m.below': 'Below the {yuan} yuan threshold',
  'econ.m.coops': 'Cooperatives',
  'econ.m.members': '{n} members',
  'econ.m.none': 'No collective economy data for your village yet',
  'econ.m.board': 'Monthly accounts are on the village affairs board',
};
