import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { expectCursorRefused, pageThrough } from '../../../../test/page-through';
import { maskPhone } from '../../platform/crypto/masking';
import { insertUser } from '../identity/identity.repo';
import { Grantee } from './access.schema';

const TOWN_A = '421081107'; // 高基庙镇
const VILLAGE_A = '421081107212'; // 百子庵村
const TOWN_B = '421081001'; // 绣林街道

let ctx: TestContext;
let county: TestActor, townSec: TestActor, officer: TestActor;
const ids: Record<string, string> = {};

/** A resident account as SMS sign-in makes it: the phone encrypted, blind-indexed and masked. */
async function resident(name: string, phone: string, home: string | null) {
  const c = ctx.deps.crypto;
  ids[name] = await ctx.db.ownerTransaction((tx) =>
    insertUser(tx, {
      kind: 'resident',
      displayName: name,
      phoneCipher: c.encrypt(phone),
      phoneIndex: c.blindIndex('phone', phone),
      phoneMasked: maskPhone(phone),
      homeDivisionCode: home,
    }),
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  county = await staffActor(ctx, 'security_admin', '421081');
  townSec = await staffActor(ctx, 'security_admin', TOWN_A);
  officer = await staffActor(ctx, 'village_officer', VILLAGE_A, { username: 'wang.officer' });
  await staffActor(ctx, 'town_officer', TOWN_B, { username: 'wang.street' });
  await resident('王秀兰', '13812345601', VILLAGE_A);
  await resident('王大明', '13812345602', TOWN_B);
  await resident('李四', '13812345603', null);
  for (let i = 0; i < 5; i++) await resident(`王家${i}`, `1381234570${i}`, VILLAGE_A);
});
afterAll(async () => {
  await ctx.close();
});

const search = (actor: TestActor, scope: string, q: string) =>
  call(ctx, actor, 'GET', `/api/grantees?scope=${scope}&q=${encodeURIComponent(q)}`);
const names = (body: { items: Grantee[] }) => body.items.map((g) => g.displayName).sort();

describe('finding the person to grant a role to', () => {
  it("finds people by part of a name within the granter's scope only, masked", async () => {
    const wide = (await search(county, '421081', '王')).json();
    expect(wide.matchedBy).toBe('name');
    expect(names(wide)).toEqual(['王大明', '王家0', '王家1', '王家2', '王家3', '王家4', '王秀兰']);
    const narrow = (await search(townSec, TOWN_A, '王')).json();
    expect(names(narrow)).toEqual(['王家0', '王家1', '王家2', '王家3', '王家4', '王秀兰']);
    const one = narrow.items.find((g: Grantee) => g.displayName === '王秀兰');
    expect(Object.keys(one).sort()).toEqual(Object.keys(Grantee.properties).sort());
    expect(one).toMatchObject({ kind: 'resident', phoneMasked: '138****5601', homeName: '百子庵村委会', roles: [] });
    expect(JSON.stringify(narrow)).not.toContain('13812345601');
    // A username matches too: staff are in scope where they hold a role.
    expect(names((await search(county, '421081', 'wang.')).json())).toEqual([
      'town_officer wang.street',
      'village_officer wang.officer',
    ]);
    const staff = (await search(townSec, TOWN_A, 'wang.')).json().items;
    expect(staff).toEqual([
      expect.objectContaining({ kind: 'staff', username: 'wang.officer', roles: ['village_officer'] }),
    ]);
    // A person out of scope, or with neither a home place nor a role, is not found.
    expect((await search(townSec, TOWN_A, '王大明')).json().items).toEqual([]);
    expect((await search(county, '421081', '李四')).json().items).toEqual([]);
  });

  it('finds a person by a whole phone number through the blind index, in scope', async () => {
    const r = (await search(townSec, TOWN_A, '138 1234 5601')).json();
    expect(r).toMatchObject({ matchedBy: 'phone', more: false });
    expect(r.items.map((g: Grantee) => g.userId)).toEqual([ids['王秀兰']]);
    expect((await search(townSec, TOWN_A, '+86 13812345602')).json().items).toEqual([]); // lives in 绣林街道
    expect((await search(county, '421081', '+86 13812345602')).json().items.map((g: Grantee) => g.userId)).toEqual([
      ids['王大明'],
    ]);
  });

  it('pages through the results by name', async () => {
    const all = await pageThrough<Grantee>(ctx, townSec, `/api/grantees?scope=${TOWN_A}&q=王家`, 2);
    expect(all.map((g) => g.displayName)).toEqual(['王家0', '王家1', '王家2', '王家3', '王家4']);
    await expectCursorRefused(ctx, townSec, `/api/grantees?scope=${TOWN_A}&q=王家`, 2);
  });

  it("refuses a part of a phone, an empty box, a scope outside the granter's and anyone but a security administrator", async () => {
    const partial = await search(townSec, TOWN_A, '5601');
    expect(partial.statusCode).toBe(400);
    expect(partial.json().code).toBe('grantee_phone_incomplete');
    const empty = await search(townSec, TOWN_A, '  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('grantee_query_empty');
    expect((await search(townSec, TOWN_B, '王')).statusCode).toBe(404);
    expect((await search(townSec, '421081', '王')).statusCode).toBe(404);
    expect((await search(officer, VILLAGE_A, '王')).statusCode).toBe(403);
  });

  it('leaves every search in the audit trail, the phone masked', async () => {
    await search(townSec, TOWN_A, '13812345601');
    const { rows } = await ctx.db.owner.query<{
      actor_id: string;
      after: { matchedBy: string; q: string; found: string[] };
    }>(`SELECT actor_id, after FROM audit_log WHERE action = 'roles.grantee_search' ORDER BY at DESC, id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({
      actor_id: townSec.userId,
      after: { matchedBy: 'phone', q: '138****5601', found: [ids['王秀兰']] },
    });
    const { rows: all } = await ctx.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'roles.grantee_search' AND after::text LIKE '%13812345601%'`,
    );
    expect(all[0].n).toBe(0);
  });
});
