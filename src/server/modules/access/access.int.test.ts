import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { expectCursorRefused, pageThrough } from '../../../../test/page-through';
import { Assignment } from './access.schema';

let ctx: TestContext;
let sys: TestActor, sec: TestActor, aud: TestActor, townA: TestActor, townB: TestActor;
beforeAll(async () => {
  ctx = await createTestContext();
  sys = await staffActor(ctx, 'system_admin', '421081');
  sec = await staffActor(ctx, 'security_admin', '421081');
  aud = await staffActor(ctx, 'audit_admin', '421081');
  townA = await staffActor(ctx, 'town_officer', '421081107'); // 高基庙镇
  townB = await staffActor(ctx, 'town_officer', '421081001'); // 绣林街道
});
afterAll(async () => {
  await ctx.close();
});

const newAccount = { username: 'new.clerk', displayName: '新办事员', password: 'Clerk@2026x' };

describe('three separated administrators (三员分立)', () => {
  it('only the system administrator manages accounts', async () => {
    for (const other of [sec, aud, townA]) {
      expect((await call(ctx, other, 'POST', '/api/accounts', newAccount)).statusCode).toBe(403);
      expect((await call(ctx, other, 'GET', '/api/accounts')).statusCode).toBe(403);
      expect((await call(ctx, other, 'GET', '/api/sms-outbox')).statusCode).toBe(403);
    }
    const created = await call(ctx, sys, 'POST', '/api/accounts', newAccount);
    expect(created.statusCode).toBe(201);
    expect((await call(ctx, sys, 'POST', '/api/accounts', newAccount)).json().code).toBe('username_taken');
  });

  it('only the security administrator grants and revokes roles', async () => {
    const target = (await call(ctx, sys, 'GET', '/api/accounts?q=new.clerk')).json().items[0];
    const grant = { userId: target.id, role: 'village_officer', scopeCode: '421081107212' };
    for (const other of [sys, aud, townA])
      expect((await call(ctx, other, 'POST', '/api/role-assignments', grant)).statusCode).toBe(403);
    const g = await call(ctx, sec, 'POST', '/api/role-assignments', grant);
    expect(g.statusCode).toBe(201);
    expect(g.json()).toMatchObject({ role: 'village_officer', scopeName: '百子庵村委会' });
    for (const other of [sys, aud])
      expect((await call(ctx, other, 'DELETE', `/api/role-assignments/${g.json().id}`)).statusCode).toBe(403);
    expect((await call(ctx, sec, 'DELETE', `/api/role-assignments/${g.json().id}`)).statusCode).toBe(204);
    expect((await call(ctx, sec, 'DELETE', `/api/role-assignments/${g.json().id}`)).statusCode).toBe(404);
  });

  it('the security administrator cannot grant a role to themselves', async () => {
    const r = await call(ctx, sec, 'POST', '/api/role-assignments', {
      userId: sec.userId,
      role: 'audit_admin',
      scopeCode: '421081',
    });
    expect(r.statusCode).toBe(403);
  });

  it('only the audit administrator reads the audit trail', async () => {
    for (const other of [sys, sec, townA]) {
      expect((await call(ctx, other, 'GET', '/api/audit')).statusCode).toBe(403);
      expect((await call(ctx, other, 'GET', '/api/audit/verify')).statusCode).toBe(403);
    }
    expect((await call(ctx, aud, 'GET', '/api/audit')).statusCode).toBe(200);
    for (const write of [
      ['POST', '/api/accounts', newAccount],
      ['POST', '/api/role-assignments', { userId: sys.userId, role: 'county_officer', scopeCode: '421081' }],
    ] as const) {
      expect((await call(ctx, aud, write[0], write[1], write[2])).statusCode).toBe(403);
    }
  });

  it('capabilities tell each administrator what the UI may show', async () => {
    const caps = async (a: TestActor) => (await call(ctx, a, 'GET', '/api/me')).json().capabilities as string[];
    expect(await caps(sys)).toEqual(expect.arrayContaining(['accounts.manage', 'sms_outbox.read']));
    expect(await caps(sys)).not.toContain('roles.manage');
    expect(await caps(sec)).toContain('roles.manage');
    expect(await caps(sec)).not.toContain('audit.read');
    expect(await caps(aud)).toEqual(['audit.read', 'console.use', 'divisions.browse']);
  });
});

