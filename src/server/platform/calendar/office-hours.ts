/**
 * Office hours (the OFFICE_HOURS setting): parsed by the configuration without loading the holiday
 * calendar (working-time.ts), so commands that never count working time start faster.
 */

/** Office hours as [start, end] minutes after midnight, e.g. 08:30–12:00 and 14:00–17:30. */
export type OfficeHours = readonly (readonly [number, number])[];

export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  [8 * 60 + 30, 12 * 60],
  [14 * 60, 17 * 60 + 30],
];

export function parseOfficeHours(spec: string): OfficeHours {
  const periods = spec.split(',').map((p) => {
    const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(p.trim());
    if (!m) throw new Error(`office hours: bad period "${p}" (expected HH:MM-HH:MM)`);
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (end <= start) throw new Error(`office hours: period "${p}" ends before it starts`);
    return [start, end] as const;
  });
  for (let i = 1; i < periods.length; i++)
    if (periods[i][0] < periods[i - 1][1]) throw new Error('office hours: periods overlap or are out of order');
  return periods;
}
