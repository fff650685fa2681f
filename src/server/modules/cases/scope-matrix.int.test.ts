/**
 * Lists and details agree (issue 10 item 5): for every queue and every role, at two regions, with
 * cases in three towns, each case a list returns opens through the detail endpoint, and no case of
 * another region appears. The pure rule (canReadCase) and its SQL (the detail) agree on every
 * actor × case; notifications and indicator drill-downs stay inside the same rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import {
  call,
  createTestContext,
  PASSWORD,
  signIn,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import type { Grant, Role, UserActor } from '../../platform/actor';
import { deliverOutbox } from '../../platform/outbox/outbox';
import { writeGrids } from '../organisation/organisation.write';
import { canReadCase } from './cases.policy';
import { findCase } from './cases.repo';
import { invalidateGridIndex } from '../organisation';
import { NOTIFY_TOPIC, notifyHandler } from './notify';
import { QUEUES } from './queues.repo';

const [x, y] = COUNTY_SEAT;
const PLACES = {
  A: { grid: '421081001007001', town: '421081001', village: '421081001007', at: [x, y] as [number, number] }, // 绣林街道 金银垱社区
  B: { grid: '421081107212001', town: '421081107', village: '421081107212', at: [x + 0.1, y] as [number, number] }, // 高基庙镇 百子庵村
  C: { grid: '421081106001001', town: '421081106', village: '421081106001', at: [x, y - 0.1] as [number, number] }, // 东升镇 滑家垱
};
type Region = keyof typeof PLACES;
const ZJJ = '421081-zjj';

let ctx: TestContext;
interface Who {
  name: string;
  actor: TestActor;
  grants: Grant[];
  region: Region | null;
  kind: 'staff' | 'resident';
}
const people: Who[] = [];
const caseIds: string[] = [];

async function staff(
  name: string,
  role: Role,
  scope: string,
  region: Region | null,
  departmentCode?: string,
): Promise<Who> {
  const w: Who = {
    name,
    actor: await staffActor(ctx, role, scope, { departmentCode }),
    grants: [{ role, scopeCode: scope, departmentCode: departmentCode ?? null }],
    region,
    kind: 'staff',
  };
  people.push(w);
  return w;
}
const asActor = (w: Who): UserActor => ({
  kind: 'user',
  userId: w.actor.userId,
  userKind: w.kind,
  displayName: w.name,
  homeDivisionCode: null,
  grants: w.grants,
  ip: null,
});
const ok = async (actor: TestActor, method: string, url: string, body?: unknown) => {
  const r = await call(ctx, actor, method, url, body);
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
  return r.json();
};

/** Every row of a paged list, following `next` to the last page. */
const everyRow = async (actor: TestActor, url: string) => {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(actor, 'GET', `${url}${cursor ? `${url.includes('?') ? '&' : '?'}cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.more ? page.next : undefined;
  } while (cursor);
  return items;
};

