/**
 * The world the fuzzer works in: a county with a grid, actors of several roles signed in by
 * cookie (and anonymous), a report, a photo, an Open311 client, and a pool of the ids and codes
 * the server has answered with (so hostile requests also reach real rows).
 */
import { invalidateGridIndex } from '../../src/server/modules/organisation';
import { createClient } from '../../src/server/modules/open311/open311.clients';
import { writeGrids } from '../../src/server/modules/organisation/organisation.write';
import type { Role } from '../../src/server/platform/actor';
import { COUNTY_SEAT, residentActor, squareAround } from '../fixtures';
import { call, PASSWORD, signIn, staffActor, type TestActor, type TestContext } from '../harness';
import { TINY_PNG } from './requests';
import type { Pool } from './schema-values';

/** Field names that take the same kind of value, so a value learnt under one serves the others. */
const ALIASES: Record<string, string[]> = {
  code: ['code', 'scope', 'scopeCode', 'divisionCode', 'placeCode', 'villageCode', 'householdCode', 'gridCode'],
  divisionCode: ['code', 'scope', 'scopeCode', 'divisionCode', 'placeCode'],
  scopeCode: ['code', 'scope', 'scopeCode', 'divisionCode', 'placeCode'],
  gridCode: ['code', 'scope', 'scopeCode', 'gridCode'],
  id: ['id', 'userId', 'caseId', 'itemId', 'awardId', 'handlerUserId', 'duplicateOf'],
  userId: ['id', 'userId', 'handlerUserId'],
  caseId: ['id', 'caseId', 'duplicateOf'],
  number: ['number', 'service_request_id', 'file'],
  service_code: ['service_code', 'categoryCode'],
};

export const FUZZ_ENV = {
  SESSION_IDLE_MINUTES: '1440',
  SESSION_MAX_HOURS: '720',
  RATE_LIMIT_SIGNIN_PER_MINUTE: '1000000',
  RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000000',
  REPORTS_PER_PERSON_PER_HOUR: '1000000',
};

export const GRID = '421081001007001'; // a grid of 金银垱社区, 绣林街道
const RESIDENT_PHONE = '13911112222';

const STAFF: [name: string, role: Role, scope: string, departmentCode?: string][] = [
  ['grid_worker', 'grid_worker', GRID],
  ['county_officer', 'county_officer', '421081'],
  ['department_handler', 'department_handler', '421081', '421081-zjj'],
  ['system_admin', 'system_admin', '421081'],
  ['security_admin', 'security_admin', '421081'],
  ['audit_admin', 'audit_admin', '421081'],
  // #16: the organisation department, the only reader of the leaders module
  ['org_officer', 'org_officer', '421081'],
];

/** The ids and codes fields that are worth reusing in later requests. */
const HARVEST =
  /^(id|number|code|userId|caseId|jobId|itemId|awardId|scopeCode|divisionCode|departmentCode|categoryCode|parentCode|gridCode|villageCode|householdCode|service_code|service_request_id)$/;
const POOL_MAX = 400;

export interface FuzzWorld {
  ctx: TestContext;
  /** Actor name → signed-in actor; "anonymous" is null. */
  actors: Map<string, TestActor | null>;
  readonly pool: Pool;
  csvHeaders: string[][];
  /** Signs an actor in again after a fuzzed request ended its session. */
  refresh(name: string): Promise<void>;
  /** Adds the ids and codes of a JSON answer to the pool. */
  harvest(value: unknown): void;
}

export async function buildWorld(ctx: TestContext): Promise<FuzzWorld> {
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: squareAround(COUNTY_SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);

  const actors = new Map<string, TestActor | null>([['anonymous', null]]);
  actors.set('resident', await residentActor(ctx, RESIDENT_PHONE));
  for (const [name, role, scope, departmentCode] of STAFF)
    actors.set(name, await staffActor(ctx, role, scope, { departmentCode }));
  const victim = await staffActor(ctx, 'village_officer', '421081001007');
  const ownIds = new Set([...actors.values()].map((a) => a?.userId));

  const all = new Set<string>([victim.userId, RESIDENT_PHONE]);
  const byName = new Map<string, Set<string>>();
  const learn = (name: string, value: string) => {
    if (all.size >= POOL_MAX || ownIds.has(value)) return;
    all.add(value);
    for (const n of ALIASES[name] ?? [name]) (byName.get(n) ?? byName.set(n, new Set()).get(n)!).add(value);
  };
  for (const code of ['421081', '421081001', '421081001007', GRID]) learn('code', code);
  learn('departmentCode', '421081-zjj');
  learn('userId', victim.userId);
  const harvest = (v: unknown, depth = 0): void => {
    if (all.size >= POOL_MAX || depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 20)) harvest(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && HARVEST.test(k) && x.length <= 80) learn(k, x);
      else harvest(x, depth + 1);
    }
  };
  const county = actors.get('county_officer')!;
  for (const c of (await call(ctx, county, 'GET', '/api/categories')).json() as { code: string }[])
    learn('categoryCode', c.code);
  for (const d of (await call(ctx, county, 'GET', '/api/departments')).json() as { code: string }[])
    learn('departmentCode', d.code);

  const resident = actors.get('resident')!;
  const report = await call(ctx, resident, 'POST', '/api/cases', {
    description: '路灯不亮了，晚上很黑',
    categoryCode: '01037',
    lng: COUNTY_SEAT[0],
    lat: COUNTY_SEAT[1],
  });
  if (report.statusCode !== 201) throw new Error(`seed report failed: ${report.body}`);
  harvest(report.json());
  learn('file', `${report.json().number}.json`);
  const photo = await ctx.app.inject({
    method: 'POST',
    url: `/api/cases/${report.json().id}/photos?stage=report`,
    payload: TINY_PNG,
    headers: { cookie: resident.cookie, 'content-type': 'image/png' },
  });
  if (photo.statusCode === 201) harvest(photo.json());
  const { apiKey } = await ctx.db.ownerTransaction((tx) => createClient(tx, 'fuzz client'));
  learn('api_key', apiKey);

  const registers = await call(ctx, actors.get('county_officer')!, 'GET', '/api/registers');
  const csvHeaders = (registers.json() as { name: string; columns: { header: { zh: string } | string }[] }[]).map(
    (r) => {
      learn('sheet', r.name);
      return r.columns.map((c) => (typeof c.header === 'string' ? c.header : c.header.zh));
    },
  );

  return {
    ctx,
    actors,
    csvHeaders,
    get pool() {
      return { all: [...all], byName: Object.fromEntries([...byName].map(([k, v]) => [k, [...v]])) };
    },
    harvest,
    async refresh(name) {
      const old = actors.get(name);
      if (!old) return;
      ctx.clock.advance(120_000); // past the SMS resend wait and the TOTP step just used
      actors.set(
        name,
        name === 'resident'
          ? await residentActor(ctx, RESIDENT_PHONE)
          : { ...old, cookie: await signIn(ctx, old.username, PASSWORD, old.totpSecret) },
      );
    },
  };
}
