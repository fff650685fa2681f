/**
 * Dates and times as offices write them — 2026-11-25 20:47:20 — always in China Standard Time
 * (Asia/Shanghai), whatever zone the phone or the browser is set to: a deadline reads the same to a
 * resident abroad, a clerk on a misconfigured PC and the county office.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(d: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(d).map((p) => [p.type, p.value]));
}

export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The hour (0–23) in China Standard Time (the greeting: 早上好 / 下午好 / 晚上好). */
export function chinaHour(d: Date = new Date()): number {
  return Number(parts(d).hour);
}
