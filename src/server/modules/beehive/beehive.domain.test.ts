import { describe, expect, it } from 'vitest';
import {
  agreementState,
  effectiveRoutes,
  formatWeeklyHours,
  isOpenAt,
  metres,
  navigationLinks,
  nearestOpen,
  nearestWhere,
  nextOpening,
  PLATFORM_FALLBACK,
  parseWeeklyHours,
  platformKey,
  REQUEST_ROUTES,
  resolveBody,
} from './beehive.domain';

const week = (day: string[]) => Array.from({ length: 7 }, () => day);

describe('weekly opening hours (CST)', () => {
  it('reads periods, a closed day and 24:00, and writes them back', () => {
    const r = parseWeeklyHours([['08:00-12:00', '14:00-24:00'], [], ...week(['00:00-24:00']).slice(2)]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.hours[0]).toEqual([
      [480, 720],
      [840, 1440],
    ]);
    expect(r.hours[1]).toEqual([]);
    expect(formatWeeklyHours(r.hours)[0]).toEqual(['08:00-12:00', '14:00-24:00']);
  });
  it.each([
    ['8-12', 'HH:MM-HH:MM'],
    ['12:00-08:00', 'the end must be after the start'],
    ['24:00-24:00', 'HH:MM-HH:MM'],
    ['10:00-10:00', 'the end must be after the start'],
    ['25:00-26:00', 'HH:MM-HH:MM'],
  ])('refuses %s', (text, reason) => {
    const r = parseWeeklyHours([[text], ...week([]).slice(1)]);
    expect(r).toMatchObject({ ok: false, day: 0, reason });
  });
  it('refuses overlapping periods and a week that is not seven days', () => {
    expect(parseWeeklyHours([['08:00-12:00', '11:00-13:00'], ...week([]).slice(1)])).toMatchObject({ ok: false });
    expect(parseWeeklyHours(week([]).slice(1))).toMatchObject({ ok: false });
  });
  it('is open by the China Standard Time weekday and minute, end excluded', () => {
    const r = parseWeeklyHours([['08:00-12:00'], [], [], [], [], [], []]);
    if (!r.ok) throw new Error('bad');
    // 2026-11-30 is a Monday
    expect(isOpenAt(r.hours, new Date('2026-11-30T08:00:00+08:00'))).toBe(true);
    expect(isOpenAt(r.hours, new Date('2026-11-30T11:59:00+08:00'))).toBe(true);
    expect(isOpenAt(r.hours, new Date('2026-11-30T12:00:00+08:00'))).toBe(false);
    // Monday 01:00 UTC is Monday 09:00 CST, Sunday 23:30 UTC is Monday 07:30 CST
    expect(isOpenAt(r.hours, new Date('2026-11-30T01:00:00Z'))).toBe(true);
    expect(isOpenAt(r.hours, new Date('2026-11-29T23:30:00Z'))).toBe(false);
    expect(isOpenAt(r.hours, new Date('2026-12-01T09:00:00+08:00'))).toBe(false);
  });
});

describe('agreements', () => {
  const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
  it('is not started, active, due for renewal within 30 days, expired after its last day', () => {
    expect(agreementState('2026-01-01', '2026-12-31', at('2025-12-31'))).toBe('not_started');
    expect(agreementState('2026-01-01', '2026-12-31', at('2026-06-01'))).toBe('active');
    expect(agreementState('2026-01-01', '2026-12-31', at('2026-12-01'))).toBe('renewal_due');
    expect(agreementState('2026-01-01', '2026-12-31', at('2026-12-31'))).toBe('renewal_due');
    expect(agreementState('2026-01-01', '2026-12-31', at('2027-01-01'))).toBe('expired');
  });
});

