/**
 * Pure rules of the beehive module: weekly opening hours (China Standard Time), the co-building
 * agreement's validity and renewal, low medicine stock, the nearest station open now, navigation
 * links in GCJ-02, and where a 五帮 request goes. No I/O; expected failures are values.
 */
import type { AgreementState, HelpBody, RequestKind } from './beehive.labels';

/** Minutes after midnight, [from, to) per period; one list per weekday, Monday first. */
export type WeeklyHours = readonly (readonly (readonly [number, number])[])[];

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

export type HoursResult = { ok: true; hours: WeeklyHours } | { ok: false; day: number; text: string; reason: string };

/**
 * Reads the API form: 7 lists (Mon..Sun) of "HH:MM-HH:MM" (24:00 allowed as an end); an empty list
 * is a closed day. Periods must be increasing and must not overlap.
 */
export function parseWeeklyHours(days: readonly (readonly string[])[]): HoursResult {
  if (days.length !== 7) return { ok: false, day: days.length, text: '', reason: 'seven days, Monday first' };
  const out: [number, number][][] = [];
  for (let d = 0; d < 7; d++) {
    const periods: [number, number][] = [];
    for (const text of days[d]) {
      const m = PERIOD.exec(text.trim());
      if (!m) return { ok: false, day: d, text, reason: 'HH:MM-HH:MM' };
      const from = Number(m[1]) * 60 + Number(m[2]);
      const to = Number(m[3]) * 60 + Number(m[4]);
      if (to > 1440 || to <= from) return { ok: false, day: d, text, reason: 'the end must be after the start' };
      const last = periods[periods.length - 1];
      if (last && from < last[1]) return { ok: false, day: d, text, reason: 'periods overlap or are out of order' };
      periods.push([from, to]);
    }
    out.push(periods);
  }
  return { ok: true, hours: out };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The API form of stored hours. */
export function formatWeeklyHours(hours: WeeklyHours): string[][] {
  return hours.map((day) => day.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`));
}

/** Weekday (0 = Monday) and minute of the day of an instant in China Standard Time. */
export function cstWeekMinute(t: Date): { day: number; minute: number } {
  const local = new Date(t.getTime() + CST_OFFSET_MS);
  return { day: (local.getUTCDay() + 6) % 7, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export function isOpenAt(hours: WeeklyHours, t: Date): boolean {
  const { day, minute } = cstWeekMinute(t);
  return (hours[day] ?? []).some(([a, b]) => minute >= a && minute < b);
}

/**
 * When a station closed at `t` next opens: the start of its next period within a week (China
 * Standard Time), or null when it has no opening hours at all. An open station answers `t` itself.
 */
export function nextOpening(hours: WeeklyHours, t: Date): Date | null {
  if (isOpenAt(hours, t)) return t;
  const { day, minute } = cstWeekMinute(t);
  const localMidnight = Math.floor((t.getTime() + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
  for (let d = 0; d <= 7; d++) {
    for (const [from] of hours[(day + d) % 7] ?? []) {
      if (d === 0 && from <= minute) continue;
      return new Date(localMidnight + d * DAY_MS + from * 60_000);
    }
  }
  return null;
}

// ---- agreements ----

/** Days before the end when an agreement asks to be renewed. */
export const RENEWAL_NOTICE_DAYS = 30;

export function cstDay(t: Date): string {
  return new Date(t.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function agreementState(validFrom: string, validTo: string, now: Date): AgreementState {
  const today = cstDay(now);
  if (today < validFrom) return 'not_started';
  if (today > validTo) return 'expired';
  const daysLeft = Math.round((Date.parse(validTo) - Date.parse(today)) / DAY_MS);
  return daysLeft <= RENEWAL_NOTICE_DAYS ? 'renewal_due' : 'active';
}

export const isLowStock = (quantity: number, lowAt: number) => quantity <= lowAt;

// ---- the nearest open station ----

export interface StationPoint {
  id: string;
  lng: number;
  lat: number;
  hours: WeeklyHours;
}

/** Great-circle distance in metres (haversine). */
export function metres(aLng: number, aLat: number, bLng: number, bLat: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLng = (bLng - aLng) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The stations open at `t`, nearest first (at most `limit`), with their distance in metres. */
export function nearestOpen<S extends StationPoint>(
  stations: readonly S[],
  lng: number,
  lat: number,
  t: Date,
  limit: number,
): { station: S; metres: number }[] {
  return nearestWhere(stations, lng, lat, limit, (s) => isOpenAt(s.hours, t));
}

/** The stations nearest first (at most `limit`) among those `keep` accepts, with their distance in metres. */
export function nearestWhere<S extends StationPoint>(
  stations: readonly S[],
  lng: number,
  lat: number,
  limit: number,
  keep: (s: S) => boolean = () => true,
): { station: S; metres: number }[] {
  const kx = Math.cos((lat * Math.PI) / 180);
  const found: { station: S; d2: number }[] = [];
  for (const s of stations) {
    if (!keep(s)) continue;
    const dx = (s.lng - lng) * kx;
    const dy = s.lat - lat;
    found.push({ station: s, d2: dx * dx + dy * dy });
  }
  found.sort((a, b) => a.d2 - b.d2);
  return found
    .slice(0, limit)
    .map(({ station }) => ({ station, metres: Math.round(metres(lng, lat, station.lng, station.lat)) }));
}

/** Links that open the phone's map app with a riding route to the station (coordinates already GCJ-02). */
export function navigationLinks(gcjLng: number, gcjLat: number, name: string): { amap: string; baidu: string } {
  const n = encodeURIComponent(name);
  const lng = gcjLng.toFixed(6);
  const lat = gcjLat.toFixed(6);
  return {
    amap: `https://uri.amap.com/navigation?to=${lng},${lat},${n}&mode=ride&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/direction?destination=latlng:${lat},${lng}|name:${n}&coord_type=gcj02&mode=riding&output=html&src=cocreate`,
  };
}

// ---- 五帮 requests ----

export interface Route {
  body: HelpBody;
  workingDays: number;
}

/**
 * Where each kind of request goes and its time limit in working days: the alliance's default routing.
 * The county may change a kind's row (beehive_routes); `effectiveRoutes` lays its rows over these.
 * Complaints about a platform's rules go first to the worker's own platform (its local station) when
 * that platform is an alliance member answering requests; otherwise to 市场监管 (PLATFORM_FALLBACK).
 */
export const REQUEST_ROUTES: Record<RequestKind, Route> = {
  wage_arrears: { body: 'rsj', workingDays: 5 },
  accident: { body: 'rsj', workingDays: 5 },
  insurance: { body: 'rsj', workingDays: 10 },
  dispute: { body: 'sfj', workingDays: 10 },
  platform_rules: { body: 'platform', workingDays: 10 },
  training: { body: 'zgh', workingDays: 15 },
  job_support: { body: 'zgh', workingDays: 15 },
};

/** The department code a body's requests go to (the divisions module's standard key where it has one). */
export const bodyDepartmentKey = (body: HelpBody): string => body;

/** Where a request goes when its route names the platform but the worker's platform answers no requests. */
export const PLATFORM_FALLBACK: HelpBody = 'scjg';

/** The routing in force: the county's rows over the defaults (unknown kinds in the rows are ignored). */
export function effectiveRoutes(rows: readonly { kind: string; body: HelpBody; workingDays: number }[]) {
  const routes: Record<RequestKind, Route & { custom: boolean }> = Object.fromEntries(
    Object.entries(REQUEST_ROUTES).map(([k, r]) => [k, { ...r, custom: false }]),
  ) as Record<RequestKind, Route & { custom: boolean }>;
  for (const r of rows)
    if (r.kind in routes) routes[r.kind as RequestKind] = { body: r.body, workingDays: r.workingDays, custom: true };
  return routes;
}

/**
 * The body a request actually goes to: its route's, except that "the platform" needs the worker's
 * platform to answer requests (`platformDepartment`); without it the request goes to PLATFORM_FALLBACK.
 */
export function resolveBody(
  route: Route,
  platformDepartment: string | null,
): { body: HelpBody; department: string | null } {
  if (route.body !== 'platform') return { body: route.body, department: null };
  return platformDepartment
    ? { body: 'platform', department: platformDepartment }
    : { body: PLATFORM_FALLBACK, department: null };
}

/** A platform's name compared as workers type it: case, spaces and full-width forms ignored (美团 = 美 团, Meituan = meituan). */
export const platformKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
