import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  cstDate,
  dueAt,
  isWorkingDay,
  parseOfficeHours,
  workingMinutesBetween,
} from './working-time';

const cst = (s: string) => new Date(`${s}+08:00`);

describe('official calendar', () => {
  it('knows the 2026 National Day holiday and its 调休 Saturday', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true);
    for (const d of ['2026-10-01', '2026-10-04', '2026-10-07']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday made a working day
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });
});

describe('deadlines in working hours', () => {
  it('carries a case filed the afternoon before National Day over the holiday', () => {
    // 4 working hours from 16:00 on 30 Sep: 1.5 h that day, 2.5 h from 08:30 on 8 Oct → 11:00
    expect(addWorkingHours(cst('2026-09-30T16:00:00'), 4)).toEqual(cst('2026-10-08T11:00:00'));
  });

  it('skips the lunch break and starts counting at the next office period', () => {
    expect(addWorkingHours(cst('2026-11-25T11:00:00'), 2)).toEqual(cst('2026-11-25T15:00:00'));
    expect(addWorkingHours(cst('2026-11-25T20:00:00'), 1)).toEqual(cst('2026-11-26T09:30:00'));
    expect(addWorkingHours(cst('2026-11-28T10:00:00'), 1)).toEqual(cst('2026-11-30T09:30:00')); // Saturday → Monday
  });

  it('uses configured office hours', () => {
    const office = parseOfficeHours('09:00-12:00,13:30-18:00');
    expect(addWorkingHours(cst('2026-11-25T11:00:00'), 2, office)).toEqual(cst('2026-11-25T14:30:00'));
    expect(() => parseOfficeHours('9-12')).toThrow(/HH:MM/);
  });
});

describe('deadlines in working days', () => {
  it('is due at the end of the Nth working day after arrival', () => {
    expect(addWorkingDays(cst('2026-09-30T10:00:00'), 1)).toEqual(cst('2026-10-08T17:30:00'));
    expect(addWorkingDays(cst('2026-09-30T10:00:00'), 3)).toEqual(cst('2026-10-10T17:30:00')); // 8, 9, 10 (调休 Saturday)
    expect(addWorkingDays(cst('2026-11-27T23:00:00'), 1)).toEqual(cst('2026-11-30T17:30:00'));
    expect(dueAt(cst('2026-11-25T10:00:00'), { amount: 7, unit: 'calendar_days' })).toEqual(cst('2026-12-02T10:00:00'));
  });
});

describe('working minutes between', () => {
  it('counts only office time on working days', () => {
    expect(workingMinutesBetween(cst('2026-09-30T16:00:00'), cst('2026-10-08T11:00:00'))).toBe(240);
    expect(workingMinutesBetween(cst('2026-11-25T12:00:00'), cst('2026-11-25T14:00:00'))).toBe(0);
    expect(cstDate(cst('2026-11-25T23:30:00'))).toBe('2026-11-25');
  });
});