beforeAll(async () => {
  ctx = await createTestContext({
    RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '1000',
    REPORTS_PER_PERSON_PER_HOUR: '1000',
  });
  await ctx.db.transaction((tx) =>
    writeGrids(
      { tx, crypto: ctx.deps.crypto },
      Object.values(PLACES).map((p) => ({
        code: p.grid,
        name: `网格 ${p.grid}`,
        polygon: squareAround(p.at, 0.01),
        synthetic: true,
      })),
    ),
  );
  invalidateGridIndex(ctx.db);
  ctx.clock.set(new Date('2026-11-23T09:00:00+08:00')); // a Monday
  const reporter: Who = {
    name: 'reporter',
    actor: await residentActor(ctx, '13911110001'),
    grants: [],
    region: null,
    kind: 'resident',
  };
  const bystander: Who = {
    name: 'bystander',
    actor: await residentActor(ctx, '13911110002'),
    grants: [],
    region: null,
    kind: 'resident',
  };
  people.push(reporter, bystander);
  const county = await staff('county officer', 'county_officer', '421081', null);
  const handlers: Record<string, Who> = {};
  for (const r of ['A', 'B'] as const) {
    const p = PLACES[r];
    await staff(`grid worker ${r}`, 'grid_worker', p.grid, r);
    await staff(`village officer ${r}`, 'village_officer', p.village, r);
    await staff(`town officer ${r}`, 'town_officer', p.town, r);
    handlers[r] = await staff(`department handler (town) ${r}`, 'department_handler', p.town, r, ZJJ);
  }
  await staff('department handler (county)', 'department_handler', '421081', null, ZJJ);
  await staff('other department handler B', 'department_handler', PLACES.B.town, 'B', '421081-cgj');
  const dispatcher = county.actor;

  // in every town: a department matter waiting, one dispatched, one handled to feedback, one supervised; a grid matter waiting and one given to a person
  for (const r of ['A', 'B', 'C'] as const) {
    const p = PLACES[r];
    const report = async (categoryCode: string) => {
      const c = await ok(reporter.actor, 'POST', '/api/cases', {
        description: `${r} 路灯不亮，晚上很黑`,
        categoryCode,
        lng: p.at[0],
        lat: p.at[1],
        locationSource: 'map',
      });
      caseIds.push(c.id);
      return c.id as string;
    };
    await report('01037');
    const dispatched = await report('01037');
    const fed = await report('01037');
    const supervised = await report('01037');
    await report('06010');
    const toPerson = await report('06010');
    for (const id of [dispatched, fed, supervised]) {
      await ok(dispatcher, 'POST', `/api/cases/${id}/events`, { type: 'file' });
      await ok(dispatcher, 'POST', `/api/cases/${id}/events`, { type: 'dispatch', departmentCode: ZJJ });
    }
    const handler = r === 'C' ? people.find((w) => w.name === 'department handler (county)')! : handlers[r];
    await ok(handler.actor, 'POST', `/api/cases/${fed}/events`, { type: 'accept' });
    await ok(handler.actor, 'POST', `/api/cases/${fed}/events`, { type: 'feedback', note: '已修复' });
    await ok(dispatcher, 'POST', `/api/cases/${supervised}/events`, {
      type: 'supervise',
      note: '抓紧办理',
      due: '2026-12-31T00:00:00+08:00',
    });
    await ok(dispatcher, 'POST', `/api/cases/${toPerson}/events`, { type: 'file' });
    const worker =
      r === 'C'
        ? await staff('grid worker C', 'grid_worker', p.grid, 'C')
        : people.find((w) => w.name === `grid worker ${r}`)!;
    await ok(dispatcher, 'POST', `/api/cases/${toPerson}/events`, {
      type: 'dispatch',
      handlerUserId: worker.actor.userId,
    });
  }
  await deliverOutbox(ctx.db, { [NOTIFY_TOPIC]: notifyHandler(ctx.deps) }, ctx.clock.now());
  ctx.clock.advance(10 * 86_400_000); // the dispatched cases are overdue now; everyone signs in again
  for (const w of people)
    w.actor.cookie =
      w.kind === 'staff'
        ? await signIn(ctx, w.actor.username, PASSWORD)
        : (await residentActor(ctx, w.actor.username)).cookie;
}, 600_000);
afterAll(async () => {
  await ctx.close();
});

const regionOf = (code: string): Region | null =>
  (Object.keys(PLACES) as Region[]).find((r) => code.startsWith(PLACES[r].town)) ?? null;

