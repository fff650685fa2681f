/**
 * The province view (#17 item 6) on two real PostgreSQL instances: two county databases (石首市
 * 421081, 洪湖市 421083) on the test server publish their rollups; a province database (湖北省 42's
 * tree) on a second instance this file starts subscribes to both; the province's GET
 * /api/rollups/cases then answers for each county exactly what the county answers itself, and for
 * 荆州市 4210 and 湖北省 42 the union of both; a later case in one county arrives too. On PGlite the
 * commands refuse by name (no replication there).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCommand } from '../../../../test/cli-run';
import {
  call,
  contextOn,
  createTestContext,
  createTestDatabase,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { type SecondPostgres, startSecondPostgres } from '../../../../test/second-postgres';
import { withDatabase } from '../../../../test/global-setup';
import { importCounty, importProvince } from '../../init';
import { AppError, errorMessage } from '../../platform/errors';
import { migrate } from '../../platform/db/migrate';
import { openPostgres } from '../../platform/db/postgres';
import { ROLLUP_TABLES } from '../rollups';
import { deliverRollups } from '../rollups/rollups.testing';
import { ensureGrids, generateCases } from '../rollups/synthetic.testing';
import { provinceStatus, publishRollups, subscribeCounty } from './province.service';

const backend = inject('testDb').kind;
const PERIOD = 'from=2026-09-01&to=2026-12-01';
const DIMENSIONS = ['town', 'village', 'category', 'department'] as const;

describe.runIf(backend === 'pglite')('the province commands on PGlite', () => {
  it('refuse by name: the province view needs PostgreSQL', async () => {
    const { db } = await createTestDatabase();
    try {
      for (const run of [() => publishRollups(db), () => subscribeCounty(db, '421081', 'postgresql://x@127.0.0.1/y')]) {
        const e = await run().catch((x: unknown) => x);
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('province_needs_postgresql');
      }
      expect(errorMessage('province_needs_postgresql', 'zh-CN')).toContain('PGlite');
      expect(errorMessage('province_needs_postgresql', 'en')).toContain('needs PostgreSQL');
    } finally {
      await db.close();
    }
  });
});

describe.skipIf(backend !== 'postgresql')(
  'the province view (PostgreSQL only: logical replication between two PostgreSQL instances; PGlite has none)',
  () => {
    let shishou: TestContext, honghu: TestContext, province: TestContext;
    let second: SecondPostgres;
    let officers: Map<TestContext, TestActor>;
    const subscribed = new Set<string>();

    beforeAll(async () => {
      // the province's server first: its initdb runs while the counties' cases are written
      const started = startSecondPostgres();
      [shishou, honghu] = await Promise.all([createTestContext(), createTestContext()]);
      await importCounty(honghu.db, '421083', 'test');
      for (const [ctx, county, count, seed] of [
        [shishou, '421081', 1200, 1],
        [honghu, '421083', 800, 2],
      ] as const) {
        await ensureGrids(ctx.db.owner, county, 2);
        expect(await generateCases(ctx.db.owner, { county, count, firstDay: '2026-09-01', days: 90, seed })).toBe(
          count,
        );
        ctx.clock.set(new Date('2026-12-10T08:00:00+08:00'));
        await deliverRollups(ctx.deps, ctx.clock.now());
      }
      second = await started;
      const admin = new pg.Client({ connectionString: second.url });
      await admin.connect();
      await admin.query('CREATE DATABASE cocreate_province');
      await admin.end();
      const url = withDatabase(second.url, 'cocreate_province');
      const db = await openPostgres(url);
      await migrate(db);
      await importProvince(db, '42');
      province = await contextOn({ db, url });
      officers = new Map([
        [shishou, await staffActor(shishou, 'county_officer', '421081')],
        [honghu, await staffActor(honghu, 'county_officer', '421083')],
        [province, await staffActor(province, 'county_officer', '42')],
      ]);
    }, 120_000);

    afterAll(async () => {
      for (const county of subscribed)
        await runCommand(`province unsubscribe --name ${county}`, { DATABASE_URL: province?.url }).catch(() => {});
      await province?.close();
      second?.stop();
      for (const ctx of [shishou, honghu]) {
        if (!ctx) continue;
        // a slot left behind (the province stopped first) would keep the county database from being dropped
        await ctx.db.owner
          .query(
            `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = current_database() AND NOT active`,
          )
          .catch(() => {});
        await ctx.close();
      }
    });

    const table = async (ctx: TestContext, by: string, scope: string) => {
      const r = await call(ctx, officers.get(ctx)!, 'GET', `/api/rollups/cases?by=${by}&scope=${scope}&${PERIOD}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    /** Polls (every 200 ms, at most 30 s) until `done` holds. */
    const until = async (what: string, done: () => Promise<boolean>) => {
      const deadline = Date.now() + 30_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const received = async (ctx: TestContext, scope: string) => (await table(ctx, 'town', scope)).total.received;

    it('refuses what cannot work, by name: no logical WAL, an unknown county, a database of another county', async () => {
      const noWal = await runCommand('province publish', { DATABASE_URL: province.url });
      expect((noWal.error as AppError).code).toBe('province_wal_level'); // the second server runs wal_level = replica
      expect(errorMessage('province_wal_level', 'zh-CN', (noWal.error as AppError).details)).toContain('replica');
      const unknown = await runCommand(`province subscribe --name 429999 --from ${shishou.url}`, {
        DATABASE_URL: province.url,
      });
      expect((unknown.error as AppError).code).toBe('province_county_invalid');
      const published = await runCommand('province publish', { DATABASE_URL: shishou.url });
      expect(published.out).toContain('已发布 Published: case_rollups');
      const again = await runCommand('province publish', { DATABASE_URL: shishou.url });
      expect(again.out).toContain('已在发布 Already published');
      const wrong = await runCommand(`province subscribe --name 421083 --from ${shishou.url}`, {
        DATABASE_URL: province.url,
      });
      expect((wrong.error as AppError).code).toBe('province_publisher_invalid');
      expect(await provinceStatus(province.db)).toEqual([]);
    });

    it("receives both counties' rollups: each county's figures as the county answers them, the city's and the province's their union", async () => {
      expect((await runCommand('province publish', { DATABASE_URL: honghu.url })).code).toBe(0);
      for (const [county, ctx] of [
        ['421081', shishou],
        ['421083', honghu],
      ] as const) {
        const r = await runCommand(`province subscribe --name ${county} --from ${ctx.url}`, {
          DATABASE_URL: province.url,
        });
        expect(r.code, r.err).toBe(0);
        subscribed.add(county);
      }
      const [a, b] = [await received(shishou, '421081'), await received(honghu, '421083')];
      expect([a, b]).toEqual([expect.any(Number), expect.any(Number)]);
      expect(a).toBeGreaterThan(500);
      await until('both counties copied', async () => (await received(province, '4210')) === a + b);
      await until('every table ready', async () =>
        (await provinceStatus(province.db)).every((s) => s.ready === s.tables && s.tables > 0),
      );

      for (const by of DIMENSIONS) {
        // each county, as the county itself answers
        expect(await table(province, by, '421081'), by).toEqual(await table(shishou, by, '421081'));
        expect(await table(province, by, '421083'), by).toEqual(await table(honghu, by, '421083'));
      }
      // 荆州市 and 湖北省: the towns of both counties, and the sums
      const towns = [...(await table(shishou, 'town', '421081')).rows, ...(await table(honghu, 'town', '421083')).rows];
      type Row = { key: string; rank: number };
      /** The rows by key, without their rank (a city ranks the towns of both counties together). */
      const byKey = (rows: Row[]) => [...rows].sort((x, y) => (x.key < y.key ? -1 : 1)).map(({ rank: _, ...r }) => r);
      for (const scope of ['4210', '42']) {
        const city = await table(province, 'town', scope);
        expect(city.rows.length).toBe(towns.length);
        expect(byKey(city.rows)).toEqual(byKey(towns));
        const [s, h] = [(await table(shishou, 'town', '421081')).total, (await table(honghu, 'town', '421083')).total];
        for (const k of ['received', 'filed', 'due', 'closed'] as const) expect(city.total[k], k).toBe(s[k] + h[k]);
      }
      // the province's cockpit: 荆州市's counties ranked, each with what it reports itself
      for (const place of ['4210', '42']) {
        const r = await call(
          province,
          officers.get(province)!,
          'GET',
          `/api/cockpit?place=${place}&from=2026-09-01&to=2026-11-30`,
        );
        expect(r.statusCode, r.body).toBe(200);
        const handling = r.json().panels.find((p: { key: string }) => p.key === 'cases.handling');
        expect(handling.status).toBe('ready');
        expect(handling.figures.find((f: { key: string }) => f.key === 'cases.received').value).toBe(a + b);
        const ranking = handling.rankings
          .concat(r.json().panels.flatMap((p: { rankings: unknown[] }) => p.rankings))
          .find((k: { key: string }) => k.key === 'cases.received.by_place');
        expect(ranking.by).toBe(place === '42' ? 'city' : 'county');
        const rows = Object.fromEntries(ranking.rows.map((x: { code: string; value: number }) => [x.code, x.value]));
        if (place === '4210') expect(rows).toMatchObject({ '421081': a, '421083': b });
        else expect(rows['4210']).toBe(a + b);
      }
      const status = await runCommand('province status', { DATABASE_URL: province.url });
      expect(status.out).toMatch(
        new RegExp(
          `421081 石首市 {2}启用 enabled {2}表 tables ${ROLLUP_TABLES.length}/${ROLLUP_TABLES.length} 就绪 ready {2}最后接收 last received 20\\d\\d-`,
        ),
      );
      // the province's rollups are the counties' rows: a rebuild there is refused, naming why
      const rebuild = await runCommand('rollups rebuild', { DATABASE_URL: province.url });
      expect(rebuild.error).toBeInstanceOf(AppError);
      expect((rebuild.error as AppError).code).toBe('rollups_subscribed');
      expect(errorMessage('rollups_subscribed', 'en')).toContain('province installation');
      expect(status.out).toContain('421083 洪湖市');
    }, 120_000);

    it("streams a later case and a county's full rebuild, and forgets a county it stops receiving", async () => {
      const before = await received(honghu, '421083');
      await generateCases(honghu.db.owner, {
        county: '421083',
        count: 1,
        firstDay: '2026-10-15',
        days: 1,
        seed: 3,
        offset: 10_000,
      });
      await deliverRollups(honghu.deps, honghu.clock.now());
      expect(await received(honghu, '421083')).toBe(before + 1);
      await until('the new case', async () => (await received(province, '421083')) === before + 1);
      expect(await table(province, 'village', '421083')).toEqual(await table(honghu, 'village', '421083'));

      // a county's full rebuild deletes and rewrites its rows (a TRUNCATE would not replicate, and the
      // rewritten rows would then clash on the province and stop its stream): a case after it still arrives
      const rebuilt = await runCommand('rollups rebuild', { DATABASE_URL: shishou.url });
      expect(rebuilt.code, rebuilt.err).toBe(0);
      await generateCases(shishou.db.owner, {
        county: '421081',
        count: 1,
        firstDay: '2026-11-20',
        days: 1,
        seed: 4,
        offset: 10_000,
      });
      await deliverRollups(shishou.deps, shishou.clock.now());
      const after = await received(shishou, '421081');
      await until('the case after the rebuild', async () => (await received(province, '421081')) === after);
      expect(await table(province, 'village', '421081')).toEqual(await table(shishou, 'village', '421081'));
      expect(await received(province, '421083')).toBe(before + 1); // the other county untouched

      const r = await runCommand('province unsubscribe --name 421083', { DATABASE_URL: province.url });
      expect(r.code, r.err).toBe(0);
      subscribed.delete('421083');
      expect((await table(province, 'town', '421083')).rows).toEqual([]);
      expect(await received(province, '4210')).toBe(await received(shishou, '421081'));
      const slots = await honghu.db.owner.query(
        `SELECT 1 FROM pg_replication_slots WHERE slot_name = 'cocreate_421083'`,
      );
      expect(slots.rows).toEqual([]); // dropped on the county too
    }, 120_000);
  },
);
