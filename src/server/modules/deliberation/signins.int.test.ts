/** Sign-ins by code written in groups (signins.writer): none lost, none doubled, one audit row each, closing races. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { verifyAuditChain } from '../audit/audit.service';
import type { UserActor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { type Person, populate } from './deliberation.fixtures';
import { codeSignIn } from './signins.service';
import { codeSignInStats } from './signins.writer';

const VILLAGE = '421081107212';
let ctx: TestContext;
let officer: TestActor;
let people: Person[];
const accounts = new Map<string, UserActor>();

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await staffActor(ctx, 'village_officer', VILLAGE);
  people = (await populate(ctx, VILLAGE, { households: 12, adultsPer: 2 })).people;
  // each adult has a resident account linked to the record (as after 实名 in the app)
  for (const p of people) {
    const { rows } = await ctx.db.owner.query<{ id: string }>(
      `INSERT INTO users (kind, display_name, phone_index, home_division_code, resident_id)
       VALUES ('resident', '村民', 'test-signin-' || $2, $1, $2::uuid) RETURNING id`,
      [VILLAGE, p.id],
    );
    accounts.set(p.id, {
      kind: 'user',
      userId: rows[0].id,
      userKind: 'resident',
      displayName: '村民',
      homeDivisionCode: VILLAGE,
      grants: [],
      ip: '127.0.0.1',
    });
  }
});
afterAll(async () => {
  await ctx.close();
});

async function openMeeting() {
  const now = ctx.clock.now().getTime();
  const res = await call(ctx, officer, 'POST', '/api/meetings', {
    meetingType: 'villagers',
    bodyCode: VILLAGE,
    title: '村民会议',
    agenda: '议程',
    startsAt: new Date(now + 3_600_000).toISOString(),
    noticedAt: new Date(now - 20 * 86_400_000).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  const m = res.json() as { id: string; signinCode: string };
  expect((await call(ctx, officer, 'POST', `/api/meetings/${m.id}/open`)).statusCode).toBe(200);
  return m;
}

const attendance = async (meetingId: string) =>
  Number(
    (await ctx.db.owner.query('SELECT count(*)::int AS n FROM meeting_attendance WHERE meeting_id = $1', [meetingId]))
      .rows[0].n,
  );
const signinAudits = async (meetingId: string) =>
  Number(
    (
      await ctx.db.owner.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'deliberation.signin' AND entity_id = $1`,
        [meetingId],
      )
    ).rows[0].n,
  );

describe('sign-ins by code in groups', () => {
  it('writes a concurrent burst in groups: each person once, one audit row each, repeats answered as such', async () => {
    const m = await openMeeting();
    const before = codeSignInStats(ctx.deps)?.flushes ?? 0;
    // everyone at once, and the first half a second time within the same burst
    const burst = [...people, ...people.slice(0, 12)];
    const answers = await Promise.all(
      burst.map((p) => codeSignIn(ctx.deps, accounts.get(p.id)!, { code: m.signinCode })),
    );
    expect(answers.filter((a) => !a.alreadySignedIn)).toHaveLength(people.length);
    expect(answers.filter((a) => a.alreadySignedIn)).toHaveLength(12);
    expect(new Set(answers.filter((a) => !a.alreadySignedIn).map((a) => a.residentId)).size).toBe(people.length);
    for (const [i, a] of answers.entries()) expect(a.residentId).toBe(burst[i].id);
    expect(await attendance(m.id)).toBe(people.length);
    expect(await signinAudits(m.id)).toBe(people.length);
    // grouped: fewer statements than sign-ins; every answer's quorum was read after its group's commit
    const stats = codeSignInStats(ctx.deps)!;
    expect(stats.flushes - before).toBeLessThan(burst.length);
    expect(Math.max(...answers.map((a) => a.quorum.present))).toBe(people.length);
    expect(answers.every((a) => a.quorum.present >= 1)).toBe(true);
    // a later repeat is still one attendance
    const again = await codeSignIn(ctx.deps, accounts.get(people[3].id)!, { code: m.signinCode });
    expect(again).toMatchObject({ alreadySignedIn: true, quorum: { present: people.length, met: true } });
    expect(await attendance(m.id)).toBe(people.length);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('closing the meeting during a burst: each sign-in is either counted or refused, none half-written', async () => {
    const m = await openMeeting();
    const tries = people.map((p) =>
      codeSignIn(ctx.deps, accounts.get(p.id)!, { code: m.signinCode }).then(
        () => 'signed_in',
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      ),
    );
    const closed = call(ctx, officer, 'POST', `/api/meetings/${m.id}/close`, { minutes: '会议记录' });
    const outcomes = await Promise.all(tries);
    expect((await closed).statusCode).toBe(200);
    const ok = outcomes.filter((o) => o === 'signed_in').length;
    for (const o of outcomes)
      expect(['signed_in', 'deliberation_meeting_state', 'deliberation_signin_code_unknown']).toContain(o);
    expect(await attendance(m.id)).toBe(ok);
    expect(await signinAudits(m.id)).toBe(ok);
    // after closing, the code no longer opens the meeting
    await expect(codeSignIn(ctx.deps, accounts.get(people[0].id)!, { code: m.signinCode })).rejects.toMatchObject({
      code: 'deliberation_signin_code_unknown',
    });
  });
});
