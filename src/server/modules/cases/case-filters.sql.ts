/** The case lists' filters and sorts (case-filters.ts) as SQL over `cases`. `p` adds a parameter and returns its placeholder. */
import type { KeyValue } from '../../platform/page';
import type { CaseFilter, CaseSort } from './case-filters';

type Param = (v: unknown) => string;

/** `%`, `_` and the escape character itself match literally (ILIKE's default escape is the backslash). */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Overdue as the overdue queue counts it: being handled past the handling deadline. */
export const overdueSql = (now: string) =>
  `(state IN ('dispatched', 'handling') AND handle_due_at IS NOT NULL AND handle_due_at < ${now})`;

/** One predicate per given filter (none given: none). */
export function filterSql(f: CaseFilter, p: Param, now: Date): string[] {
  const where: string[] = [];
  if (f.text) {
    const like = p(likeText(f.text));
    where.push(`(number ILIKE ${like} OR title ILIKE ${like} OR description ILIKE ${like})`);
  }
  if (f.states?.length) where.push(`state = ANY (${p(f.states)}::text[])`);
  if (f.categoryCodes?.length) where.push(`category_code = ANY (${p(f.categoryCodes)}::text[])`);
  if (f.place) where.push(`division_code LIKE ${p(`${f.place}%`)}`);
  if (f.department) where.push(`handler_department = ${p(f.department)}`);
  if (f.receivedFrom) where.push(`received_at >= ${p(f.receivedFrom.toISOString())}::timestamptz`);
  if (f.receivedBefore) where.push(`received_at < ${p(f.receivedBefore.toISOString())}::timestamptz`);
  if (f.overdue !== undefined) {
    const overdue = overdueSql(`${p(now.toISOString())}::timestamptz`);
    where.push(f.overdue ? overdue : `NOT ${overdue}`);
  }
  if (f.reporterId) where.push(`reporter_id = ${p(f.reporterId)}::uuid AND NOT anonymous`);
  return where;
}

/** ORDER BY of a sort: the key's column, then the id. */
export const ORDER_BY: Record<CaseSort, string> = {
  received: 'received_at DESC, id DESC',
  deadline: 'handle_due_at ASC NULLS LAST, id ASC',
};

/** The rows after a cursor's key (`[sort, at, id]`, checked by the caller), in the sort's order. */
export function afterSql(sort: CaseSort, key: readonly KeyValue[], p: Param): string {
  const [, at, id] = key;
  const idP = `${p(id)}::uuid`;
  if (sort === 'received') return `(received_at, id) < (${p(at)}::timestamptz, ${idP})`;
  if (at === null) return `(handle_due_at IS NULL AND id > ${idP})`;
  const atP = `${p(at)}::timestamptz`;
  return `(handle_due_at IS NULL OR handle_due_at > ${atP} OR (handle_due_at = ${atP} AND id > ${idP}))`;
}
