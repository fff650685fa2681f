/** `cocreate province publish|subscribe|unsubscribe|status`: output in Chinese and English. */
import { flag, openDeps } from '../../../cli/commands/shared';
import type { Database } from '../../platform/db/db';
import { provinceStatus, publishRollups, subscribeCounty, unsubscribeCounty } from './province.service';

/** Opens the configured database (PGlite migrated first, which the commands then refuse by name). */
async function withDatabase(run: (db: Database) => Promise<number>): Promise<number> {
  const { db } = await openDeps({ migrate: !process.env.DATABASE_URL });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

function required(args: string[], name: string, example: string): string | null {
  const value = flag(args, name);
  if (value) return value;
  console.error(`请给出 --${name} Give --${name}, e.g. ${example}`);
  return null;
}

export const provincePublish = (_args: string[] = []) =>
  withDatabase(async (db) => {
    const r = await publishRollups(db);
    const what = {
      created: '已发布 Published',
      updated: '已更新发布 Publication updated',
      unchanged: '已在发布 Already published',
    };
    console.log(`${what[r.outcome]}: ${r.tables.join(', ')}`);
    return 0;
  });

export async function provinceSubscribe(args: string[] = []): Promise<number> {
  const county = required(args, 'name', '--name 421081');
  const from = required(args, 'from', "--from 'host=county.example port=5432 dbname=cocreate user=province'");
  if (!county || !from) return 2;
  return withDatabase(async (db) => {
    const r = await subscribeCounty(db, county, from);
    console.log(
      `已订阅 Subscribed to ${r.name} (${county}) as ${r.subscription}: its rows are being copied, then every change streams (province status)`,
    );
    return 0;
  });
}

export async function provinceUnsubscribe(args: string[] = []): Promise<number> {
  const county = required(args, 'name', '--name 421081');
  if (!county) return 2;
  const keepSlot = args.includes('--keep-slot');
  return withDatabase(async (db) => {
    const r = await unsubscribeCounty(db, county, { keepSlot });
    console.log(`已取消订阅 Unsubscribed from ${county}; ${r.rowsDeleted} rollup row(s) deleted here`);
    if (keepSlot)
      console.log(
        `提示 Note: drop the slot on the county: SELECT pg_drop_replication_slot('cocreate_${county}'); (it keeps WAL until then)`,
      );
    return 0;
  });
}

export const provinceStatusCommand = (_args: string[] = []) =>
  withDatabase(async (db) => {
    const all = await provinceStatus(db);
    if (all.length === 0) console.log('没有订阅 No subscriptions');
    for (const s of all)
      console.log(
        [
          `${s.county ?? s.subscription} ${s.name ?? ''}`.trim(),
          s.enabled ? '启用 enabled' : '停用 disabled',
          `表 tables ${s.ready}/${s.tables} 就绪 ready`,
          `最后接收 last received ${s.lastReceived ? s.lastReceived.toISOString() : '—（未运行 not running）'}`,
          `行 rows ${s.rows}`,
        ].join('  '),
      );
    return 0;
  });
