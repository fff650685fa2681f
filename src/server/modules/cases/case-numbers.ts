/**
 * Case numbers: county code, CST date, a global sequence — 421081-20261125-000042. The process
 * reserves sequence values a block at a time (as PostgreSQL's own sequence CACHE does per session),
 * so a report costs no round trip for its number. Numbers are unique; across processes, or after a
 * restart, they are not gap-free or strictly in filing order.
 */
import { cstDate } from '../../platform/calendar/working-time';
import type { Database } from '../../platform/db/db';
import { nextCaseSequences } from './intake.repo';

const BLOCK = 128;

interface Reserve {
  values: number[];
  refill?: Promise<void>;
}
const reserves = new WeakMap<Database, Reserve>();

export function formatCaseNumber(countyCode: string, at: Date, seq: number): string {
  return `${countyCode}-${cstDate(at).replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
}

async function refill(db: Database, r: Reserve, atLeast: number): Promise<void> {
  r.values.push(...(await nextCaseSequences(db, Math.max(BLOCK, atLeast))));
}

/** `count` sequence values for new cases, in increasing order. */
export async function takeCaseSequences(db: Database, count: number): Promise<number[]> {
  let r = reserves.get(db);
  if (!r) reserves.set(db, (r = { values: [] }));
  const reserve = r;
  while (reserve.values.length < count) {
    reserve.refill ??= refill(db, reserve, count - reserve.values.length).finally(() => {
      reserve.refill = undefined;
    });
    await reserve.refill;
  }
  return reserve.values.splice(0, count);
}
