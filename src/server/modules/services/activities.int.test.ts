import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import { signUp } from './attendance.service';
import {
  OTHER_VILLAGE,
  PLACE,
  VILLAGE,
  createServicesContext,
  north,
  plainResidents,
  publish,
  residentActor,
  villageOfficer,
} from './services.testing';

let ctx: TestContext;
let officer: TestActor;
let r1: TestActor;
let r2: TestActor;
let r3: TestActor;

beforeAll(async () => {
  ctx = await createServicesContext();
  officer = await villageOfficer(ctx);
  r1 = await residentActor(ctx, '13914100001');
  r2 = await residentActor(ctx, '13914100002');
  r3 = await residentActor(ctx, '13914100003');
});
afterAll(() => ctx.close());

const count = async (sql: string, params: unknown[] = []) =>
  Number((await ctx.db.owner.query<{ n: number }>(sql, params)).rows[0].n);

describe('publishing', () => {
  it('refuses a place outside the organiser’s area, a resident, and an end before the start', async () => {
    const other = await call(ctx, officer, 'POST', '/api/services/activities', {
      title: 't',
      kind: 'other',
      divisionCode: OTHER_VILLAGE,
      organiserKind: 'community',
      place: 'x',
      ...PLACE,
      startsAt: '2026-12-01T01:00:00Z',
      endsAt: '2026-12-01T02:00:00Z',
      capacity: 1,
      audience: 'everyone',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('services_bad_place');
    await expect(publish(ctx, r1)).rejects.toThrow(/services_bad_place/);
    const backwards = await call(ctx, officer, 'POST', '/api/services/activities', {
      title: 't',
      kind: 'other',
      divisionCode: VILLAGE,
      organiserKind: 'community',
      place: 'x',
      ...PLACE,
      startsAt: '2026-12-01T02:00:00Z',
      endsAt: '2026-12-01T01:00:00Z',
      capacity: 1,
      audience: 'everyone',
    });
    expect(backwards.statusCode).toBe(400);
    expect(await count('SELECT count(*) AS n FROM service_activities')).toBe(0);
  });

  it('shows the check-in code to organisers only', async () => {
    const a = await publish(ctx, officer);
    expect(a.checkinCode).toMatch(/^\d{6}$/);
    const seen = (await call(ctx, r1, 'GET', `/api/services/activities/${a.id}`)).json();
    expect(seen.checkinCode).toBeNull();
    expect(seen.organiser).toBe(false);
    const cal = (await call(ctx, r1, 'GET', '/api/services/activities')).json();
    expect(cal.items.map((x: { id: string }) => x.id)).toContain(a.id);
  });
});

describe('sign-up and the waiting list', () => {
  it('enrols up to the capacity, queues the rest, promotes on cancellation', async () => {
    const a = await publish(ctx, officer, { capacity: 2 });
    const s1 = await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/signup`);
    const s2 = await call(ctx, r2, 'POST', `/api/services/activities/${a.id}/signup`);
    const s3 = await call(ctx, r3, 'POST', `/api/services/activities/${a.id}/signup`);
    expect([s1.json().state, s2.json().state, s3.json().state]).toEqual(['enrolled', 'enrolled', 'waiting']);
    expect(s3.json().waitingPosition).toBe(1);
    const again = await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/signup`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('services_already_signed_up');
    const cancelled = await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/signup/cancel`);
    expect(cancelled.json().state).toBe('cancelled');
    const third = (await call(ctx, r3, 'GET', `/api/services/activities/${a.id}`)).json();
    expect(third.mine.state).toBe('enrolled');
    expect(third.enrolled).toBe(2);
    expect(third.waiting).toBe(0);
    // signing up again after cancelling goes to the back of the line
    expect((await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/signup`)).json().state).toBe('waiting');
  });

  it('never passes the capacity under concurrent sign-ups', async () => {
    const a = await publish(ctx, officer, { capacity: 3 });
    const people = await plainResidents(ctx, 16, 'conc');
    const results = await Promise.allSettled(people.map((p) => signUp(ctx.deps, p, a.id)));
    const states = results.map((r) => (r.status === 'fulfilled' ? r.value.state : 'error'));
    expect(states.filter((s) => s === 'enrolled')).toHaveLength(3);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(13);
    expect(await count(`SELECT enrolled AS n FROM service_activities WHERE id = $1`, [a.id])).toBe(3);
    expect(
      await count(`SELECT count(*) AS n FROM service_signups WHERE activity_id = $1 AND state = 'enrolled'`, [a.id]),
    ).toBe(3);
  });

  it('keeps an activity for party members to party members', async () => {
    const a = await publish(ctx, officer, { audience: 'party_members' });
    const res = await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/signup`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('services_audience_refused');
  });
});

describe('check-in, check-out and hours', () => {
  it('checks the code, the time window and the distance; confirms hours once and awards points', async () => {
    const a = await publish(ctx, officer, { capacity: 5 }, 60, 2);
    await call(ctx, r2, 'POST', `/api/services/activities/${a.id}/signup`);
    const checkin = (body: object) => call(ctx, r2, 'POST', `/api/services/activities/${a.id}/checkin`, body);

    const early = await checkin({ code: a.checkinCode, ...PLACE });
    expect([early.statusCode, early.json().code]).toEqual([422, 'services_outside_window']);
    ctx.clock.advance(45 * 60_000); // 15 minutes before the start
    const wrong = await checkin({ code: a.checkinCode === '000000' ? '111111' : '000000', ...PLACE });
    expect([wrong.statusCode, wrong.json().code]).toEqual([422, 'services_checkin_code_wrong']);
    const far = await checkin({ code: a.checkinCode, ...north(900) });
    expect([far.statusCode, far.json().code]).toEqual([422, 'services_too_far']);
    const out0 = await call(ctx, r2, 'POST', `/api/services/activities/${a.id}/checkout`, {
      code: a.checkinCode,
      ...PLACE,
    });
    expect(out0.statusCode).toBe(422); // check-out opens at the start
    const ok = await checkin({ code: a.checkinCode, ...north(120) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().checkedInAt).toBeTruthy();
    const twice = await checkin({ code: `https://cocreate.example.cn${a.checkinPath}`, ...PLACE });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'services_already_checked']);

    // a resident enrolled but not present: the organiser records nothing, confirm needs hours
    await call(ctx, r3, 'POST', `/api/services/activities/${a.id}/signup`);
    ctx.clock.advance(2 * 3_600_000); // 1 h 45 after the start... the activity ends at +2 h
    const out = await call(ctx, r2, 'POST', `/api/services/activities/${a.id}/checkout`, {
      code: a.checkinPath,
      ...PLACE,
    });
    expect(out.statusCode).toBe(200);

    const list = (await call(ctx, officer, 'GET', `/api/services/console/activities/${a.id}/signups`)).json();
    const mine = list.find((s: { userId: string }) => s.userId === r2.userId);
    const absent = list.find((s: { userId: string }) => s.userId === r3.userId);
    expect(mine.checkedInBy).toBe('self');

    const stranger = await staffActor(ctx, 'village_officer', OTHER_VILLAGE);
    expect((await call(ctx, stranger, 'POST', `/api/services/console/signups/${mine.id}/confirm`, {})).statusCode).toBe(
      404,
    );
    const noHours = await call(ctx, officer, 'POST', `/api/services/console/signups/${absent.id}/confirm`, {});
    expect([noHours.statusCode, noHours.json().code]).toEqual([409, 'services_attendance_missing']);
    const tooMany = await call(ctx, officer, 'POST', `/api/services/console/signups/${absent.id}/confirm`, {
      hours: 3,
    });
    expect([tooMany.statusCode, tooMany.json().code]).toEqual([422, 'services_hours_invalid']);

    const confirmed = await call(ctx, officer, 'POST', `/api/services/console/signups/${mine.id}/confirm`, {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().signup.hours).toBe(1.75);
    expect(confirmed.json().points).toBe(5);
    const again = await call(ctx, officer, 'POST', `/api/services/console/signups/${mine.id}/confirm`, { hours: 2 });
    expect([again.statusCode, again.json().code]).toEqual([409, 'services_hours_already_confirmed']);
    expect(
      await count(`SELECT count(*) AS n FROM points_awards WHERE user_id = $1 AND source_event LIKE 'activity:%'`, [
        r2.userId,
      ]),
    ).toBe(1);
    const hours = (await call(ctx, r2, 'GET', '/api/services/me/hours')).json();
    expect(await count(`SELECT code_failures AS n FROM service_signups WHERE id = $1`, [mine.id])).toBe(1);
    expect(hours).toEqual({ hours: 1.75, activities: 1 });
    const points = (await call(ctx, r2, 'GET', '/api/points/me')).json();
    expect(points.pending).toBe(5);
  });
});

describe('guessing the code', () => {
  it('locks a sign-up after five wrong codes, the count surviving each refusal', async () => {
    const a = await publish(ctx, officer, { capacity: 5 }, 10, 2);
    await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/signup`);
    const wrong = a.checkinCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/checkin`, { code: wrong, ...PLACE });
      expect(res.json().code).toBe('services_checkin_code_wrong');
    }
    const locked = await call(ctx, r1, 'POST', `/api/services/activities/${a.id}/checkin`, {
      code: a.checkinCode,
      ...PLACE,
    });
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'services_checkin_locked']);
    const list = (await call(ctx, officer, 'GET', `/api/services/console/activities/${a.id}/signups`)).json();
    const byOrganiser = await call(ctx, officer, 'POST', `/api/services/console/signups/${list[0].id}/attendance`, {
      step: 'checkin',
    });
    expect(byOrganiser.json().checkedInBy).toBe('organiser');
  });
});
