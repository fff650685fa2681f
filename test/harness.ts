/**
 * Test harness: a fresh database per test file (cloned from the migrated template), the app on
 * it, a controllable clock, and actors with any role at any scope.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app';
import { createDeps } from '../src/server/bootstrap';
import { type Config, loadConfig } from '../src/server/config';
import type { Role } from '../src/server/platform/actor';
import { insertAssignment } from '../src/server/modules/access/access.repo';
import { insertUser, setTotp } from '../src/server/modules/identity/identity.repo';
import { hash as argon2Hash } from '@node-rs/argon2';
import { currentTotp, newTotpSecret } from '../src/server/modules/identity/identity.secrets';
import type { Database } from '../src/server/platform/db/db';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';
import type { Clock, Deps } from '../src/server/platform/deps';
import type { App } from '../src/server/platform/http/types';
import { withDatabase } from './global-setup';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
export const PASSWORD = 'Test@2026pw';
/** The header the web apps' API client sends with every request (the server's CSRF check wants it with a cookie). */
export const CLIENT_HEADERS = { 'x-requested-with': 'cocreate' } as const;

/** A new database with the migrated schema and Shishou's divisions. Also the PostgreSQL URL, if any. */
export async function createTestDatabase(): Promise<{ db: Database; url?: string }> {
  const info = inject('testDb');
  if (info.kind === 'pglite') {
    const blob = new Blob([readFileSync(info.dumpPath)]);
    return { db: await openPglite(undefined, blob) };
  }
  const name = `${info.template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: info.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${info.template}`);
  await admin.end();
  const url = withDatabase(info.url, name);
  return { db: await openPostgres(url), url };
}

export interface TestClock extends Clock {
  advance(ms: number): void;
  set(d: Date): void;
}

export function testClock(start = new Date()): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
}

const silent = { info() {}, warn() {}, error() {} };

export interface TestContext {
  db: Database;
  url?: string;
  deps: Deps;
  clock: TestClock;
  app: App;
  config: Config;
  close(): Promise<void>;
}

export async function createTestContext(
  env: Record<string, string> = {},
  web: { webDist?: string } = {},
): Promise<TestContext> {
  return contextOn(await createTestDatabase(), env, web);
}

/** The app, deps and clock on a given database (scripts open their own). */
export async function contextOn(
  { db, url }: { db: Database; url?: string },
  env: Record<string, string> = {},
  web: { webDist?: string } = {},
): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-test-data-'));
  const config = loadConfig({ COCREATE_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const clock = testClock();
  const deps = { ...createDeps(config, db, silent), clock };
  const app = await buildApp(deps, { demo: false, ...web });
  await app.ready();
  return {
    db,
    url,
    deps,
    clock,
    app,
    config,
    async close() {
      await app.close();
      await db.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestActor {
  userId: string;
  username: string;
  cookie: string;
  totpSecret?: string;
}

let counter = 0;

/**
 * One hash of the test password per process, with cheap argon2id parameters (test-only: verifying
 * it at sign-in then costs ~1 ms instead of ~40 ms). Production hashes use hashPassword's parameters.
 */
let testPasswordHash: Promise<string> | undefined;
const cheapPasswordHash = () =>
  (testPasswordHash ??= argon2Hash(PASSWORD, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 }));

/** Creates a staff user holding `role` at `scope` (administrators get TOTP) and signs them in. */
export async function staffActor(
  ctx: TestContext,
  role: Role,
  scope: string,
  opts: { departmentCode?: string; username?: string } = {},
): Promise<TestActor> {
  const username = opts.username ?? `${role.replace(/_/g, '')}${++counter}`;
  const passwordHash = await cheapPasswordHash();
  const admin = ['system_admin', 'security_admin', 'audit_admin'].includes(role);
  const totpSecret = admin ? newTotpSecret() : undefined;
  const userId = await ctx.db.ownerTransaction(async (tx) => {
    const id = await insertUser(tx, { kind: 'staff', username, displayName: `${role} ${username}`, passwordHash });
    if (totpSecret) await setTotp(tx, id, ctx.deps.crypto.encrypt(totpSecret), true, null);
    await insertAssignment(tx, {
      userId: id,
      role,
      scopeCode: scope,
      departmentCode: opts.departmentCode ?? null,
      grantedBy: null,
    });
    return id;
  });
  const cookie = await signIn(ctx, username, PASSWORD, totpSecret);
  return { userId, username, cookie, totpSecret };
}

export function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return first.split(';')[0];
}

export async function signIn(
  ctx: TestContext,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const cookie = cookieOf(res);
  if (res.json().stage === 'active') return cookie;
  const code = await currentTotp(totpSecret ?? res.json().secret, ctx.clock.now());
  const second = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/totp',
    payload: { code },
    headers: { cookie, ...CLIENT_HEADERS },
  });
  if (second.statusCode !== 200) throw new Error(`totp failed: ${second.body}`);
  return cookie;
}

/** Shorthand for an injected JSON request as an actor, sent as the web apps send it. */
export async function call(
  ctx: TestContext,
  actor: TestActor | null,
  method: string,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return ctx.app.inject({
    method: method as 'GET',
    url,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: { ...CLIENT_HEADERS, ...(actor ? { cookie: actor.cookie } : {}), ...headers },
  });
}
