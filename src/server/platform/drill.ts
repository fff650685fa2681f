/**
 * The filters a cockpit figure's drill carries to a console list (`?scope=&from=&to=`): a division
 * code narrowing the viewer's own scopes (never widening them) and a period in CST days (both days
 * included). One definition for every list that accepts a drill.
 */
import Type from 'typebox';
import { AppError } from './errors';

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** A CST day, YYYY-MM-DD (checked as a real day by `dayRange`). */
export const Day = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });

/** The query fields of a drill: `scope` (a division code), `from` and `to` (CST days). */
export const DrillQueryFields = {
  scope: Type.Optional(
    Type.String({
      pattern: '^[0-9]{2,15}$',
      description: 'a division code: the records under it (within your places)',
    }),
  ),
  from: Type.Optional(Day('on or after this day (Asia/Shanghai)')),
  to: Type.Optional(Day('on or before this day (Asia/Shanghai)')),
};

/** The instant a CST day starts, or null when there is no such day. */
export function cstDayStart(day: string): Date | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970 || y > 2999) return null; // no record is that old, and the database takes the instant as it is
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return new Date(utc - CST_OFFSET_MS);
}

const badField = (field: string, problem: string) =>
  new AppError('validation_failed', { summary: `${field} ${problem}`, fields: [{ field, problem }] });

/** [from, before): from the start of `from` to the end of `to` (either open); a bad day is a 400 naming it. */
export function dayRange(from?: string, to?: string): { from?: Date; before?: Date } {
  const start = from === undefined ? undefined : cstDayStart(from);
  if (start === null) throw badField('from', `is not a day: ${from}`);
  const end = to === undefined ? undefined : cstDayStart(to);
  if (end === null) throw badField('to', `is not a day: ${to}`);
  if (start && end && end < start) throw badField('to', `is before from: ${to} < ${from}`);
  return { from: start, before: end ? new Date(end.getTime() + DAY_MS) : undefined };
}

/**
 * The viewer's scopes narrowed to `scope`: the scope itself when inside one of them, the viewer's
 * scopes inside it when it is wider; a scope apart from all of them is not found (never widened).
 */
export function narrowScopes(own: readonly string[], scope: string | undefined): string[] {
  if (!scope) return [...own];
  if (own.some((s) => scope.startsWith(s))) return [scope];
  const inside = own.filter((s) => s.startsWith(scope));
  if (inside.length === 0) throw new AppError('not_found', { what: 'scope' });
  return inside;
}
