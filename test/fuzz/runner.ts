/**
 * Runs fuzzed requests for every operation and collects failures by class (operation, kind,
 * status, error message), keeping the shortest input of each class as its example.
 */
import fc from 'fast-check';
import { changedTables, errorShapeProblems, snapshotQuery } from './checks';
import { type Operation, operationsOf } from './openapi';
import { type FuzzRequest, requestArb } from './requests';
import { hasInvalidText, withoutInvalidText } from './values';
import type { FuzzWorld } from './world';

export type FailureKind = '5xx' | 'error-shape' | 'partial-write' | 'exception';

export interface Failure {
  op: string;
  kind: FailureKind;
  status: number;
  /** The error code or first problem: with op and kind, it names the failure class. */
  what: string;
  request: FuzzRequest;
  /** The answer (first 300 characters). */
  answer: string;
  /** The input holds a NUL byte or a lone surrogate. */
  invalidText: boolean;
  /** The same request without them answered below 500: the invalid text is the cause. */
  causedByInvalidText?: boolean;
}

export interface FailureClass {
  key: string;
  count: number;
  example: Failure;
}

export interface RunResult {
  operations: number;
  requests: number;
  statuses: Record<number, number>;
  /** Operation → status → count. */
  byOperation: Record<string, Record<number, number>>;
  classes: FailureClass[];
  ms: number;
}

export interface RunOptions {
  seed: number;
  /** Requests per operation. */
  runs: number;
  /** Only operations whose key matches. */
  only?: RegExp;
  onOperation?(op: Operation, index: number, total: number): void;
}

/** GETs first (their answers fill the pool), then writes without ids, then the rest. */
function ordered(ops: Operation[]): Operation[] {
  const rank = (o: Operation) => (o.method === 'GET' ? 0 : 2) + (o.path.includes('{') ? 1 : 0);
  return [...ops].sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key));
}

const size = (r: FuzzRequest) => r.url.length + (r.payload?.length ?? 0);

export async function runFuzz(world: FuzzWorld, opts: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const { ctx } = world;
  const ops = ordered(operationsOf(ctx.app.swagger())).filter((o) => !opts.only || opts.only.test(o.key));
  const snapshot = await snapshotQuery(ctx.db);
  const classes = new Map<string, FailureClass>();
  const statuses: Record<number, number> = {};
  const byOperation: Record<string, Record<number, number>> = {};
  let requests = 0;
  let counts = await snapshot();

  const fail = (f: Failure) => {
    const key = `${f.op} | ${f.kind} | ${f.status} | ${f.what}${f.causedByInvalidText ? ' | caused by NUL/lone surrogate' : ''}`;
    const c = classes.get(key);
    if (!c) classes.set(key, { key, count: 1, example: f });
    else {
      c.count++;
      if (size(f.request) < size(c.example.request)) c.example = f;
    }
  };

  for (const [index, op] of ops.entries()) {
    opts.onOperation?.(op, index, ops.length);
    const drawn = fc.sample(
      requestArb(op, { actors: [...world.actors.keys()], pool: world.pool, csvHeaders: world.csvHeaders }),
      { seed: opts.seed + index, numRuns: opts.runs },
    );
    for (const req of drawn) {
      requests++;
      const actor = world.actors.get(req.actor);
      const base = {
        op: op.key,
        request: req,
        invalidText: hasInvalidText(req.url + JSON.stringify(req.headers) + (req.payload?.toString() ?? '')),
      };
      const send = (r: FuzzRequest) =>
        ctx.app.inject({
          method: r.method as 'GET',
          url: r.url,
          payload: r.payload,
          headers: { ...r.headers, ...(actor ? { cookie: actor.cookie } : {}) },
        });
      let res: Awaited<ReturnType<typeof send>>;
      try {
        res = await send(req);
      } catch (e) {
        fail({ ...base, kind: 'exception', status: 0, what: String((e as Error).message).slice(0, 120), answer: '' });
        counts = await snapshot();
        continue;
      }
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      const mine = (byOperation[op.key] ??= {});
      mine[res.statusCode] = (mine[res.statusCode] ?? 0) + 1;
      const answer = res.body.slice(0, 300);
      // The counts after this request: the next request's baseline (taken once per request).
      let after: Record<string, number> | undefined;
      if (res.statusCode >= 400) {
        after = await snapshot();
        const changed = changedTables(counts, after);
        if (changed.length)
          fail({ ...base, kind: 'partial-write', status: res.statusCode, what: changed.join(','), answer });
      }
      if (res.statusCode >= 500) {
        after = undefined; // the replay below may write
        // the same request without the invalid text: does it still fail? (after the snapshot: the replay may write)
        const replay = base.invalidText ? await send(sanitised(req)).catch(() => null) : null;
        const causedByInvalidText = !!replay && replay.statusCode < 500;
        fail({ ...base, kind: '5xx', status: res.statusCode, what: codeOf(res.body), answer, causedByInvalidText });
      } else if (res.statusCode >= 400) {
        for (const p of errorShapeProblems(req, res))
          fail({ ...base, kind: 'error-shape', status: res.statusCode, what: p.slice(0, 120), answer });
      } else if (String(res.headers['content-type']).startsWith('application/json')) {
        world.harvest(safeJson(res.body));
        if (res.statusCode === 202) await settleImport(world, req, res.body);
      }
      counts = after ?? (await snapshot());
      if ((res.statusCode === 401 || res.statusCode === 403) && actor && (await sessionLost(world, req.actor))) {
        await world.refresh(req.actor);
        counts = await snapshot();
      }
    }
  }
  return {
    operations: ops.length,
    requests,
    statuses,
    byOperation,
    classes: [...classes.values()].sort((a, b) => a.key.localeCompare(b.key)),
    ms: Date.now() - started,
  };
}

/** The request with its NUL bytes and lone surrogates replaced (to find what a 500 was caused by). */
function sanitised(r: FuzzRequest): FuzzRequest {
  const payload = r.payload === undefined ? undefined : withoutInvalidText(r.payload.toString('latin1' as never));
  return {
    ...r,
    url: withoutInvalidText(r.url),
    headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, withoutInvalidText(v)])),
    ...(payload !== undefined
      ? { payload: typeof r.payload === 'string' ? withoutInvalidText(r.payload) : Buffer.from(payload, 'latin1') }
      : {}),
  };
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function codeOf(body: string): string {
  const j = safeJson(body) as { code?: string; message?: string } | { description?: string }[] | null;
  if (Array.isArray(j)) return `open311: ${j[0]?.description ?? ''}`;
  return j && typeof j === 'object' && 'code' in j ? `${j.code}` : body.slice(0, 80);
}

/** Did a fuzzed request (sign-out, revoke-sessions) end this actor's session? */
async function sessionLost(world: FuzzWorld, name: string): Promise<boolean> {
  const actor = world.actors.get(name);
  const me = await world.ctx.app.inject({ url: '/api/me', headers: { cookie: actor!.cookie } });
  return me.statusCode === 401;
}

/** An accepted register import runs after the answer: wait for it, so its rows are not blamed on the next request. */
async function settleImport(world: FuzzWorld, req: FuzzRequest, body: string) {
  const jobId = (safeJson(body) as { jobId?: string } | null)?.jobId;
  const actor = world.actors.get(req.actor);
  if (!jobId || !actor) return;
  for (let i = 0; i < 200; i++) {
    const r = await world.ctx.app.inject({ url: `/api/registers/imports/${jobId}`, headers: { cookie: actor.cookie } });
    if (r.statusCode !== 200 || r.json().state !== 'running') return;
    await new Promise((ok) => setTimeout(ok, 25));
  }
}