describe('the next opening (CST)', () => {
  const hours = (days: string[][]) => {
    const r = parseWeeklyHours(days);
    if (!r.ok) throw new Error(r.reason);
    return r.hours;
  };
  // 2026-11-25 is a Wednesday
  const weekdays = hours([['08:00-12:00', '14:00-18:00'], ...Array.from({ length: 4 }, () => ['08:00-18:00']), [], []]);
  it('answers the instant itself when open, the next period today, tomorrow or after a closed weekend', () => {
    const wed10 = new Date('2026-11-25T10:00:00+08:00');
    expect(nextOpening(weekdays, wed10)).toEqual(wed10);
    expect(nextOpening(weekdays, new Date('2026-11-25T06:30:00+08:00'))).toEqual(new Date('2026-11-25T08:00:00+08:00'));
    expect(nextOpening(weekdays, new Date('2026-11-25T18:00:00+08:00'))).toEqual(new Date('2026-11-26T08:00:00+08:00'));
    // Friday evening → Monday 08:00, across the closed Saturday and Sunday
    expect(nextOpening(weekdays, new Date('2026-11-27T19:00:00+08:00'))).toEqual(new Date('2026-11-30T08:00:00+08:00'));
    // Monday's lunch break → 14:00 the same day; the UTC date differs from the CST one before 08:00
    expect(nextOpening(weekdays, new Date('2026-11-30T12:30:00+08:00'))).toEqual(new Date('2026-11-30T14:00:00+08:00'));
    expect(nextOpening(weekdays, new Date('2026-11-24T23:59:00Z'))).toEqual(new Date('2026-11-25T08:00:00+08:00'));
  });
  it('finds an opening a week ahead and none for a station never open', () => {
    const mondayOnly = hours([['09:00-10:00'], [], [], [], [], [], []]);
    expect(nextOpening(mondayOnly, new Date('2026-11-30T10:00:00+08:00'))).toEqual(
      new Date('2026-12-07T09:00:00+08:00'),
    );
    expect(nextOpening(hours(Array.from({ length: 7 }, () => [])), new Date())).toBeNull();
  });
});

describe('the nearest open station', () => {
  const open = week(['00:00-24:00']).map((d) => d.map(() => [0, 1440] as [number, number]));
  const closed = week([]).map(() => [] as [number, number][]);
  const stations = [
    { id: 'near-closed', lng: 112.4, lat: 29.7, hours: closed },
    { id: 'mid', lng: 112.41, lat: 29.7, hours: open },
    { id: 'far', lng: 112.5, lat: 29.7, hours: open },
  ];
  it('skips closed stations and sorts by distance', () => {
    const r = nearestOpen(stations, 112.4, 29.7, new Date(), 5);
    expect(r.map((x) => x.station.id)).toEqual(['mid', 'far']);
    expect(r[0].metres).toBe(Math.round(metres(112.4, 29.7, 112.41, 29.7)));
    expect(r[0].metres).toBeGreaterThan(960);
    expect(r[0].metres).toBeLessThan(970);
  });
  it('lists closed stations too when asked, nearest first', () => {
    expect(nearestWhere(stations, 112.4, 29.7, 2).map((x) => x.station.id)).toEqual(['near-closed', 'mid']);
  });
  it('builds AMap and Baidu links with GCJ-02 coordinates', () => {
    const l = navigationLinks(112.431234, 29.718765, '站 A');
    expect(l.amap).toContain('to=112.431234,29.718765,%E7%AB%99%20A');
    expect(l.amap).toContain('coordinate=gaode');
    expect(l.baidu).toContain('latlng:29.718765,112.431234');
    expect(l.baidu).toContain('coord_type=gcj02');
  });
});

describe('五帮 routing', () => {
  it("lays the county's rows over the defaults and ignores kinds it does not know", () => {
    const r = effectiveRoutes([
      { kind: 'dispute', body: 'zgh', workingDays: 3 },
      { kind: 'retired_kind', body: 'rsj', workingDays: 9 },
    ]);
    expect(r.dispute).toEqual({ body: 'zgh', workingDays: 3, custom: true });
    expect(r.wage_arrears).toEqual({ ...REQUEST_ROUTES.wage_arrears, custom: false });
    expect(Object.keys(r)).toEqual(Object.keys(REQUEST_ROUTES));
  });
  it('sends "the platform" to its department only when the platform answers, else to 市场监管', () => {
    expect(resolveBody({ body: 'platform', workingDays: 10 }, '421081-pt-1')).toEqual({
      body: 'platform',
      department: '421081-pt-1',
    });
    expect(resolveBody({ body: 'platform', workingDays: 10 }, null)).toEqual({
      body: PLATFORM_FALLBACK,
      department: null,
    });
    expect(resolveBody({ body: 'rsj', workingDays: 5 }, '421081-pt-1')).toEqual({ body: 'rsj', department: null });
  });
  it('compares platform names as workers type them', () => {
    expect(platformKey(' 美 团 ')).toBe(platformKey('美团'));
    expect(platformKey('Ｍeituan')).toBe(platformKey('meituan'));
    expect(platformKey('饿了么')).not.toBe(platformKey('美团'));
  });
});
