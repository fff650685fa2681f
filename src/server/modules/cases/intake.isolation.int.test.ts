/**
 * One bad report never fails the reports grouped with it: what the database would refuse is
 * refused before a report joins a group, and a group statement that still fails for one member's
 * sake is split until that member fails alone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SEAT, residentActor, squareAround } from '../../../../test/fixtures';
import { call, createTestContext, type TestActor, type TestContext } from '../../../../test/harness';
import type { UserActor } from '../../platform/actor';
import { toAppError } from '../../platform/http/error-handler';
import { verifyAuditChain } from '../audit/audit.service';
import { writeGrids } from '../organisation/organisation.write';
import { invalidateGridIndex } from '../organisation';
import { prepareReport, type ReportInput, submitReport } from './intake.service';
import { writeReport } from './intake.writer';

const GRID = '421081001007001';
let ctx: TestContext;
const people: TestActor[] = [];
beforeAll(async () => {
  ctx = await createTestContext({ RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000', REPORTS_PER_PERSON_PER_HOUR: '100' });
  await ctx.db.transaction((tx) =>
    writeGrids({ tx, crypto: ctx.deps.crypto }, [
      { code: GRID, name: '金银垱一网格', polygon: squareAround(COUNTY_SEAT, 0.01), synthetic: true },
    ]),
  );
  invalidateGridIndex(ctx.db);
  for (const phone of ['13900000701', '13900000702', '13900000703']) people.push(await residentActor(ctx, phone));
});
afterAll(async () => {
  await ctx.close();
});

const input = (n: number, description = `井盖破损，有人差点掉下去（${n}）`): ReportInput => ({
  description,
  categoryCode: '01037',
  lng: COUNTY_SEAT[0] + n * 1e-5,
  lat: COUNTY_SEAT[1],
});
const casesOf = async (ids: string[]) =>
  (await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])', [ids]))
    .rows[0].n;
const actorOf = async (p: TestActor): Promise<UserActor> => {
  const me = (await call(ctx, p, 'GET', '/api/me')).json();
  return {
    kind: 'user',
    userId: me.user.id,
    userKind: 'resident',
    displayName: me.user.displayName,
    homeDivisionCode: null,
    grants: [],
    ip: '127.0.0.1',
  };
};

describe('a bad report in a burst', () => {
  it('ten concurrent reports through HTTP, one with a NUL byte: nine 201 and one 400', async () => {
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(
          ctx,
          people[i % 3],
          'POST',
          '/api/cases',
          i === 6 ? { ...input(i), description: '井盖破损\u0000有人差点掉下去' } : input(i),
        ),
      ),
    );
    expect(sent.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201, 400, 201, 201, 201]);
    expect(sent[6].json()).toMatchObject({ code: 'text_invalid', details: { field: 'body.description' } });
    expect(await casesOf(sent.filter((r) => r.statusCode === 201).map((r) => r.json().id))).toBe(9);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('a poisoned report that bypasses HTTP (another channel) is refused before it joins a group', async () => {
    const actors = await Promise.all(people.map(actorOf));
    const late = `${'井盖破损，有人差点掉下去'.repeat(4)}\ud800`; // past the title's 30 characters: the description itself
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        submitReport(ctx.deps, actors[i % 3], i === 3 ? { ...input(i), description: late } : input(i), {
          source: 'app',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      ...Array(6).fill('fulfilled'),
    ]);
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({
      code: 'text_invalid',
      details: { field: 'description', problem: 'lone_surrogate' },
    });
    const extra = await submitReport(ctx.deps, actors[0], { ...input(20), lng: Number.NaN }, { source: 'app' }).catch(
      (e: unknown) => e,
    );
    expect((extra as { status: number }).status).toBeLessThan(500);
  });

  it('when a group statement fails for one member, the group is split: the others are written, each bad one fails alone', async () => {
    const actors = await Promise.all(people.map(actorOf));
    const ghost: UserActor = { ...actors[0], userId: randomUUID(), displayName: '已删除的账号' }; // a session outliving its user: the foreign key refuses
    const prepared = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        prepareReport(ctx.deps, i === 2 ? ghost : actors[i % 3], input(30 + i), { source: 'app' }),
      ),
    );
    // a value the checks did not catch, refused by the database itself (simulates a gap in the checks)
    prepared[7].write.json = prepared[7].write.json.replace('"description":"', '"description":"\\u0000');
    const lone = writeReport(ctx.deps, await prepareReport(ctx.deps, actors[1], input(29), { source: 'app' })); // occupies the writer
    const results = await Promise.allSettled(prepared.map((p) => writeReport(ctx.deps, p))); // so these ten go as one group
    await lone;
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const ghostError = (results[2] as PromiseRejectedResult).reason;
    expect(ghostError.code).toBe('23503'); // not the reporter's input: a 500 for this one only
    expect(toAppError(ghostError)).toBeNull();
    expect(toAppError((results[7] as PromiseRejectedResult).reason)).toMatchObject({
      code: 'value_unstorable',
      status: 400,
    }); // the reporter's input: a 400
    const written = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.case.id] : []));
    expect(await casesOf(written)).toBe(8);
    expect(await casesOf([prepared[2].write.row.id, prepared[7].write.row.id])).toBe(0);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});
