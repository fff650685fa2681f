/** Test helpers for services (not a test file: *.testing.ts): the points test context, residents and staff, an activity at 百子庵村. */
import { type TestActor, type TestContext, call, staffActor } from '../../../../test/harness';
import type { UserActor } from '../../platform/actor';
import { maskPhone } from '../../platform/crypto/masking';
import { insertUser } from '../identity/identity.repo';
import { makeIdNumber } from '../organisation/id-number';
import {
  writeGrids,
  writeHouseholds,
  writePartyMembers,
  writePartyOrgs,
  writeResidents,
} from '../organisation/organisation.write';
import { createPointsContext, residentActor } from '../points/points.harness';
import { upsertCadre, upsertUnit } from './units.repo';

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

/** A party member of `village` (grid 001) whose person record has `phone`: the register entry, no account. */
export async function partyMemberIn(ctx: TestContext, village: string, phone: string, n: number): Promise<void> {
  const grid = `${village}001`;
  const household = `${grid}000${String(n).padStart(4, '0')}`;
  const idNumber = makeIdNumber('421081', '19800101', n);
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [112.3, 29.8],
        [112.31, 29.8],
        [112.31, 29.81],
        [112.3, 29.8],
      ],
    ],
  };
  await ctx.db.transaction(async (tx) => {
    const c = { tx, crypto: ctx.deps.crypto };
    await writeGrids(c, [{ code: grid, name: '一网格', polygon: square, synthetic: true }]);
    await writeHouseholds(c, [{ code: household, address: `测试${n}号`, point: null }]);
    await writeResidents(c, [{ householdCode: household, name: `党员${n}`, idNumber, phone, relation: 'householder' }]);
    await writePartyOrgs(c, [
      { code: `${village}-01`, name: '党支部', kind: 'village_party_org', parentCode: null, divisionCode: village },
    ]);
    await writePartyMembers(c, [
      {
        idNumber,
        orgCode: `${village}-01`,
        membership: 'full',
        joinedOn: '2001-07-01',
        embeddedCadre: false,
        woodpecker: false,
      },
    ]);
  });
}

/** An embedded cadre of a (new) unit reporting to `village`, with `phone`. */
export async function cadreIn(ctx: TestContext, village: string, phone: string, name = '下沉干部'): Promise<string> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unitId = await upsertUnit(
      tx,
      { code: `U${phone}`, name: `单位${phone}`, kind: 'organ', scopeCode: village.slice(0, 9), contact: '' },
      now,
    );
    return upsertCadre(tx, {
      unitId,
      name,
      phoneCipher: ctx.deps.crypto.encrypt(phone),
      phoneIndex: ctx.deps.crypto.blindIndex('phone', phone),
      phoneMasked: maskPhone(phone),
      communityCode: village,
      gridCode: null,
      since: '2026-01-01',
      workGroupId: null,
    });
  });
}
