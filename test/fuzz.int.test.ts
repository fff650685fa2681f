/**
 * The fuzz suite, short run: hostile requests for every operation of the OpenAPI document, as
 * every kind of actor and anonymously (fixed seed). No answer ≥ 500; every refusal in the error
 * shape with the message in the asked language; nothing written by a refused request; the audit
 * chain intact afterwards. The long run is scripts/fuzz.ts (figures in bench/README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/server/modules/audit/audit.service';
import { createTestContext, type TestContext } from './harness';
import { operationsOf } from './fuzz/openapi';
import { runFuzz } from './fuzz/runner';
import { buildWorld, FUZZ_ENV } from './fuzz/world';

const SEED = 20261125;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 12);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(FUZZ_ENV);
});
afterAll(async () => {
  await ctx.close();
});

describe('fuzzing every operation of the OpenAPI document', () => {
  it('finds the operations the server serves at /api/openapi.json', async () => {
    const served = await ctx.app.inject({ url: '/api/openapi.json' });
    const ops = operationsOf(served.json());
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.map((o) => o.key)).toEqual(
      expect.arrayContaining([
        'POST /api/cases',
        'POST /api/registers/{sheet}/imports',
        'POST /open311/v2/requests.json',
      ]),
    );
  });

  it('answers hostile input with no 5xx, the error shape, no partial writes, and the audit chain intact', async () => {
    const world = await buildWorld(ctx);
    const result = await runFuzz(world, { seed: SEED, runs: RUNS_PER_OPERATION });
    expect(result.requests).toBe(result.operations * RUNS_PER_OPERATION);

    const describe = (c: (typeof result.classes)[number]) => {
      const r = c.example.request;
      return `${c.key} ×${c.count}\n  as ${r.actor}: ${r.method} ${r.url.slice(0, 160)} ${JSON.stringify(r.headers).slice(0, 120)}\n  body ${JSON.stringify(r.payload?.toString() ?? '').slice(0, 200)}\n  answer ${c.example.answer.slice(0, 200)}`;
    };
    expect(result.classes.map(describe)).toEqual([]);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
    // ~60 s on a quiet 2-core machine; the time grows with every operation a module adds (12 runs each)
  }, 300_000);
});
