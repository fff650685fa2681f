/**
 * SQL of the province view: the publication on a county, the subscriptions on the province (CREATE
 * and DROP SUBSCRIPTION run outside any transaction block: PostgreSQL requires it), their state, and a
 * county's rows in the rollup tables. Identifiers come from the domain's checked names only.
 */
import type { Queryable } from '../../platform/db/db';
import type { ROLLUP_TABLES } from '../rollups';
import { PUBLICATION, sqlLiteral } from './province.domain';

type RollupTables = typeof ROLLUP_TABLES;

export async function walLevel(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ level: string }>(`SELECT current_setting('wal_level') AS level`);
  return rows[0].level;
}

/** The tables in the publication, or null when there is none. */
export async function publishedTables(q: Queryable): Promise<string[] | null> {
  const { rows } = await q.query<{ tables: string[] | null }>(
    `SELECT (SELECT array_agg(tablename::text ORDER BY tablename) FROM pg_publication_tables t WHERE t.pubname = p.pubname) AS tables
       FROM pg_publication p WHERE p.pubname = $1`,
    [PUBLICATION],
  );
  return rows.length ? (rows[0].tables ?? []) : null;
}

/**
 * Creates the publication, or sets its tables to these. Inserts, updates and deletes are published,
 * never a TRUNCATE: the province's tables hold every county's rows (the rebuild deletes row by row).
 */
export async function publish(q: Queryable, tables: RollupTables, exists: boolean): Promise<void> {
  const list = tables.map((t) => t.table).join(', ');
  await q.query(
    exists
      ? `ALTER PUBLICATION ${PUBLICATION} SET TABLE ${list}`
      : `CREATE PUBLICATION ${PUBLICATION} FOR TABLE ${list} WITH (publish = 'insert, update, delete')`,
  );
}

export async function subscriptionExists(q: Queryable, name: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM pg_subscription WHERE subname = $1 AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [name],
  );
  return rows.length > 0;
}

/** Subscribes to a county's publication; its rows now are copied first (copy_data), then every change streams. */
export async function createSubscription(q: Queryable, name: string, conninfo: string): Promise<void> {
  await q.query(
    `CREATE SUBSCRIPTION ${name} CONNECTION ${sqlLiteral(conninfo)} PUBLICATION ${PUBLICATION} WITH (copy_data = true)`,
  );
}

/** Drops a subscription and its replication slot on the county (which must be reachable). */
export async function dropSubscription(q: Queryable, name: string): Promise<void> {
  await q.query(`DROP SUBSCRIPTION ${name}`);
}

/** Drops a subscription but leaves its slot on the county (unreachable): the county's administrator drops it there. */
export async function dropSubscriptionKeepingSlot(q: Queryable, name: string): Promise<void> {
  await q.query(`ALTER SUBSCRIPTION ${name} DISABLE`);
  await q.query(`ALTER SUBSCRIPTION ${name} SET (slot_name = NONE)`);
  await q.query(`DROP SUBSCRIPTION ${name}`);
}

const inCounty = (t: RollupTables[number]) => `${t.place} LIKE $1 || '%'`;

/** How many rollup rows of the county this database holds, all tables together. */
export async function countyRows(q: Queryable, tables: RollupTables, county: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT (${tables.map((t) => `(SELECT count(*) FROM ${t.table} WHERE ${inCounty(t)})`).join(' + ')})::int AS n`,
    [county],
  );
  return rows[0].n;
}

/** Deletes the county's rows from every rollup table (after its subscription is gone). */
export async function deleteCountyRows(q: Queryable, tables: RollupTables, county: string): Promise<number> {
  let n = 0;
  for (const t of tables) n += (await q.query(`DELETE FROM ${t.table} WHERE ${inCounty(t)}`, [county])).rowCount;
  return n;
}

export interface SubscriptionRow {
  name: string;
  enabled: boolean;
  tables: number;
  ready: number;
  lastReceived: Date | null;
  latestEnd: Date | null;
}

/** This database's subscriptions named cocreate_*, with the apply worker's last message and the tables' sync state. */
export async function subscriptions(q: Queryable): Promise<SubscriptionRow[]> {
  const { rows } = await q.query<SubscriptionRow>(
    `SELECT s.subname::text AS name, s.subenabled AS enabled,
            (SELECT count(*)::int FROM pg_subscription_rel r WHERE r.srsubid = s.oid) AS tables,
            (SELECT count(*)::int FROM pg_subscription_rel r WHERE r.srsubid = s.oid AND r.srsubstate = 'r') AS ready,
            st.last_msg_receipt_time AS "lastReceived", st.latest_end_time AS "latestEnd"
       FROM pg_subscription s
       LEFT JOIN pg_stat_subscription st ON st.subid = s.oid AND st.relid IS NULL
      WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND s.subname LIKE 'cocreate\\_%'
      ORDER BY s.subname`,
  );
  return rows;
}

export async function countyName(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM divisions WHERE code = $1 AND level = 3', [code]);
  return rows[0]?.name ?? null;
}
