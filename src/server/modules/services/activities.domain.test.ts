import { describe, expect, it } from 'vitest';
import {
  checkDistance,
  checkinPath,
  checkWindow,
  codeFrom,
  distanceMetres,
  durationHours,
  hoursToCredit,
  servedHours,
  signupStateFor,
} from './activities.domain';

const a = { startsAt: new Date('2026-12-01T01:00:00Z'), endsAt: new Date('2026-12-01T03:00:00Z') };
const at = (iso: string) => new Date(iso);

describe('windows', () => {
  it('opens check-in 30 minutes before the start and closes it at the end', () => {
    expect(checkWindow(a, 'checkin', at('2026-12-01T00:29:59Z')).ok).toBe(false);
    expect(checkWindow(a, 'checkin', at('2026-12-01T00:30:00Z')).ok).toBe(true);
    expect(checkWindow(a, 'checkin', at('2026-12-01T03:00:00Z')).ok).toBe(true);
    expect(checkWindow(a, 'checkin', at('2026-12-01T03:00:01Z')).ok).toBe(false);
  });
  it('opens check-out at the start and closes it an hour after the end', () => {
    expect(checkWindow(a, 'checkout', at('2026-12-01T00:59:59Z')).ok).toBe(false);
    expect(checkWindow(a, 'checkout', at('2026-12-01T04:00:00Z')).ok).toBe(true);
    const late = checkWindow(a, 'checkout', at('2026-12-01T04:00:01Z'));
    expect(late.ok ? null : late.code).toBe('services_outside_window');
  });
});

describe('distance', () => {
  it('measures metres on the sphere and refuses beyond the radius', () => {
    const p = { lng: 112.3, lat: 29.8 };
    expect(distanceMetres(p, { lng: 112.3, lat: 29.8 + 0.001 })).toBeCloseTo(111.2, 0);
    expect(checkDistance({ ...p, radiusM: 300 }, { lng: 112.3, lat: 29.802 }, 'checkin').ok).toBe(true);
    const far = checkDistance({ ...p, radiusM: 300 }, { lng: 112.31, lat: 29.8 }, 'checkin');
    expect(far.ok ? null : far.details).toMatchObject({ radius: 300 });
  });
});

describe('hours', () => {
  it('counts only the time inside the activity, in quarter hours', () => {
    expect(durationHours(a)).toBe(2);
    expect(servedHours(a, at('2026-12-01T00:40:00Z'), at('2026-12-01T05:00:00Z'))).toBe(2);
    expect(servedHours(a, at('2026-12-01T01:10:00Z'), at('2026-12-01T02:20:00Z'))).toBe(1);
    expect(servedHours(a, at('2026-12-01T03:10:00Z'), at('2026-12-01T04:00:00Z'))).toBe(0);
  });
  it('takes given hours within the length, else the attendance', () => {
    const none = { checkedInAt: null, checkedOutAt: null };
    expect(hoursToCredit(a, 1.5, none)).toEqual({ ok: true, value: 1.5 });
    for (const bad of [0, -1, 2.25, 1.1]) expect(hoursToCredit(a, bad, none).ok).toBe(false);
    const missing = hoursToCredit(a, undefined, none);
    expect(missing.ok ? null : missing.code).toBe('services_attendance_missing');
  });
});

describe('sign-up and codes', () => {
  it('enrols while places are left', () => {
    expect(signupStateFor(1, 2)).toBe('enrolled');
    expect(signupStateFor(2, 2)).toBe('waiting');
  });
  it('reads the code from the digits or this activity’s QR payload only', () => {
    const id = '0b3c1b8e-8a43-4f7e-9d8e-0b1c2d3e4f50';
    expect(codeFrom(' 123456 ', id)).toBe('123456');
    expect(codeFrom(`cocreate:services:checkin:${id}:654321`, id)).toBe('654321');
    expect(codeFrom('cocreate:services:checkin:1b3c1b8e-8a43-4f7e-9d8e-0b1c2d3e4f50:654321', id)).toBe('');
    expect(codeFrom(`https://cocreate.example.cn/m/activities/${id}?code=654321`, id)).toBe('654321');
    expect(codeFrom(` ${checkinPath(id, '654321')} `, id)).toBe('654321');
    expect(codeFrom(`http://10.0.0.2:8080/m/activities/${id}?from=qr&code=654321#x`, id)).toBe('654321');
    expect(codeFrom('https://x.cn/m/activities/1b3c1b8e-8a43-4f7e-9d8e-0b1c2d3e4f50?code=654321', id)).toBe('');
    expect(codeFrom(`https://x.cn/m/activities/${id}?code=65432`, id)).not.toBe('65432');
  });
});
