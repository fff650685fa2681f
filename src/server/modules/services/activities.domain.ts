/**
 * Service activities as pure rules (issue #14 item 2): the sign-up decision (enrolled while places
 * are left, else the waiting list), the check-in and check-out windows, the distance from the place,
 * and the hours served. No I/O; expected failures are values.
 */
import { type Result, fail, ok } from '../../platform/errors';

/** Check-in opens this long before the start; check-out closes this long after the end. */
export const CHECKIN_OPENS_MS = 30 * 60_000;
export const CHECKOUT_CLOSES_MS = 60 * 60_000;

export interface ActivityTimes {
  startsAt: Date;
  endsAt: Date;
}

export type AttendanceStep = 'checkin' | 'checkout';
const STEP = {
  checkin: { zh: '签到', en: 'check in' },
  checkout: { zh: '签退', en: 'check out' },
} as const;

/** The window in which a step is accepted: check-in from 30 min before the start to the end; check-out from the start to 60 min after the end. */
export function windowOf(a: ActivityTimes, step: AttendanceStep): { from: Date; to: Date } {
  return step === 'checkin'
    ? { from: new Date(a.startsAt.getTime() - CHECKIN_OPENS_MS), to: a.endsAt }
    : { from: a.startsAt, to: new Date(a.endsAt.getTime() + CHECKOUT_CLOSES_MS) };
}

const cst = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function checkWindow(a: ActivityTimes, step: AttendanceStep, now: Date): Result<true> {
  const w = windowOf(a, step);
  if (now < w.from || now > w.to)
    return fail('services_outside_window', {
      step: STEP[step].en,
      stepZh: STEP[step].zh,
      from: cst(w.from),
      to: cst(w.to),
    });
  return ok(true);
}

/** Great-circle distance in metres (haversine on the WGS-84 mean radius). */
export function distanceMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function checkDistance(
  place: { lng: number; lat: number; radiusM: number },
  at: { lng: number; lat: number },
  step: AttendanceStep,
): Result<number> {
  const d = distanceMetres(place, at);
  if (d > place.radiusM)
    return fail('services_too_far', {
      distance: Math.round(d),
      radius: place.radiusM,
      step: STEP[step].en,
      stepZh: STEP[step].zh,
    });
  return ok(d);
}

/** Hours, rounded down to the quarter hour. */
const quarterHours = (ms: number) => Math.floor(ms / 900_000) / 4;

/** The activity's length in hours (the most anyone can be credited for it). */
export const durationHours = (a: ActivityTimes) => quarterHours(a.endsAt.getTime() - a.startsAt.getTime());

/** Hours served: the part of [check-in, check-out] inside the activity's time, in quarter hours. */
export function servedHours(a: ActivityTimes, checkedIn: Date, checkedOut: Date): number {
  const from = Math.max(checkedIn.getTime(), a.startsAt.getTime());
  const to = Math.min(checkedOut.getTime(), a.endsAt.getTime());
  return to > from ? quarterHours(to - from) : 0;
}

/**
 * The hours to credit when the organiser confirms: the hours given (0 < h ≤ the activity's length,
 * in quarter hours), or else those served between check-in and check-out.
 */
export function hoursToCredit(
  a: ActivityTimes,
  given: number | undefined,
  attendance: { checkedInAt: Date | null; checkedOutAt: Date | null },
): Result<number> {
  const max = durationHours(a);
  if (given !== undefined) {
    if (!(given > 0) || given > max || Math.round(given * 4) !== given * 4)
      return fail('services_hours_invalid', { hours: given, max });
    return ok(given);
  }
  if (!attendance.checkedInAt || !attendance.checkedOutAt) return fail('services_attendance_missing');
  const served = servedHours(a, attendance.checkedInAt, attendance.checkedOutAt);
  if (served <= 0) return fail('services_hours_invalid', { hours: served, max });
  return ok(served);
}

/** The state of a new sign-up: enrolled while places are left, otherwise on the waiting list. */
export const signupStateFor = (enrolled: number, capacity: number) =>
  enrolled < capacity ? ('enrolled' as const) : ('waiting' as const);

/**
 * Where the check-in QR code at the place leads: the activity's page in the resident app with the
 * six-digit code, a path the console prefixes with its own origin (scanned with the phone's camera,
 * the page opens with the code filled in; the server still checks the time window and the distance).
 */
export function checkinPath(activityId: string, code: string): string {
  return `/m/activities/${activityId}?code=${code}`;
}

/**
 * The code in what a resident typed or scanned: the six digits, the check-in URL (or path) of this
 * activity, or the older `cocreate:services:checkin:<id>:<code>` payload of QR codes printed before.
 * Another activity's QR code gives '' (a wrong code).
 */
export function codeFrom(input: string, activityId: string): string {
  const s = input.trim();
  const m =
    /^cocreate:services:checkin:([0-9a-f-]{36}):([0-9]{6})$/i.exec(s) ??
    /^(?:https?:\/\/[^/?#]+)?\/m\/activities\/([0-9a-f-]{36})\/?\?(?:[^#]*&)?code=([0-9]{6})(?:[&#].*)?$/i.exec(s);
  if (m) return m[1].toLowerCase() === activityId.toLowerCase() ? m[2] : '';
  return s;
}