describe('lists and details agree', () => {
  it('the pure rule and the detail endpoint agree for every actor and case', async () => {
    for (const w of people) {
      for (const id of caseIds) {
        const c = (await findCase(ctx.db, id))!;
        const detail = await call(ctx, w.actor, 'GET', `/api/cases/${id}`);
        expect([200, 404], detail.body).toContain(detail.statusCode);
        expect(detail.statusCode === 200, `${w.name} reading ${c.divisionCode} (${c.state})`).toBe(
          canReadCase(asActor(w), c),
        );
      }
    }
  });

  it('every queue of every role returns only cases its detail opens, never another region', async () => {
    let listed = 0;
    for (const w of people) {
      for (const queue of QUEUES) {
        const rows = (await everyRow(w.actor, `/api/cases?queue=${queue}`)) as { id: string }[];
        listed += rows.length;
        for (const { id } of rows) {
          const row = (await findCase(ctx.db, id))!; // the resident view carries no division
          expect(
            (await call(ctx, w.actor, 'GET', `/api/cases/${row.id}`)).statusCode,
            `${w.name} ${queue} lists ${row.divisionCode}`,
          ).toBe(200);
          if (w.region)
            expect(regionOf(row.divisionCode), `${w.name} ${queue} lists ${row.divisionCode}`).toBe(w.region);
        }
      }
    }
    expect(listed).toBeGreaterThan(100);
  });

  it('a town department handler sees its own town’s department tasks and none of another town (the 城管 defect)', async () => {
    const hB = people.find((w) => w.name === 'department handler (town) B')!;
    const tasks = (await everyRow(hB.actor, '/api/cases?queue=tasks')) as {
      divisionCode: string;
      handlerDepartment: string;
    }[];
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((c) => c.divisionCode.startsWith(PLACES.B.town) && c.handlerDepartment === ZJJ)).toBe(true);
    const countyHandler = people.find((w) => w.name === 'department handler (county)')!;
    const all = (await everyRow(countyHandler.actor, '/api/cases?queue=tasks')) as { divisionCode: string }[];
    expect(new Set(all.map((c) => regionOf(c.divisionCode)))).toEqual(new Set(['A', 'B', 'C']));
    const other = people.find((w) => w.name === 'other department handler B')!;
    expect(await everyRow(other.actor, '/api/cases?queue=tasks')).toEqual([]);
    for (const queue of ['overdue', 'verify', 'supervised', 'triage'] as const)
      expect((await everyRow(hB.actor, `/api/cases?queue=${queue}`)).length).toBe(0);
  });

  it('the handling candidates and photos of an unreadable case answer 404', async () => {
    const hB = people.find((w) => w.name === 'department handler (town) B')!;
    const inA = (await Promise.all(caseIds.map((id) => findCase(ctx.db, id)))).find(
      (c) => c!.divisionCode.startsWith(PLACES.A.town) && c!.handlerDepartment === ZJJ,
    )!;
    expect((await call(ctx, hB.actor, 'GET', `/api/cases/${inA.id}/handling-candidates`)).statusCode).toBe(404);
    expect((await call(ctx, hB.actor, 'POST', `/api/cases/${inA.id}/events`, { type: 'accept' })).statusCode).toBe(404);
  });

  it('a duplicate’s original outside the dispatcher’s scope answers like a missing case (no existence oracle)', async () => {
    const dispatcher = people.find((w) => w.name === 'town officer B')!.actor;
    const [waiting, ownOriginal] = [caseIds[6], caseIds[7]]; // town B: a department matter waiting, and another one
    const foreign = (await findCase(ctx.db, caseIds[0]))!; // town A
    const reject = (duplicateOf: string) =>
      call(ctx, dispatcher, 'POST', `/api/cases/${waiting}/events`, {
        type: 'reject',
        reason: 'duplicate',
        duplicateOf,
      });
    const hidden = await reject(foreign.number);
    const missing = await reject('SS-NO-SUCH-CASE');
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().message).toBe(missing.json().message.replace('SS-NO-SUCH-CASE', foreign.number));
    expect((await findCase(ctx.db, waiting))!.state).toBe('received');
    const own = (await findCase(ctx.db, ownOriginal))!;
    const done = await reject(own.number);
    expect(done.statusCode, done.body).toBe(200);
    expect((await findCase(ctx.db, waiting))!.duplicateOf).toBe(own.id);
  });

  it('notifications and indicator drill-downs list only cases the detail opens', async () => {
    let seen = 0;
    for (const w of people) {
      const notes = (await everyRow(w.actor, '/api/notifications')) as { caseId: string | null }[];
      for (const n of notes.filter((m) => m.caseId)) {
        const c = (await findCase(ctx.db, n.caseId!))!;
        if (!c.isPublic)
          expect(
            (await call(ctx, w.actor, 'GET', `/api/cases/${n.caseId}`)).statusCode,
            `${w.name} notified of ${c.divisionCode}`,
          ).toBe(200);
        if (w.region && !c.isPublic) expect(regionOf(c.divisionCode)).toBe(w.region);
        seen++;
      }
      for (const town of Object.values(PLACES).map((p) => p.town)) {
        const r = await call(
          ctx,
          w.actor,
          'GET',
          `/api/indicators/cases?dimension=town&key=${town}&measure=received&from=2026-11-01&to=2026-12-31`,
        );
        if (r.statusCode !== 200) continue;
        for (const line of r.json().items as { id: string; divisionCode: string }[]) {
          expect(
            (await call(ctx, w.actor, 'GET', `/api/cases/${line.id}`)).statusCode,
            `${w.name} drills into ${line.divisionCode}`,
          ).toBe(200);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });
});
