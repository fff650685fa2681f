import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { createPointsContext, residentActor } from '../points/points.harness';

let ctx: TestContext;
let county: TestActor, town: TestActor, meituanRider: TestActor, elemeRider: TestActor;
let meituanId: string;

const member = (over: Record<string, unknown> = {}) => ({
  name: '美团外卖石首站',
  kind: 'platform',
  platformName: '美团',
  answersRequests: true,
  joinedOn: '2025-06-01',
  ...over,
});
const auditCount = async (action: string) =>
  Number(
    (await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))
      .rows[0].n,
  );
const request = (who: TestActor, kind: string) =>
  call(ctx, who, 'POST', '/api/beehive/requests', { kind, description: '超时罚款规则不透明' });

beforeAll(async () => {
  ctx = await createPointsContext();
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00')); // a Wednesday
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', '421081107');
  meituanRider = await residentActor(ctx, '13929000001');
  elemeRider = await residentActor(ctx, '13929000002');
  for (const [who, platform] of [
    [meituanRider, ' 美 团 '],
    [elemeRider, '饿了么'],
  ] as const)
    expect(
      (
        await call(ctx, who, 'POST', '/api/beehive/me', {
          name: `骑手${platform.trim()}`,
          workKind: 'rider',
          platform,
          partyMember: false,
          consent: true,
        })
      ).statusCode,
    ).toBe(201);
});
afterAll(async () => {
  await ctx.close();
});

