/**
 * The 村务公开 schedule (村民委员会组织法 §30): general affairs at least once a quarter, finances
 * monthly (where income and spending are frequent), major matters at once. A periodic category is
 * due one period after its last publication (never published: due now). Pure.
 */
export const SCHEDULE_ARTICLE = '《村民委员会组织法》第三十条';

export const PERIOD_MONTHS = { affairs: 3, finance: 1 } as const;
export type PeriodicCategory = keyof typeof PERIOD_MONTHS;

export interface Due {
  category: PeriodicCategory;
  lastPublishedAt: Date | null;
  dueAt: Date | null;
  overdue: boolean;
}

export function addMonths(d: Date, months: number): Date {
  const out = new Date(d.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

export function dueOf(category: PeriodicCategory, last: Date | null, now: Date): Due {
  const dueAt = last ? addMonths(last, PERIOD_MONTHS[category]) : null;
  return { category, lastPublishedAt: last, dueAt, overdue: dueAt === null || dueAt.getTime() < now.getTime() };
}