describe('scope: roles are limited to their subtree', () => {
  it('a town officer sees staff of their own town', async () => {
    const r = await call(ctx, townA, 'GET', '/api/staff?scope=421081107');
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((s: { username: string }) => s.username)).toContain(townA.username);
    expect(r.json().items.map((s: { username: string }) => s.username)).not.toContain(townB.username);
  });

  it('pages through the staff list: every assignment exactly once, the last page saying no more', async () => {
    for (let i = 0; i < 4; i++) await staffActor(ctx, 'village_officer', '421081107212');
    const url = '/api/staff?scope=421081107';
    const whole = (await call(ctx, townA, 'GET', `${url}&limit=200`)).json();
    expect(whole.more).toBe(false);
    expect(whole.items.length).toBeGreaterThanOrEqual(5);
    for (const limit of [1, 2, 3]) {
      const items = await pageThrough<{ id: string }>(ctx, townA, url, limit);
      expect(items.map((i) => i.id)).toEqual(whole.items.map((i: { id: string }) => i.id));
    }
    expect(new Set(whole.items.map((i: { id: string }) => i.id)).size).toBe(whole.items.length);
    for (const row of whole.items) expect(Object.keys(row).sort()).toEqual(Object.keys(Assignment.properties).sort());
    await expectCursorRefused(ctx, townA, url, 4);
  });

  it('filters the staff list on the server, by role and by part of a name, across every page', async () => {
    const officers = await pageThrough<{ role: string }>(
      ctx,
      townA,
      '/api/staff?scope=421081107&role=village_officer',
      2,
    );
    expect(officers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(officers.map((o) => o.role))).toEqual(new Set(['village_officer']));
    const named = await pageThrough<{ username: string }>(
      ctx,
      townA,
      `/api/staff?scope=421081107&q=${townA.username}`,
      1,
    );
    expect(named.map((s) => s.username)).toEqual([townA.username]);
    const byId = (await call(ctx, townA, 'GET', `/api/staff?scope=421081107&q=${townA.userId}`)).json().items;
    expect(byId.map((s: { userId: string }) => s.userId)).toEqual([townA.userId]);
    const wild = (await call(ctx, townA, 'GET', '/api/staff?scope=421081107&q=%25')).json().items;
    expect(wild).toEqual([]); // % is a character to find, not a wildcard
  });

  it('a town officer of one town gets 404 for another town, the same as for a place that does not exist', async () => {
    const other = await call(ctx, townA, 'GET', '/api/staff?scope=421081001');
    const none = await call(ctx, townA, 'GET', '/api/staff?scope=421081107999');
    expect(other.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(Object.keys(other.json())).toEqual(Object.keys(none.json()));
    expect(JSON.stringify(other.json())).not.toContain(townB.username);
    // and nothing at the county level above them
    expect((await call(ctx, townA, 'GET', '/api/staff?scope=421081')).statusCode).toBe(404);
  });

  it('rejects a role at the wrong level, an unknown role and a handler without department', async () => {
    const target = (await call(ctx, sys, 'GET', '/api/accounts?q=new.clerk')).json().items[0];
    const wrongLevel = await call(ctx, sec, 'POST', '/api/role-assignments', {
      userId: target.id,
      role: 'town_officer',
      scopeCode: '421081107212',
    });
    expect(wrongLevel.json().code).toBe('role_scope_invalid');
    expect(
      (
        await call(ctx, sec, 'POST', '/api/role-assignments', { userId: target.id, role: 'king', scopeCode: '421081' })
      ).json().code,
    ).toBe('unknown_role');
    expect(
      (
        await call(ctx, sec, 'POST', '/api/role-assignments', {
          userId: target.id,
          role: 'department_handler',
          scopeCode: '421081',
        })
      ).json().code,
    ).toBe('unknown_department');
    const handler = await call(ctx, sec, 'POST', '/api/role-assignments', {
      userId: target.id,
      role: 'department_handler',
      scopeCode: '421081',
      departmentCode: '421081-cgj',
    });
    expect(handler.statusCode).toBe(201);
  });
});
