/**
 * A cockpit figure's drill on the services lists (#17): the console's activities and errand board
 * take `scope` (a place within the viewer's), `from` and `to` (CST days); a place outside the
 * viewer's is not found, a bad day a 400 naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import {
  OTHER_VILLAGE,
  VILLAGE,
  createServicesContext,
  publish,
  residentActor,
  villageOfficer,
} from './services.testing';

const FAR_VILLAGE = '421081001007'; // another town
let ctx: TestContext;
let county: TestActor;
let town: TestActor;
let officer: TestActor;

type Row = { title?: string; divisionCode?: string; id: string };
const list = async (actor: TestActor, url: string): Promise<Row[]> => {
  const res = await call(ctx, actor, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

beforeAll(async () => {
  ctx = await createServicesContext();
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', '421081107');
  officer = await villageOfficer(ctx);
  ctx.clock.set(new Date('2026-11-10T10:00:00+08:00'));
  await publish(ctx, county, { title: '十一月百子庵' }, 60);
  await publish(ctx, county, { title: '十一月邻村', divisionCode: OTHER_VILLAGE }, 60);
  await publish(ctx, county, { title: '十一月他镇', divisionCode: FAR_VILLAGE }, 60);
  await publish(ctx, county, { title: '十二月百子庵' }, 30 * 24 * 60);
  const item = await call(ctx, county, 'PUT', '/api/services/console/errand-items', {
    code: 'drill_card',
    name: '社保卡补办',
    kind: '社会保障',
    documents: [],
    timeLimitDays: 3,
    active: true,
  });
  const resident = await residentActor(ctx, '13914200090');
  for (const [day, village] of [
    ['2026-10-20', VILLAGE],
    ['2026-11-05', VILLAGE],
    ['2026-11-06', FAR_VILLAGE],
  ]) {
    ctx.clock.set(new Date(`${day}T09:00:00+08:00`));
    const asked = await call(ctx, resident, 'POST', '/api/services/errands', {
      itemId: item.json().id,
      divisionCode: village,
      notes: '代办',
      documents: [],
    });
    expect(asked.statusCode, asked.body).toBe(201);
  }
});
afterAll(() => ctx.close());

describe('the console activities, drilled', () => {
  it('narrows to a place and the days the activities start on', async () => {
    const all = await list(county, '/api/services/console/activities');
    expect(all.map((a) => a.title).sort()).toEqual(['十一月他镇', '十一月百子庵', '十一月邻村', '十二月百子庵'].sort());
    const town107 = await list(
      county,
      '/api/services/console/activities?scope=421081107&from=2026-11-01&to=2026-11-30',
    );
    expect(town107.map((a) => a.title).sort()).toEqual(['十一月百子庵', '十一月邻村'].sort());
    const village = await list(
      county,
      `/api/services/console/activities?scope=${VILLAGE}&from=2026-11-01&to=2026-11-30`,
    );
    expect(village.map((a) => a.title)).toEqual(['十一月百子庵']);
  });

  it('never widens the viewer: a wider place reads the viewer’s own, a place apart is not found', async () => {
    const wider = await list(officer, '/api/services/console/activities?scope=421081');
    expect(wider.map((a) => a.title).sort()).toEqual(['十一月百子庵', '十二月百子庵'].sort());
    const apart = await call(ctx, town, 'GET', `/api/services/console/activities?scope=${FAR_VILLAGE}`);
    expect(apart.statusCode).toBe(404);
  });

  it('refuses a day that does not exist, naming the field in zh and en', async () => {
    const zh = await call(ctx, county, 'GET', '/api/services/console/activities?from=2026-02-30');
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'from' }] } });
    expect(zh.json().message).toContain('from');
    const en = await call(
      ctx,
      county,
      'GET',
      '/api/services/console/activities?from=2026-11-02&to=2026-11-01',
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toMatch(/^The request is not valid: to /);
  });
});

describe('the errand board, drilled', () => {
  it('narrows to a place and the days the errands were asked on', async () => {
    expect(await list(county, '/api/services/console/errands')).toHaveLength(3);
    const nov = await list(county, '/api/services/console/errands?scope=421081107&from=2026-11-01&to=2026-11-30');
    expect(nov.map((e) => e.divisionCode)).toEqual([VILLAGE]);
    const done = await list(county, '/api/services/console/errands?state=done&from=2026-11-01&to=2026-11-30');
    expect(done).toEqual([]);
  });

  it('a place outside the viewer’s is not found', async () => {
    const apart = await call(ctx, officer, 'GET', `/api/services/console/errands?scope=${FAR_VILLAGE}`);
    expect(apart.statusCode).toBe(404);
  });
});
