/** Strings of the resident app's covenant page (我的村规民约). */
export const covenantMZh = {
  'cov.m.title': '我的村规民约',
  'cov.m.hint': '本村现行村规民约（居民公约）全文',
  'cov.m.none': '本村（社区）尚未在平台公布村规民约',
  'cov.m.since': '{label} · {date} 起施行',
  'cov.m.article': '第 {n} 条',
  'cov.m.size': '字号',
  'cov.m.normal': '标准',
  'cov.m.large': '大',
  'cov.m.huge': '特大',
  'cov.m.limits': '红白事：宴席不超过 {tables} 桌，不超过 {days} 天',
} as const;

export const covenantMEn: Record<keyof typeof covenantMZh, string> = {
  'cov.m.title': 'My village covenant',
  'cov.m.hint': 'The full text of your village’s covenant in force',
  'cov.m.none': 'Your village or community has not published its covenant here yet',
  'cov.m.since': '{label} · in force since {date}',
  'cov.m.article': 'Article {n}',
  'cov.m.size': 'Text size',
  'cov.m.normal': 'Normal',
  'cov.m.large': 'Large',
  'cov.m.huge': 'Extra large',
  'cov.m.limits': 'Weddings and funerals: at most {tables} tables, {days} days',
};
