/**
 * The collective economy's rules (pure): amounts are integer fen, never floating point; a village is
 * "above the threshold" when its collective income for the year is AT LEAST the threshold (the seed
 * says 10万元以上, and 以上 includes the number itself: exactly 100,000 yuan counts); the share of
 * villages above it is an exact fraction, shown in basis points rounded half up.
 */
import { type Result, fail, ok } from '../../platform/errors';
import { INCOME_SOURCES, type IncomeSource, type PaymentSchedule } from './economy.labels';

/** The largest amount accepted (1,000 亿元 in fen): keeps every sum far inside 2^53. */
export const MAX_FEN = 10_000_000_000_000;

export const isAbove = (totalFen: number, thresholdFen: number) => totalFen >= thresholdFen;

export interface Share {
  villages: number;
  above: number;
  /** above / villages in basis points (9200 = 92.00 %), rounded half up; 0 when there are no villages. */
  basisPoints: number;
}

export function shareOf(above: number, villages: number): Share {
  const basisPoints = villages === 0 ? 0 : Math.floor((above * 20_000 + villages) / (2 * villages));
  return { villages, above, basisPoints };
}

export interface VillageTotal {
  villageCode: string;
  totalFen: number;
}

/** The share of villages whose total reaches the threshold (a village with nothing entered counts as 0). */
export function shareAbove(totals: readonly VillageTotal[], thresholdFen: number): Share {
  return shareOf(totals.filter((v) => isAbove(v.totalFen, thresholdFen)).length, totals.length);
}

export interface ShareSummary extends Share {
  thresholdFen: number;
  year: number;
  totalFen: number;
  towns: (Share & { code: string; totalFen: number })[];
}

/** The county's (or town's) share and the share of each town under it (towns: the first 9 digits). */
export function summarise(totals: readonly VillageTotal[], thresholdFen: number, year: number): ShareSummary {
  const byTown = new Map<string, VillageTotal[]>();
  for (const v of totals) {
    const town = v.villageCode.slice(0, 9);
    byTown.set(town, [...(byTown.get(town) ?? []), v]);
  }
  const sum = (vs: readonly VillageTotal[]) => vs.reduce((s, v) => s + v.totalFen, 0);
  return {
    ...shareAbove(totals, thresholdFen),
    thresholdFen,
    year,
    totalFen: sum(totals),
    towns: [...byTown]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, vs]) => ({ code, totalFen: sum(vs), ...shareAbove(vs, thresholdFen) })),
  };
}

export const isFen = (n: unknown): n is number =>
  Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= MAX_FEN;

export type EntryError = 'economy_year_future' | 'economy_amount_invalid' | 'economy_source_unknown';

/** An income entry: a year not after the current one, known sources, amounts whole fen ≥ 0. */
export function checkIncomeEntry(
  input: { year: number; amounts: Readonly<Record<string, unknown>> },
  currentYear: number,
): Result<{ year: number; amounts: [IncomeSource, number][] }, EntryError> {
  if (input.year > currentYear) return fail('economy_year_future', { year: input.year, current: currentYear });
  const amounts: [IncomeSource, number][] = [];
  for (const [source, amount] of Object.entries(input.amounts)) {
    if (!(INCOME_SOURCES as readonly string[]).includes(source)) return fail('economy_source_unknown', { source });
    if (!isFen(amount)) return fail('economy_amount_invalid', { field: source, max: MAX_FEN });
    amounts.push([source as IncomeSource, amount]);
  }
  return ok({ year: input.year, amounts });
}

/** Yuan as written in a sheet ("12345", "12,345.6", "12345.67") to fen, exactly; null when not an amount. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return isFen(fen) ? fen : null;
}

/** Fen to yuan text with two decimals ("12345.67"), for sheets and disclosures. */
export const fenToYuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export interface Due {
  dueOn: string;
  amountFen: number;
  paidFen: number;
}

/** A lease's term and schedule: ends after it starts; every due date within the term and distinct. */
export function checkContract(c: {
  startsOn: string;
  endsOn: string;
  dues: readonly { dueOn: string; amountFen: number }[];
}): Result<true, 'economy_term_invalid' | 'economy_due_outside_term' | 'economy_amount_invalid'> {
  if (!(c.endsOn > c.startsOn)) return fail('economy_term_invalid', { startsOn: c.startsOn, endsOn: c.endsOn });
  const seen = new Set<string>();
  for (const d of c.dues) {
    if (d.dueOn < c.startsOn || d.dueOn > c.endsOn || seen.has(d.dueOn))
      return fail('economy_due_outside_term', { dueOn: d.dueOn, startsOn: c.startsOn, endsOn: c.endsOn });
    if (!isFen(d.amountFen) || d.amountFen === 0)
      return fail('economy_amount_invalid', { field: d.dueOn, max: MAX_FEN });
    seen.add(d.dueOn);
  }
  return ok(true);
}

/** A due payment is overdue when its date has passed (simple date compare, CST) and it is not paid in full. */
export const isOverdue = (d: Due, today: string) => d.dueOn < today && d.paidFen < d.amountFen;

/** What remains unpaid of the dues already past. */
export const overdueFen = (dues: readonly Due[], today: string) =>
  dues.filter((d) => isOverdue(d, today)).reduce((s, d) => s + d.amountFen - d.paidFen, 0);

const SCHEDULE_MONTHS: Record<Exclude<PaymentSchedule, 'once'>, number> = {
  yearly: 12,
  half_yearly: 6,
  quarterly: 3,
  monthly: 1,
};

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The same day `months` later (the last day of the month when it has no such day: 01-31 + 1 month = 02-28). */
function addMonths(from: string, months: number): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7)) - 1 + months;
  const d = Number(from.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m, Math.min(d, last)));
}

/**
 * The due payments of a lease from its term, annual amount and schedule (the import of the rural
 * collective asset system's contracts): one at the start of each period of the term (endsOn its last
 * day), paid in advance; a last period cut short by the end pays its share by days; 'once' pays the
 * whole term at the start (the annual amount × the term's days / 365). Amounts in whole fen; none of zero.
 */
export function scheduleDues(
  startsOn: string,
  endsOn: string,
  annualFen: number,
  schedule: PaymentSchedule,
): { dueOn: string; amountFen: number }[] {
  if (!(endsOn > startsOn) || annualFen <= 0) return [];
  const end = iso(day(endsOn) + 86_400_000); // the day after the last
  if (schedule === 'once')
    return [{ dueOn: startsOn, amountFen: Math.round((annualFen * (day(end) - day(startsOn))) / (365 * 86_400_000)) }];
  const months = SCHEDULE_MONTHS[schedule];
  const full = Math.round((annualFen * months) / 12);
  const dues: { dueOn: string; amountFen: number }[] = [];
  for (let k = 0; ; k++) {
    const from = addMonths(startsOn, k * months);
    if (from >= end) break;
    const to = addMonths(startsOn, (k + 1) * months);
    const amountFen = to <= end ? full : Math.round((full * (day(end) - day(from))) / (day(to) - day(from)));
    if (amountFen > 0) dues.push({ dueOn: from, amountFen });
  }
  return dues;
}