describe('the alliance register', () => {
  it('registers a platform that answers its workers, counting the workers who name it however they typed it', async () => {
    const res = await call(ctx, county, 'POST', '/api/beehive/console/alliance', member());
    expect(res.statusCode).toBe(201);
    meituanId = res.json().id;
    expect(res.json()).toMatchObject({ answersRequests: true, workers: 1, platformName: '美团' });
    expect(res.json().departmentCode).toMatch(/^421081-pt-[0-9a-f]{12}$/);
    const dept = await ctx.db.owner.query('SELECT name FROM departments WHERE code = $1', [res.json().departmentCode]);
    expect(dept.rows[0]).toEqual({ name: '美团外卖石首站（本地站点）' });
    const assoc = await call(ctx, county, 'POST', '/api/beehive/console/alliance', {
      name: '石首市快递物流行业协会',
      kind: 'association',
      joinedOn: '2025-06-01',
    });
    expect(assoc.json()).toMatchObject({ answersRequests: false, workers: null, departmentCode: null });
    const pub = (await call(ctx, null, 'GET', '/api/beehive/alliance')).json().items;
    expect(pub.map((m: { name: string }) => m.name).sort()).toEqual(
      ['石首市快递物流行业协会', '美团外卖石首站'].sort(),
    );
  });

  it('refuses bad members with a named rule and writes nothing', async () => {
    const before = await auditCount('beehive.member_save');
    const cases: [Record<string, unknown>, number, string][] = [
      [member({ name: '美团二站', platformName: 'Ｍeituan', answersRequests: false }), 201, ''],
      [member({ name: '美团三站', platformName: ' 美团 ' }), 409, 'beehive_member_taken'],
      [member({ name: '美团外卖石首站', kind: 'association', platformName: null }), 409, 'beehive_member_taken'],
      [member({ name: '无名平台', platformName: null }), 400, 'beehive_member_platform'],
      [member({ name: '协会', kind: 'association' }), 400, 'beehive_member_platform'],
      [member({ name: '早退', platformName: '早退', leftOn: '2025-05-31' }), 400, 'beehive_member_dates'],
      [member({ name: '错日', platformName: '错日', joinedOn: '2026-02-30' }), 400, 'validation_failed'],
      [member({ name: '无党组织', platformName: '无党组织', partyOrgCode: 'nope' }), 404, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const res = await call(ctx, county, 'POST', '/api/beehive/console/alliance', body);
      expect([body.name, res.statusCode]).toEqual([body.name, status]);
      if (code) expect(res.json().code).toBe(code);
    }
    expect(await auditCount('beehive.member_save')).toBe(before + 1);
    expect((await call(ctx, town, 'POST', '/api/beehive/console/alliance', member({ name: 'x' }))).statusCode).toBe(
      403,
    );
    expect((await call(ctx, town, 'GET', '/api/beehive/console/alliance')).statusCode).toBe(200);
  });
});

describe('五帮 routing', () => {
  it("sends a complaint about platform rules to the worker's own platform when it answers, else to 市场监管", async () => {
    const mt = await request(meituanRider, 'platform_rules');
    expect(mt.statusCode).toBe(201);
    const members = (await call(ctx, county, 'GET', '/api/beehive/console/alliance')).json().items;
    const dept = members.find((m: { id: string }) => m.id === meituanId).departmentCode;
    expect(mt.json()).toMatchObject({ bodyKey: 'platform', departmentCode: dept });
    const el = await request(elemeRider, 'platform_rules');
    expect(el.json()).toMatchObject({ bodyKey: 'scjg', departmentCode: '421081-scjg' });
    // the platform's station staff answer their own; 市场监管's handler cannot
    const station = await staffActor(ctx, 'department_handler', '421081', { departmentCode: dept });
    const scjg = await staffActor(ctx, 'department_handler', '421081', { departmentCode: '421081-scjg' });
    expect((await call(ctx, station, 'GET', '/api/beehive/console/routes')).statusCode).toBe(200);
    expect((await call(ctx, meituanRider, 'GET', '/api/beehive/console/alliance')).statusCode).toBe(403);
    const path = `/api/beehive/console/requests/${mt.json().id}/answer`;
    expect((await call(ctx, scjg, 'POST', path, { answer: 'x' })).statusCode).toBe(404);
    expect((await call(ctx, station, 'POST', path, { answer: '已调整超时规则' })).json().state).toBe('answered');
  });

  it('stops sending to a platform from the day after it left the alliance', async () => {
    const left = await call(
      ctx,
      county,
      'PUT',
      `/api/beehive/console/alliance/${meituanId}`,
      member({ leftOn: '2026-11-24' }),
    );
    expect(left.statusCode).toBe(200);
    expect((await request(meituanRider, 'platform_rules')).json().bodyKey).toBe('scjg');
    await call(ctx, county, 'PUT', `/api/beehive/console/alliance/${meituanId}`, member());
    expect((await request(meituanRider, 'platform_rules')).json().bodyKey).toBe('platform');
  });

  it('lets the county change a route (audited, for new requests only); others may not', async () => {
    const old = await request(meituanRider, 'dispute');
    expect(old.json().bodyKey).toBe('sfj');
    const put = await call(ctx, county, 'PUT', '/api/beehive/console/routes/dispute', { body: 'zgh', workingDays: 3 });
    expect(put.statusCode).toBe(200);
    expect(put.json().items.find((r: { kind: string }) => r.kind === 'dispute')).toMatchObject({
      body: 'zgh',
      workingDays: 3,
      custom: true,
    });
    const res = await request(meituanRider, 'dispute');
    // Wed 2026-11-25 + 3 working days = Mon 2026-11-30
    expect(res.json()).toMatchObject({ bodyKey: 'zgh', departmentCode: '421081-zgh' });
    expect(new Date(res.json().dueAt).toISOString().slice(0, 10)).toBe('2026-11-30');
    const kept = (await call(ctx, county, 'GET', `/api/beehive/requests/${old.json().id}`)).json();
    expect(kept.bodyKey).toBe('sfj');
    expect(await auditCount('beehive.route_set')).toBe(1);
    const refused: [TestActor, string, unknown, number][] = [
      [town, 'dispute', { body: 'rsj', workingDays: 5 }, 403],
      [county, 'nope', { body: 'rsj', workingDays: 5 }, 400],
      [county, 'dispute', { body: 'police', workingDays: 5 }, 400],
      [county, 'dispute', { body: 'rsj', workingDays: 0 }, 400],
      [county, 'dispute', { body: 'rsj', workingDays: 5, extra: 1 }, 400],
    ];
    for (const [who, kind, body, status] of refused)
      expect((await call(ctx, who, 'PUT', `/api/beehive/console/routes/${kind}`, body)).statusCode).toBe(status);
    expect(await auditCount('beehive.route_set')).toBe(1);
  });
});
