import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { verifyAuditChain } from './audit.service';

let ctx: TestContext;
let aud: TestActor;
beforeAll(async () => {
  ctx = await createTestContext();
  aud = await staffActor(ctx, 'audit_admin', '421081');
});
afterAll(async () => {
  await ctx.close();
});

describe('audit trail', () => {
  it('records sign-ins, failures and writes with who, where, what and the outcome', async () => {
    const sys = await staffActor(ctx, 'system_admin', '421081');
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: sys.username, password: 'Wrong@pass1' },
      remoteAddress: '10.1.2.3',
    });
    const created = await call(ctx, sys, 'POST', '/api/accounts', {
      username: 'audited',
      displayName: '被审计',
      password: 'Audit@2026x',
    });
    expect(created.statusCode).toBe(201);

    const rows = (await call(ctx, aud, 'GET', '/api/audit?limit=50')).json().items as Array<Record<string, unknown>>;
    const signIn = rows.find((r) => r.action === 'auth.sign_in' && r.actorId === sys.userId && r.outcome === 'success');
    expect(signIn).toBeTruthy();
    const failure = rows.find(
      (r) => r.action === 'auth.sign_in' && r.outcome === 'failure' && r.actorLabel === sys.username,
    );
    expect(failure).toMatchObject({ ip: '10.1.2.3' });
    const write = rows.find((r) => r.action === 'accounts.create');
    expect(write).toMatchObject({
      actorId: sys.userId,
      entityType: 'user',
      entityId: created.json().id,
      outcome: 'success',
      after: { username: 'audited' },
    });

    const filtered = (await call(ctx, aud, 'GET', '/api/audit?action=accounts.&outcome=success')).json()
      .items as Array<{
      action: string;
    }>;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((r) => r.action.startsWith('accounts.'))).toBe(true);
  });

  it('cannot be changed or deleted by the application role', async () => {
    await expect(ctx.db.transaction((tx) => tx.query(`UPDATE audit_log SET outcome = 'failure'`))).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(ctx.db.transaction((tx) => tx.query('DELETE FROM audit_log'))).rejects.toThrow(
      /permission denied|append-only/,
    );
    // even the owner is stopped by the trigger
    await expect(ctx.db.owner.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('verify finds a row changed behind the application’s back', async () => {
    expect((await call(ctx, aud, 'GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    const before = await verifyAuditChain(ctx.db);
    expect(before.ok).toBe(true);
    const { rows } = await ctx.db.owner.query<{ id: number }>(
      `SELECT id FROM audit_log WHERE action = 'accounts.create' LIMIT 1`,
    );
    // a superuser bypassing the trigger, as an attacker with database access would
    await ctx.db.ownerTransaction(async (tx) => {
      await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.query(`UPDATE audit_log SET after = '{"username":"someone-else"}' WHERE id = $1`, [rows[0].id]);
      await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    const after = await verifyAuditChain(ctx.db);
    expect(after).toMatchObject({ ok: false, brokenAt: Number(rows[0].id), reason: 'hash_mismatch' });
    expect((await call(ctx, aud, 'GET', '/api/audit/verify')).json()).toMatchObject({
      ok: false,
      brokenAt: Number(rows[0].id),
    });
    // a second change elsewhere in the table is found too: every row is checked, every break reported
    const { rows: later } = await ctx.db.owner.query<{ id: number; chain: number }>(
      `SELECT id, chain FROM audit_log WHERE id <> $1 ORDER BY id DESC LIMIT 1`,
      [rows[0].id],
    );
    const [firstId, lastId] = [Number(rows[0].id), Number(later[0].id)].sort((a, b) => a - b);
    await ctx.db.ownerTransaction(async (tx) => {
      await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.query(`UPDATE audit_log SET actor_label = 'someone-else' WHERE id = $1`, [later[0].id]);
      await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    const both = (await call(ctx, aud, 'GET', '/api/audit/verify')).json();
    expect(both).toMatchObject({
      ok: false,
      breaks: 2,
      first: { id: firstId, reason: 'hash_mismatch' },
      last: { id: lastId, reason: 'hash_mismatch' },
    });
    expect(both.rows).toBe(
      (await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n,
    );
    expect(both.brokenChains).toContain(Number(later[0].chain));
  });

  it('exports the filtered trail as xlsx', async () => {
    const r = await call(ctx, aud, 'GET', '/api/audit/export.xlsx?limit=3');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).getCell(5).value).toBe('操作 Action');
    expect(ws.rowCount).toBe(4); // header + the 3 newest rows
  });

  it('pages through the trail newest first: every row once, more false at the end; a forged cursor is a 400', async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    let last: { more: boolean; next: string | null } | null = null;
    do {
      const r = await call(ctx, aud, 'GET', `/api/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      last = r.json();
      const items = r.json().items as { id: number }[];
      expect(items.length).toBeLessThanOrEqual(7);
      for (const row of items) expect(row).not.toHaveProperty('chain'); // in the table, not in the contract
      ids.push(...items.map((i) => i.id));
      cursor = r.json().next;
    } while (cursor);
    expect(last).toMatchObject({ more: false, next: null });
    const { rows } = await ctx.db.owner.query<{ id: number }>(
      'SELECT id FROM audit_log WHERE id <= $1 ORDER BY id DESC',
      [ids[0]],
    );
    expect(ids).toEqual(rows.map((r) => Number(r.id)));

    for (const forged of [
      '%%%',
      Buffer.from('[1.5]').toString('base64url'),
      Buffer.from('["7"]').toString('base64url'),
    ]) {
      const r = await call(ctx, aud, 'GET', `/api/audit?cursor=${forged}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('cursor_invalid');
    }
  });

  it('exports every matching row, not a capped number', async () => {
    const r = await call(ctx, aud, 'GET', '/api/audit/export.xlsx');
    expect(r.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const n = (await ctx.db.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(wb.getWorksheet('审计日志')!.rowCount).toBe(n + 1);
  });
});
