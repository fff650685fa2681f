/**
 * Test helpers for the points module: the harness's test context with the points routes
 * registered (until app.ts registers them), residents signed in by SMS, funded people and
 * service-level actors for concurrency tests.
 */
import { residentActor as signInResident } from '../../../../test/fixtures';
import { type TestActor, type TestContext, createTestContext } from '../../../../test/harness';
import type { Role, UserActor } from '../../platform/actor';
import type { Queryable } from '../../platform/db/db';
import { insertAssignment } from '../access/access.repo';
import { insertUser } from '../identity/identity.repo';
import { ensureAccount, post } from './ledger.repo';

/** The standard test context with long sessions and a working-morning clock. */
export async function createPointsContext(env: Record<string, string> = {}): Promise<TestContext> {
  const ctx = await createTestContext({
    SESSION_IDLE_MINUTES: '1440',
    SESSION_MAX_HOURS: '720',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '1000',
    RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '1000',
    ...env,
  });
  ctx.clock.set(new Date('2026-11-25T09:00:00+08:00'));
  return ctx;
}

/** A resident signed in by SMS code; optionally holding roles (resident, woodpecker) at a place. */
export async function residentActor(
  ctx: TestContext,
  phone: string,
  grants: [Role, string][] = [],
): Promise<TestActor> {
  const actor = await signInResident(ctx, phone);
  for (const [role, scopeCode] of grants) {
    await ctx.db.ownerTransaction((tx) =>
      insertAssignment(tx, { userId: actor.userId, role, scopeCode, departmentCode: null, grantedBy: null }),
    );
  }
  return actor;
}

/** Credits points straight into a person's account (issuer → person), as a credited award would. */
export async function fund(
  q: Queryable,
  userId: string,
  issuerCode: string,
  amount: number,
  now: Date,
  expiresAt: Date | null = null,
): Promise<void> {
  const person = await ensureAccount(q, 'person', userId, now);
  const issuer = await ensureAccount(q, 'issuer', issuerCode, now);
  await post(q, {
    kind: 'award',
    memo: '测试入账',
    createdBy: null,
    now,
    entries: [
      { accountId: person.id, amount, expiresAt },
      { accountId: issuer.id, amount: -amount },
    ],
  });
}

/** Many residents at a village, funded, as service-level actors (no sessions): for concurrency. */
export async function fundedResidents(
  ctx: TestContext,
  n: number,
  village: string,
  points: number,
  prefix: string,
): Promise<UserActor[]> {
  const now = ctx.clock.now();
  const ids = await ctx.db.ownerTransaction(async (tx) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const phone = `${prefix}${String(i).padStart(11 - prefix.length, '0')}`;
      out.push(
        await insertUser(tx, {
          kind: 'resident',
          displayName: `居民${i}`,
          phoneIndex: `${prefix}-${i}-${phone}`,
          phoneMasked: phone,
          homeDivisionCode: village,
        }),
      );
    }
    return out;
  });
  await ctx.db.transaction(async (tx) => {
    for (const id of ids) await fund(tx, id, village, points, now);
  });
  return ids.map((userId, i) => ({
    kind: 'user',
    userId,
    userKind: 'resident',
    displayName: `居民${i}`,
    homeDivisionCode: village,
    grants: [],
    ip: '127.0.0.1',
  }));
}
