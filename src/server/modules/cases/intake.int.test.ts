/**
 * Reports written in groups (intake.writer): many at once, each answered on its own — created,
 * replayed, or refused — with everything that belongs to a case written with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { verifyAuditChain } from '../audit/audit.service';
import { writeGrids } from '../organisation/organisation.write';
import { formatCaseNumber, takeCaseSequences } from './case-numbers';
import { findCase } from './cases.repo';
import { invalidateGridIndex } from '../organisation';
import { presentCase } from './queries.service';

const SEAT = COUNTY_SEAT;
const GRID = '421081001007001';
const LIMIT = 4;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({
    RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000',
    REPORTS_PER_PERSON_PER_HOUR: String(LIMIT),
  });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: squareAround(SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
});
afterAll(async () => {
  await ctx.close();
});

const report = (actor: TestActor, n: number, key?: string, extra: Record<string, unknown> = {}) =>
  call(
    ctx,
    actor,
    'POST',
    '/api/cases',
    {
      description: `楼道堆放杂物，影响通行（${n}）`,
      categoryCode: '01037',
      lng: SEAT[0] + n * 1e-5,
      lat: SEAT[1],
      ...extra,
    },
    key ? { 'idempotency-key': key } : {},
  );

const count = async (sql: string, params: unknown[]) =>
  (await ctx.db.owner.query<{ n: number }>(sql, params)).rows[0].n;

describe('reports written in groups', () => {
  it('writes concurrent reports each with its own number, timeline, follower, outbox message and audit row', async () => {
    const people: TestActor[] = [];
    for (const phone of ['13900000101', '13900000102', '13900000103', '13900000104', '13900000105'])
      people.push(await residentActor(ctx, phone)); // one at a time: the fixture reads the last SMS
    const sent = await Promise.all(
      people.flatMap((p, i) => [0, 1, 2].map((k) => report(p, i * 10 + k, `group-${i}-${k}`))),
    );
    expect(sent.map((r) => r.statusCode)).toEqual(Array(15).fill(201));
    const cases = sent.map((r) => r.json());
    expect(new Set(cases.map((c) => c.id)).size).toBe(15);
    expect(new Set(cases.map((c) => c.number)).size).toBe(15);
    for (const [i, c] of cases.entries()) {
      expect(c).toMatchObject({
        state: 'received',
        description: `楼道堆放杂物，影响通行（${Math.floor(i / 3) * 10 + (i % 3)}）`,
      });
      expect(await findCase(ctx.db, c.id)).toMatchObject({
        gridCode: GRID,
        reporterId: people[Math.floor(i / 3)].userId,
      });
    }
    const ids = cases.map((c) => c.id);
    expect(
      await count("SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1::uuid[]) AND type = 'receive'", [
        ids,
      ]),
    ).toBe(15);
    expect(await count('SELECT count(*)::int AS n FROM case_followers WHERE case_id = ANY($1::uuid[])', [ids])).toBe(
      15,
    );
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE payload->>'caseId' = ANY($1::text[])", [ids])).toBe(
      15,
    );
    const audits = (
      await ctx.db.owner.query<{ entity_id: string; after: { number: string } }>(
        "SELECT entity_id, after FROM audit_log WHERE action = 'cases.report' AND entity_id = ANY($1::text[])",
        [ids],
      )
    ).rows;
    expect(audits).toHaveLength(15);
    for (const a of audits) expect(a.after.number).toBe(cases.find((c) => c.id === a.entity_id).number);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
    // the answer is built from what was written, not read back: it must be the stored row
    for (const c of [cases[0], cases[14]]) {
      const { actions: _a, ...stored } = presentCase({ kind: 'anonymous', ip: null }, (await findCase(ctx.db, c.id))!);
      const { actions: _b, ...answered } = c;
      expect(answered).toEqual(JSON.parse(JSON.stringify(stored)));
    }
  });

  it('answers a repeated Idempotency-Key as a replay, in the same group or a later one, without holding up the others', async () => {
    const r = await residentActor(ctx, '13900000201');
    const burst = await Promise.all([
      report(r, 1, 'same-key-0001'),
      report(r, 1, 'same-key-0001'),
      report(r, 2, 'other-key-0001'),
    ]);
    expect(burst.map((x) => x.statusCode).sort()).toEqual([200, 201, 201]);
    const [a, b] = burst.map((x) => x.json());
    expect(b.id).toBe(a.id);
    // later: the replay rides in a group with a new report (the statement refuses, the group is checked and written again)
    const later = await Promise.all([report(r, 1, 'same-key-0001'), report(r, 3, 'third-key-0001')]);
    expect(later.map((x) => x.statusCode)).toEqual([200, 201]);
    expect(later[0].json().id).toBe(a.id);
    expect(await count('SELECT count(*)::int AS n FROM cases WHERE reporter_id = $1', [r.userId])).toBe(3);
  });

  it('refuses only the reports past the hourly limit when a person sends many at once', async () => {
    const eager = await residentActor(ctx, '13900000301');
    const other = await residentActor(ctx, '13900000302');
    const sent = await Promise.all([
      ...Array.from({ length: LIMIT + 2 }, (_, i) => report(eager, i)),
      report(other, 99),
    ]);
    const eagerStatuses = sent.slice(0, LIMIT + 2).map((x) => x.statusCode);
    expect(eagerStatuses.filter((s) => s === 201)).toHaveLength(LIMIT);
    expect(eagerStatuses.filter((s) => s === 429)).toHaveLength(2);
    expect(sent.find((x) => x.statusCode === 429)!.json().code).toBe('rate_limited');
    expect(sent[LIMIT + 2].statusCode).toBe(201);
    expect(await count('SELECT count(*)::int AS n FROM cases WHERE reporter_id = $1', [eager.userId])).toBe(LIMIT);
    // and one more later is refused by the statement's own check
    expect((await report(eager, 50)).statusCode).toBe(429);
  });

  it('replays a report entered on behalf of a resident under the same key (the key belongs to the staff member)', async () => {
    const town = await staffActor(ctx, 'town_officer', '421081001');
    const body = { onBehalfOf: { name: '王大爷', phone: '13812345678' } };
    const first = await report(town, 7, 'phone-call-0001', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ reporterId: null, reporterName: '王大爷', enteredBy: town.userId });
    const again = await report(town, 7, 'phone-call-0001', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });

  it('numbers cases from reserved blocks of the sequence: unique and increasing within the process', async () => {
    const [a, b] = await Promise.all([takeCaseSequences(ctx.db, 3), takeCaseSequences(ctx.db, 200)]);
    const all = [...a, ...b];
    expect(new Set(all).size).toBe(203);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(formatCaseNumber('421081', new Date('2026-11-25T23:30:00+08:00'), 42)).toBe('421081-20261125-000042');
    expect(formatCaseNumber('421081', new Date('2026-11-25T16:30:00Z'), 1_234_567)).toBe('421081-20261126-1234567'); // CST date; never truncated
  });
});
