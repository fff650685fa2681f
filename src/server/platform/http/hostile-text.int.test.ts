/**
 * Hostile text through HTTP: NUL bytes and lone surrogates anywhere in a request are a 400 naming
 * the field, never a 500; bodies that are not files on file routes are a 415; the audit trail
 * verifies whatever was typed at sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentActor } from '../../../../test/fixtures';
import {
  CLIENT_HEADERS,
  call,
  createTestContext,
  staffActor,
  type TestActor,
  type TestContext,
} from '../../../../test/harness';
import { verifyAuditChain } from '../../modules/audit/audit.service';
import { writeGrids } from '../../modules/organisation/organisation.write';
import { getJob, waitForJob } from '../../modules/organisation/registers.jobs';
import { appendAudit } from '../audit/audit.repo';
import { toAppError } from './error-handler';

const V = '421081107212';
const G1 = `${V}001`;
const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});
const HH = (n: number) => `${G1}000${String(n).padStart(4, '0')}`;

let ctx: TestContext;
let village: TestActor;
let resident: TestActor;
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000' });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: G1, name: '一网格', polygon: square(112.4, 29.7), synthetic: true },
    ]),
  );
  village = await staffActor(ctx, 'village_officer', V);
  resident = await residentActor(ctx, '13900000901');
});
afterAll(async () => {
  await ctx.close();
});

const REPORT = { description: '路灯不亮，晚上很黑', categoryCode: '01037', lng: 112.405, lat: 29.705 };
const count = async (sql: string) => (await ctx.db.owner.query<{ n: number }>(sql)).rows[0].n;

describe('invalid text is refused at one place, naming the field', () => {
  const cases: Array<[string, () => ReturnType<typeof call>, string]> = [
    [
      'a NUL in a JSON field',
      () => call(ctx, resident, 'POST', '/api/cases', { ...REPORT, description: '路灯\u0000不亮' }),
      'body.description',
    ],
    [
      'a lone surrogate deep in JSON',
      () => call(ctx, resident, 'POST', '/api/cases', { ...REPORT, extra: { note: ['ok', { x: 'a\ud800' }] } }),
      'body.extra.note.1.x',
    ],
    [
      'a bad key',
      () => call(ctx, resident, 'POST', '/api/cases', { ...REPORT, extra: { 'k\u0000': 1 } }),
      'body.extra.k\\u0000',
    ],
    ['a NUL in the query', () => call(ctx, village, 'GET', '/api/audit?action=a%00b'), 'query.action'],
    ['a NUL in a path parameter', () => call(ctx, village, 'GET', '/api/cases/%00'), 'params.id'],
    [
      'a NUL in a free-text path parameter',
      () => call(ctx, village, 'GET', '/api/registers/a%00/template.xlsx'),
      'params.sheet',
    ],
    [
      'a lone surrogate at sign-in, signed out',
      () => call(ctx, null, 'POST', '/api/auth/sign-in', { username: '\ud800', password: 'x' }),
      'body.username',
    ],
    [
      'a NUL in a form field (Open311)',
      () =>
        ctx.app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          payload: 'api_key=k&service_code=01037&lat=29.7&long=112.4&description=a%00b',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      'body.description',
    ],
  ];
  it.each(cases)('%s', async (_name, send, field) => {
    const r = await send();
    expect(r.statusCode, r.body).toBe(400);
    const body = r.json();
    const message = JSON.stringify(body);
    expect(message).toContain(field.replace(/\\/g, '\\\\'));
    if (!Array.isArray(body)) expect(body).toMatchObject({ code: 'text_invalid', details: { field } }); // Open311 answers in its own format
  });

  it('explains in English too, and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM cases');
    const r = await call(
      ctx,
      resident,
      'POST',
      '/api/cases',
      { ...REPORT, title: '\udfff' },
      { 'accept-language': 'en' },
    );
    expect(r.json()).toMatchObject({
      code: 'text_invalid',
      details: { field: 'body.title', problem: 'lone_surrogate' },
    });
    expect(r.json().message).toContain('"body.title" contains invalid characters');
    expect(await count('SELECT count(*)::int AS n FROM cases')).toBe(before);
  });

  it('accepts well-formed text of every kind, and cuts a default title without splitting an emoji', async () => {
    const description = `${'路'.repeat(29)}😀😀 👨‍👩‍👧 𠮷`;
    const r = await call(ctx, resident, 'POST', '/api/cases', { ...REPORT, description });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().title).toBe(`${'路'.repeat(29)}😀`);
    expect(r.json().description).toBe(description);
  });

  it('maps a value the database still refuses to a 400, as the net behind the hook', async () => {
    const refused = await ctx.db.query('SELECT $1::jsonb AS v', ['"\\u0000"']).catch((e: unknown) => e);
    expect(toAppError(refused as never)).toMatchObject({ code: 'value_unstorable', status: 400 });
    const lone = await ctx.db.query('SELECT $1::jsonb AS v', ['"\\ud800"']).catch((e: unknown) => e);
    expect(toAppError(lone as never)).toMatchObject({ code: 'value_unstorable', status: 400 });
    const divided = await ctx.db.query('SELECT 1 / 0 AS v').catch((e: unknown) => e);
    expect(toAppError(divided as never)).toBeNull(); // the server's own fault stays a 500
    const rounded = await ctx.db
      .ownerTransaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE money (yuan numeric(10, 2) CHECK (yuan > 0)) ON COMMIT DROP');
        await tx.query('INSERT INTO money VALUES ($1)', [0.000005]); // rounds to 0.00: the CHECK refuses it
      })
      .catch((e: unknown) => e);
    expect(toAppError(rounded as never)).toMatchObject({ code: 'value_unstorable', status: 400 });
    // two identical requests at the same instant: the second meets the unique index, not the service's check
    const twice = await ctx.db
      .ownerTransaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE once (k text PRIMARY KEY) ON COMMIT DROP');
        await tx.query("INSERT INTO once VALUES ('a'), ('a')");
      })
      .catch((e: unknown) => e);
    expect(toAppError(twice as never)).toMatchObject({ code: 'duplicate_write', status: 409 });
  });

  it('refuses a points exchange below one fen (it would round to 0 yuan) as a 400', async () => {
    const admin = await staffActor(ctx, 'system_admin', '421081');
    const r = await call(ctx, admin, 'PUT', '/api/points/console/settings/421081104', {
      exchangePoints: 10,
      exchangeYuan: 0.000005,
    });
    expect(r.statusCode, r.body).toBe(400);
  });
});

describe('the audit trail hashes what it stores', () => {
  it('verifies after rows whose text the database normalises, through both writers', async () => {
    await ctx.db.transaction((tx) =>
      appendAudit(tx, {
        actorId: null,
        actorLabel: '\ud800',
        ip: '127.0.0.1',
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: 'x\u0000',
        scopeCode: null,
        before: null,
        after: { username: '\udc00', ['k\u0000']: 'v' },
        outcome: 'failure',
      }),
    );
    const { rows } = await ctx.db.owner.query<{ actor_label: string; after: Record<string, string> }>(
      `SELECT actor_label, after FROM audit_log WHERE entity_id = 'x\uFFFD'`,
    );
    expect(rows[0]).toMatchObject({ actor_label: '\uFFFD', after: { username: '\uFFFD', 'k\uFFFD': 'v' } });
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, breaks: 0 });
    const verify = await call(ctx, await staffActor(ctx, 'audit_admin', '421081'), 'GET', '/api/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, breaks: 0, brokenChains: [] });
  });
});

describe('file routes take files only', () => {
  const importUrl = '/api/registers/households/imports?mode=dry-run&format=csv';
  it('a register import with a JSON body or none is a 415 naming what to send, an empty file a 400', async () => {
    const json = await call(ctx, village, 'POST', importUrl, { rows: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'upload_expected', details: { got: 'application/json' } });
    expect(json.json().message).toContain('text/csv');
    const none = await ctx.app.inject({
      method: 'POST',
      url: importUrl,
      headers: { ...CLIENT_HEADERS, cookie: village.cookie },
    });
    expect(none.statusCode).toBe(415);
    expect(none.json()).toMatchObject({ code: 'upload_expected', details: { got: 'an empty body' } });
    const empty = await ctx.app.inject({
      method: 'POST',
      url: importUrl,
      payload: '',
      headers: { ...CLIENT_HEADERS, cookie: village.cookie, 'content-type': 'text/csv' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('upload_empty');
  });

  it('a photo upload with a JSON body or none is a 415', async () => {
    const url = '/api/cases/00000000-0000-4000-8000-000000000000/photos?stage=report';
    expect((await call(ctx, resident, 'POST', url, { image: 'x' })).statusCode).toBe(415);
    expect(
      (await ctx.app.inject({ method: 'POST', url, headers: { ...CLIENT_HEADERS, cookie: resident.cookie } }))
        .statusCode,
    ).toBe(415);
  });

  const importRows = async (payload: Buffer, format: 'csv' | 'xlsx') => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/registers/households/imports?mode=valid-only&format=${format}`,
      payload,
      headers: {
        ...CLIENT_HEADERS,
        cookie: village.cookie,
        'content-type': format === 'csv' ? 'text/csv' : 'application/octet-stream',
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    return (await waitForJob(getJob({ kind: 'user', userId: village.userId } as never, res.json().jobId))).result!;
  };

  it('a CSV cell with a NUL is a row error naming row and column; the other rows import', async () => {
    // UTF-16 with a BOM carries NUL code units as text (a UTF-8 file with NUL bytes is refused whole as not text)
    const csv = ['户编码,地址,经度,纬度', `${HH(1)},一号,,`, `${HH(2)},二\u0000号,,`, `${HH(3)},三号,,`].join('\n');
    const r = await importRows(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]), 'csv');
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, '地址', 'text_invalid']]);
    expect(r.errors[0].reason.en).toContain('NUL');
    expect(r.importedRows).toBe(2);
  });
});
