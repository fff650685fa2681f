/** The cockpit's periods: 本月, 上月, 本季度, 本年 (each up to today, China time) or a custom range of whole days. */
import dayjs, { type Dayjs } from 'dayjs';

export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type Preset = (typeof PRESETS)[number];

export const DAY = 'YYYY-MM-DD';

export interface Period {
  from: string;
  to: string;
}

/** Today in China Standard Time (the server's days), whatever the browser's time zone. */
export function chinaToday(now: Date = new Date()): Dayjs {
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now), DAY);
}

const quarterStart = (d: Dayjs) => d.month(Math.floor(d.month() / 3) * 3).startOf('month');

/** A preset's days, both ends included; a period of this month, quarter or year ends today. */
export function presetPeriod(preset: Preset, today: Dayjs = chinaToday()): Period {
  const end = today.format(DAY);
  switch (preset) {
    case 'thisMonth':
      return { from: today.startOf('month').format(DAY), to: end };
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return { from: last.startOf('month').format(DAY), to: last.endOf('month').format(DAY) };
    }
    case 'thisQuarter':
      return { from: quarterStart(today).format(DAY), to: end };
    case 'thisYear':
      return { from: today.startOf('year').format(DAY), to: end };
  }
}

/** The preset a period is, if any (the URL keeps from and to; the buttons show which preset they are). */
export function presetOf(period: Period, today: Dayjs = chinaToday()): Preset | 'custom' {
  return (
    PRESETS.find((p) => {
      const q = presetPeriod(p, today);
      return q.from === period.from && q.to === period.to;
    }) ?? 'custom'
  );
}

const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s, DAY).isValid();

/** The period a URL asks for (from, to), this month when it asks for none or for a reversed one. */
export function periodFromQuery(params: URLSearchParams, today: Dayjs = chinaToday()): Period {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && from <= to) return { from, to };
  return presetPeriod('thisMonth', today);
}
