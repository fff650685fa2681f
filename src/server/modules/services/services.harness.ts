/** Test helpers for services: the points test context, residents and staff, an activity at 百子庵村. */
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import type { UserActor } from '../../platform/actor';
import { insertUser } from '../identity/identity.repo';
import { createPointsContext, residentActor } from '../points/points.harness';

export { createPointsContext as createServicesContext, residentActor };

export const VILLAGE = '421081107212'; // 百子庵村
export const OTHER_VILLAGE = '421081107201';
export const PLACE = { lng: 112.3, lat: 29.8 };

/** A point `metres` north of PLACE. */
export const north = (metres: number) => ({ lng: PLACE.lng, lat: PLACE.lat + metres / 111_195 });

export async function villageOfficer(ctx: TestContext, village = VILLAGE): Promise<TestActor> {
  return staffActor(ctx, 'village_officer', village);
}

/** Publishes an activity starting `startInMin` minutes from the clock, lasting `hours`. */
export async function publish(
  ctx: TestContext,
  officer: TestActor,
  over: Record<string, unknown> = {},
  startInMin = 24 * 60,
  hours = 2,
) {
  const start = new Date(ctx.clock.now().getTime() + startInMin * 60_000);
  const res = await call(ctx, officer, 'POST', '/api/services/activities', {
    title: '清洁家园',
    kind: 'clean_up',
    divisionCode: VILLAGE,
    organiserKind: 'community',
    place: '百子庵村党群服务中心',
    ...PLACE,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + hours * 3_600_000).toISOString(),
    capacity: 2,
    audience: 'everyone',
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`publish failed: ${res.body}`);
  return res.json();
}

/** Residents as service-level actors (no sessions), for concurrency. */
export async function plainResidents(ctx: TestContext, n: number, prefix: string): Promise<UserActor[]> {
  const ids = await ctx.db.ownerTransaction(async (tx) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++)
      out.push(
        await insertUser(tx, {
          kind: 'resident',
          displayName: `居民${i}`,
          phoneIndex: `${prefix}-${i}`,
          phoneMasked: `${prefix}****${i}`,
          homeDivisionCode: VILLAGE,
        }),
      );
    return out;
  });
  return ids.map((userId, i) => ({
    kind: 'user',
    userId,
    userKind: 'resident',
    displayName: `居民${i}`,
    homeDivisionCode: VILLAGE,
    grants: [],
    ip: '127.0.0.1',
  }));
}
