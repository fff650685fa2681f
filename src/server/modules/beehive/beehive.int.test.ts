import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT } from '../../../../test/fixtures';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { wgs84ToGcj02 } from '../../platform/geo';
import { createPointsContext, residentActor } from '../points/points.harness';

const TOWN = '421081107'; // 高基庙镇
const VILLAGE = '421081107212'; // 百子庵村
const ALL_DAY = Array.from({ length: 7 }, () => ['00:00-24:00']);
const NEVER = Array.from({ length: 7 }, () => [] as string[]);
let ctx: TestContext;
let town: TestActor, village: TestActor, otherTown: TestActor, rider: TestActor, renshe: TestActor, county: TestActor;

const station = (over: Record<string, unknown> = {}) => ({
  kind: 'beehive',
  name: '高基庙红色蜂巢',
  divisionCode: TOWN,
  lng: COUNTY_SEAT[0],
  lat: COUNTY_SEAT[1],
  hours: ALL_DAY,
  services: ['cooling', 'charging', 'emergency_medicine'],
  ...over,
});
const rowCount = async (table: string) =>
  Number((await ctx.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

beforeAll(async () => {
  ctx = await createPointsContext();
  town = await staffActor(ctx, 'town_officer', TOWN);
  village = await staffActor(ctx, 'village_officer', VILLAGE);
  otherTown = await staffActor(ctx, 'town_officer', '421081001');
  county = await staffActor(ctx, 'county_officer', '421081');
  renshe = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-rsj' });
  rider = await residentActor(ctx, '13915000101');
});
afterAll(async () => {
  await ctx.close();
});

describe('stations', () => {
  let open: { id: string; checkinCode: string };
  let closed: { id: string; checkinCode: string };
  it('creates stations inside the county, in either datum', async () => {
    const res = await call(ctx, town, 'POST', '/api/beehive/console/stations', station());
    expect(res.statusCode).toBe(201);
    open = res.json();
    expect(res.json()).toMatchObject({ openNow: true, agreement: null, lowStock: 0 });
    const [gx, gy] = wgs84ToGcj02([COUNTY_SEAT[0] + 0.02, COUNTY_SEAT[1]]);
    const res2 = await call(
      ctx,
      village,
      'POST',
      '/api/beehive/console/stations',
      station({
        name: '百子庵学习微站',
        kind: 'study_micro',
        divisionCode: VILLAGE,
        lng: gx,
        lat: gy,
        coordSystem: 'gcj02',
        hours: NEVER,
      }),
    );
    expect(res2.statusCode).toBe(201);
    closed = res2.json();
    expect(res2.json().lng).toBeCloseTo(COUNTY_SEAT[0] + 0.02, 5);
    expect(res2.json().openNow).toBe(false);
  });
  it('refuses a point outside the county, bad hours, a division elsewhere, another town', async () => {
    const before = await rowCount('beehive_stations');
    const out = await call(ctx, town, 'POST', '/api/beehive/console/stations', station({ lng: 116.39, lat: 39.9 }));
    expect(out.statusCode).toBe(400);
    expect(out.json().code).toBe('beehive_outside_county');
    const hours = await call(
      ctx,
      town,
      'POST',
      '/api/beehive/console/stations',
      station({ hours: [['18:00-08:00'], ...NEVER.slice(1)] }),
    );
    expect(hours.statusCode).toBe(400);
    expect(hours.json().code).toBe('beehive_hours_invalid');
    const division = await call(
      ctx,
      county,
      'POST',
      '/api/beehive/console/stations',
      station({ divisionCode: '421081999999' }),
    );
    expect(division.json().code).toBe('beehive_division_invalid');
    expect((await call(ctx, otherTown, 'POST', '/api/beehive/console/stations', station())).statusCode).toBe(403);
    expect(await rowCount('beehive_stations')).toBe(before);
  });
  it('changes a station, with the same checks, and leaves it whole on a refusal', async () => {
    const moved = await call(
      ctx,
      town,
      'PUT',
      `/api/beehive/console/stations/${open.id}`,
      station({ name: '高基庙红色蜂巢（新址）' }),
    );
    expect(moved.json()).toMatchObject({ name: '高基庙红色蜂巢（新址）', checkinCode: open.checkinCode });
    const out = await call(
      ctx,
      town,
      'PUT',
      `/api/beehive/console/stations/${open.id}`,
      station({ lng: 120.5, lat: 31.3 }),
    );
    expect(out.json().code).toBe('beehive_outside_county');
    expect((await call(ctx, otherTown, 'PUT', `/api/beehive/console/stations/${open.id}`, station())).statusCode).toBe(
      404,
    );
    expect((await call(ctx, village, 'PUT', `/api/beehive/console/stations/${open.id}`, station())).statusCode).toBe(
      404, // a town station is out of a village officer's scope
    );
    const { rows } = await ctx.db.owner.query<{ name: string; lng: number }>(
      'SELECT name, lng FROM beehive_stations WHERE id = $1',
      [open.id],
    );
    expect(rows[0]).toEqual({ name: '高基庙红色蜂巢（新址）', lng: COUNTY_SEAT[0] });
  });
  it('keeps agreements: ending before starting is a 400, renewal is flagged, nothing half-written', async () => {
    const bad = await call(ctx, town, 'POST', `/api/beehive/console/stations/${open.id}/agreements`, {
      parties: ['高基庙镇党委', '美团'],
      terms: '共建',
      validFrom: '2026-06-01',
      validTo: '2026-05-31',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('beehive_agreement_dates');
    expect(await rowCount('beehive_agreements')).toBe(0);
    const notADay = await call(ctx, town, 'POST', `/api/beehive/console/stations/${open.id}/agreements`, {
      parties: ['a', 'b'],
      terms: 't',
      validFrom: '2026-02-30',
      validTo: '2026-12-31',
    });
    expect(notADay.statusCode).toBe(400);
    // the clock is 2026-11-25: an agreement to 2026-12-10 is due for renewal
    const ok = await call(ctx, town, 'POST', `/api/beehive/console/stations/${open.id}/agreements`, {
      parties: ['高基庙镇党委', '美团'],
      terms: '共建',
      validFrom: '2026-01-01',
      validTo: '2026-12-10',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().station.agreement.state).toBe('renewal_due');
    const due = (await call(ctx, town, 'GET', '/api/beehive/console/agreements/due')).json().items;
    expect(due.map((d: { stationId: string }) => d.stationId).sort()).toEqual([open.id, closed.id].sort());
  });
  it('flags low medicine stock', async () => {
    const res = await call(ctx, town, 'PUT', `/api/beehive/console/stations/${open.id}/medicines`, {
      name: '创可贴',
      quantity: 3,
      lowAt: 5,
    });
    expect(res.json().medicines).toEqual([{ name: '创可贴', unit: '', quantity: 3, lowAt: 5, low: true }]);
    expect(res.json().lowStock).toBe(1);
    const neg = await call(ctx, town, 'PUT', `/api/beehive/console/stations/${open.id}/medicines`, {
      name: '创可贴',
      quantity: -1,
      lowAt: 5,
    });
    expect(neg.statusCode).toBe(400);
  });
  it('answers the nearest open station publicly, with GCJ-02 navigation', async () => {
    const [gx, gy] = wgs84ToGcj02([COUNTY_SEAT[0] + 0.019, COUNTY_SEAT[1]]);
    const res = await call(ctx, null, 'GET', `/api/beehive/stations/nearest?lng=${gx}&lat=${gy}&coordSystem=gcj02`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([open.id]); // the nearer one is closed
    expect(items[0].services).toContain('charging');
    expect(items[0].navigation.amap).toContain(`${items[0].gcjLng.toFixed(6)},${items[0].gcjLat.toFixed(6)}`);
    expect(items[0].hoursToday).toEqual(['00:00-24:00']);
    const bad = await call(ctx, null, 'GET', '/api/beehive/stations/nearest?lng=500&lat=29');
    expect(bad.statusCode).toBe(400);
  });
  it('counts check-ins by station and day, refuses a closed station or an unknown code', async () => {
    const one = await call(ctx, rider, 'POST', '/api/beehive/checkins', { code: open.checkinCode });
    expect(one.json()).toMatchObject({ stationId: open.id, day: '2026-11-25', countToday: 1 });
    const two = await call(ctx, rider, 'POST', '/api/beehive/checkins', { code: open.checkinCode.toLowerCase() });
    expect(two.json().countToday).toBe(2);
    const shut = await call(ctx, rider, 'POST', '/api/beehive/checkins', { code: closed.checkinCode });
    expect(shut.statusCode).toBe(409);
    expect(shut.json().code).toBe('beehive_station_closed');
    expect((await call(ctx, rider, 'POST', '/api/beehive/checkins', { code: 'NOSUCH99' })).statusCode).toBe(404);
    expect((await call(ctx, null, 'POST', '/api/beehive/checkins', { code: open.checkinCode })).statusCode).toBe(401);
    const { rows } = await ctx.db.owner.query('SELECT * FROM beehive_checkins');
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual(['count', 'day', 'station_id']);
    const detail = (await call(ctx, town, 'GET', `/api/beehive/console/stations/${open.id}`)).json();
    expect(detail.checkins).toEqual([{ day: '2026-11-25', count: 2 }]);
  });
});

describe('the public station pages (no sign-in)', () => {
  let open: { id: string };
  let evening: { id: string };
  beforeAll(async () => {
    const list = (await call(ctx, town, 'GET', '/api/beehive/console/stations')).json().items;
    open = list.find((x: { name: string }) => x.name === '高基庙红色蜂巢（新址）');
    // open 18:00–22:00 on weekdays: closed at the clock's Wednesday 09:00 CST
    const weekdays = [...Array.from({ length: 5 }, () => ['18:00-22:00']), [], []];
    const res = await call(
      ctx,
      town,
      'POST',
      '/api/beehive/console/stations',
      station({ name: '高基庙夜间驿站', lng: COUNTY_SEAT[0] + 0.001, hours: weekdays, services: ['rest'] }),
    );
    evening = res.json();
  });

  it('shows a station to anyone: hours, open now, services, medicine yes/no, agreement parties', async () => {
    const res = await call(ctx, null, 'GET', `/api/beehive/stations/${open.id}`);
    expect(res.statusCode).toBe(200);
    const { at, station: s } = res.json();
    expect(s).toMatchObject({
      id: open.id,
      name: '高基庙红色蜂巢（新址）',
      placeName: '高基庙镇',
      openNow: true,
      opensAt: at,
      services: ['cooling', 'charging', 'emergency_medicine'],
      emergencyMedicine: true, // 3 创可贴 left; the number is not shown
      agreement: {
        parties: ['高基庙镇党委', '美团'],
        validFrom: '2026-01-01',
        validTo: '2026-12-10',
        state: 'renewal_due',
      },
    });
    expect(s.hours).toHaveLength(7);
    expect(s.navigation.amap).toContain(`to=${s.gcjLng.toFixed(6)},${s.gcjLat.toFixed(6)}`);
    expect(s.navigation.baidu).toContain('coord_type=gcj02');
    // nothing staff-only or personal: no check-in code, stock, counts, terms
    const text = res.body;
    for (const word of ['checkinCode', 'quantity', 'lowAt', 'checkins', 'terms', 'medicines', 'phone'])
      expect(text).not.toContain(word);
    const { rows } = await ctx.db.owner.query<{ checkin_code: string }>(
      'SELECT checkin_code FROM beehive_stations WHERE id = $1',
      [open.id],
    );
    expect(text).not.toContain(rows[0].checkin_code);
  });

  it('shows a closed station closed, with its next opening in China Standard Time', async () => {
    const res = await call(ctx, null, 'GET', `/api/beehive/stations/${evening.id}`);
    expect(res.statusCode).toBe(200);
    const s = res.json().station;
    expect(s.openNow).toBe(false);
    expect(s.opensAt).toBe(new Date('2026-11-25T18:00:00+08:00').toISOString());
    expect(s.hours[2]).toEqual(['18:00-22:00']);
    expect(s.emergencyMedicine).toBe(false);
    expect(s.agreement).toBeNull();
    // on Friday night it opens on Monday at 18:00
    const saved = ctx.clock.now();
    ctx.clock.set(new Date('2026-11-27T22:30:00+08:00'));
    try {
      const fri = (await call(ctx, null, 'GET', `/api/beehive/stations/${evening.id}`)).json().station;
      expect(fri.opensAt).toBe(new Date('2026-11-30T18:00:00+08:00').toISOString());
    } finally {
      ctx.clock.set(saved);
    }
    // a station never open has no next opening
    const never = (
      await call(
        ctx,
        null,
        'GET',
        `/api/beehive/stations/${
          (
            await call(ctx, town, 'GET', '/api/beehive/console/stations')
          )
            .json()
            .items.find((x: { name: string }) => x.name === '百子庵学习微站').id
        }`,
      )
    ).json().station;
    expect(never).toMatchObject({ openNow: false, opensAt: null });
  });

  it('answers an unknown station with 404 beehive_station_unknown, a malformed id with 400', async () => {
    const unknown = await call(ctx, null, 'GET', '/api/beehive/stations/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('beehive_station_unknown');
    expect(unknown.json().message).toContain('站点不存在');
    const bad = await call(ctx, null, 'GET', '/api/beehive/stations/not-a-station');
    expect(bad.statusCode).toBe(400);
  });

  it('lists closed stations too when asked (open=any), each with open now or its next opening', async () => {
    const q = `lng=${COUNTY_SEAT[0] + 0.001}&lat=${COUNTY_SEAT[1]}&limit=10`;
    const onlyOpen = (await call(ctx, null, 'GET', `/api/beehive/stations/nearest?${q}`)).json().items;
    expect(onlyOpen.map((i: { id: string }) => i.id)).toEqual([open.id]);
    const any = (await call(ctx, null, 'GET', `/api/beehive/stations/nearest?${q}&open=any`)).json().items;
    expect(any[0]).toMatchObject({ id: evening.id, metres: 0, openNow: false });
    expect(any[0].opensAt).toBe(new Date('2026-11-25T18:00:00+08:00').toISOString());
    expect(any[1]).toMatchObject({ id: open.id, openNow: true });
    expect(any).toHaveLength(3);
    const bad = await call(ctx, null, 'GET', `/api/beehive/stations/nearest?${q}&open=sometimes`);
    expect(bad.statusCode).toBe(400);
  });

  it('lists the county seat and town seats for a rider without a position', async () => {
    const items = (await call(ctx, null, 'GET', '/api/beehive/towns')).json().items;
    expect(items[0]).toEqual({ code: '421081', name: '石首市', lng: 112.419609, lat: 29.723349 });
    expect(items.map((t: { name: string }) => t.name)).toContain('高基庙镇');
    expect(items).toHaveLength(14);
  });

  it('limits public look-ups per client address (429)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 121; i++)
      codes.push(
        (await ctx.app.inject({ method: 'GET', url: `/api/beehive/stations/${open.id}`, remoteAddress: '10.9.9.15' }))
          .statusCode,
      );
    expect(codes.slice(0, 120).every((c) => c === 200)).toBe(true);
    expect(codes[120]).toBe(429);
  });
});

describe('workers and 五帮 requests', () => {
  let requestId: string;
  it('registers a worker only with consent, once', async () => {
    const body = { name: '骑手甲', workKind: 'rider', platform: '美团', partyMember: true, consent: false };
    expect((await call(ctx, rider, 'POST', '/api/beehive/me', body)).json().code).toBe('beehive_consent_required');
    const ok = await call(ctx, rider, 'POST', '/api/beehive/me', { ...body, consent: true });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().worker).toMatchObject({ name: '骑手甲', partyMember: true, phoneMasked: '139****0101' });
    expect((await call(ctx, rider, 'POST', '/api/beehive/me', { ...body, consent: true })).statusCode).toBe(409);
  });
  it('enrols a rider as a woodpecker of a village (the platform role), not of a town', async () => {
    expect((await call(ctx, rider, 'POST', '/api/beehive/me/woodpecker', { placeCode: TOWN })).statusCode).toBe(400);
    const ok = await call(ctx, rider, 'POST', '/api/beehive/me/woodpecker', { placeCode: VILLAGE });
    expect(ok.json().worker.woodpeckerScope).toBe(VILLAGE);
    const me = (await call(ctx, rider, 'GET', '/api/me')).json();
    expect(JSON.stringify(me)).toContain('woodpecker');
  });
  it('routes a wage-arrears request to 人社 with a working-day deadline, citing a measure', async () => {
    const m = await call(ctx, county, 'PUT', '/api/beehive/console/measures', {
      number: 1,
      title: '欠薪维权绿色通道',
      bodyKey: 'rsj',
      published: true,
    });
    expect(m.statusCode).toBe(200);
    const hidden = await call(ctx, county, 'PUT', '/api/beehive/console/measures', {
      number: 2,
      title: '未发布',
      bodyKey: 'zgh',
      published: false,
    });
    expect(
      (
        await call(ctx, rider, 'POST', '/api/beehive/requests', {
          kind: 'wage_arrears',
          description: 'x',
          measureIds: [hidden.json().id],
        })
      ).json().code,
    ).toBe('beehive_measure_unknown');
    expect(
      (
        await call(ctx, village, 'PUT', '/api/beehive/console/measures', {
          number: 3,
          title: 'x',
          bodyKey: 'rsj',
          published: true,
        })
      ).statusCode,
    ).toBe(403);
    const res = await call(ctx, rider, 'POST', '/api/beehive/requests', {
      kind: 'wage_arrears',
      description: '站点拖欠两个月工资',
      measureIds: [m.json().id],
    });
    expect(res.statusCode).toBe(201);
    requestId = res.json().id;
    // Wed 2026-11-25 + 5 working days = Wed 2026-12-02, end of office hours
    expect(res.json()).toMatchObject({
      bodyKey: 'rsj',
      departmentCode: '421081-rsj',
      state: 'submitted',
      departmentName: '人力资源和社会保障局',
    });
    expect(new Date(res.json().dueAt).toISOString().slice(0, 10)).toBe('2026-12-02');
    const dispute = await call(ctx, rider, 'POST', '/api/beehive/requests', {
      kind: 'dispute',
      description: '与商家纠纷',
    });
    expect(dispute.json()).toMatchObject({ bodyKey: 'sfj', departmentCode: '421081-sfj' });
  });
  it('is answered by 人社 only, then rated by its worker', async () => {
    const queue = (await call(ctx, renshe, 'GET', '/api/beehive/console/requests')).json().items;
    expect(queue.map((r: { id: string }) => r.id)).toEqual([requestId]);
    expect(
      (await call(ctx, village, 'POST', `/api/beehive/console/requests/${requestId}/answer`, { answer: 'x' }))
        .statusCode,
    ).toBe(404);
    const ans = await call(ctx, renshe, 'POST', `/api/beehive/console/requests/${requestId}/answer`, {
      answer: '已责令限期支付',
    });
    expect(ans.json()).toMatchObject({ state: 'answered', answer: '已责令限期支付' });
    expect(
      (await call(ctx, renshe, 'POST', `/api/beehive/console/requests/${requestId}/answer`, { answer: 'y' })).json()
        .code,
    ).toBe('beehive_request_state');
    const back = await call(ctx, rider, 'POST', `/api/beehive/requests/${requestId}/rating`, {
      rating: 2,
      followUp: '还没有到账',
    });
    expect(back.json()).toMatchObject({ state: 'submitted', rating: 2, followUp: '还没有到账' });
    await call(ctx, renshe, 'POST', `/api/beehive/console/requests/${requestId}/answer`, { answer: '已到账' });
    const done = await call(ctx, rider, 'POST', `/api/beehive/requests/${requestId}/rating`, { rating: 5 });
    expect(done.json()).toMatchObject({ state: 'closed', rating: 5 });
    const all = (await call(ctx, county, 'GET', '/api/beehive/console/requests')).json().items;
    expect(all).toHaveLength(2);
    const workers = (await call(ctx, county, 'GET', '/api/beehive/console/workers')).json().items;
    expect(workers.map((w: { name: string }) => w.name)).toEqual(['骑手甲']);
  });
});

describe('the station list drilled to a place (a cockpit drill)', () => {
  it('narrows to the place within the officer’s, never beyond', async () => {
    const codes = async (actor: TestActor, q: string) => {
      const r = await call(ctx, actor, 'GET', `/api/beehive/console/stations?${q}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((s: { divisionCode: string }) => s.divisionCode) as string[];
    };
    const all = await codes(county, '');
    expect(all).toContain(TOWN);
    expect(all).toContain(VILLAGE);
    expect(await codes(county, `scope=${VILLAGE}`)).toEqual(all.filter((c) => c.startsWith(VILLAGE)));
    expect(await codes(village, 'scope=421081')).toEqual(await codes(village, ''));
    expect((await call(ctx, otherTown, 'GET', `/api/beehive/console/stations?scope=${VILLAGE}`)).statusCode).toBe(404);
  });
});

describe('administrator accounts', () => {
  it('refuses, naming the rule, to make an administrator account a woodpecker (三员分立), never a 500', async () => {
    const admin = await staffActor(ctx, 'security_admin', '421081', { username: 'sec-rider' });
    const worker = { name: '管理员', workKind: 'rider', platform: '美团', partyMember: false, consent: true };
    expect((await call(ctx, admin, 'POST', '/api/beehive/me', worker)).statusCode).toBe(201);
    const r = await call(ctx, admin, 'POST', '/api/beehive/me/woodpecker', { placeCode: VILLAGE });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'admin_account_dedicated' });
    expect(r.json().message).toContain('woodpecker');
  });
});
