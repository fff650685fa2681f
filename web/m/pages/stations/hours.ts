/** Opening times as a rider reads them: in China Standard Time (Asia/Shanghai), whatever the phone's zone. */

const CST_MS = 8 * 3_600_000;
const cstDayNumber = (t: Date) => Math.floor((t.getTime() + CST_MS) / 86_400_000);
const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "今天 18:00", "明天 08:00" or "周一 08:00" (CST), counted from the server's `now`. */
export function whenCst(at: string, now: string, words: { today: string; tomorrow: string }, en: boolean): string {
  const t = new Date(at);
  const local = new Date(t.getTime() + CST_MS);
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const days = cstDayNumber(t) - cstDayNumber(new Date(now));
  const day =
    days <= 0 ? words.today : days === 1 ? words.tomorrow : (en ? WEEKDAYS_EN : WEEKDAYS_ZH)[local.getUTCDay()];
  return `${day} ${hhmm}`;
}

/** Monday-first index (0–6) of today in CST. */
export const cstWeekday = (now: string) => (new Date(new Date(now).getTime() + CST_MS).getUTCDay() + 6) % 7;
