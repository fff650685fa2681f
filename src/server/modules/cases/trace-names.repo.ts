/** The names a routing trace needs (trace-names.ts). */
import type { Queryable } from '../../platform/db/db';
import type { TraceNames } from './trace-names';

export async function traceNames(
  q: Queryable,
  codes: { divisions: string[]; departments: string[] },
): Promise<TraceNames> {
  const divisions = codes.divisions.length
    ? (
        await q.query<{ code: string; name: string }>('SELECT code, name FROM divisions WHERE code = ANY($1)', [
          codes.divisions,
        ])
      ).rows
    : [];
  const departments = codes.departments.length
    ? (
        await q.query<{ code: string; name: string; name_en: string }>(
          'SELECT code, name, name_en FROM departments WHERE code = ANY($1)',
          [codes.departments],
        )
      ).rows
    : [];
  return {
    divisions: new Map(divisions.map((d) => [d.code, d.name])),
    departments: new Map(departments.map((d) => [d.code, { zh: d.name, en: d.name_en }])),
  };
}
