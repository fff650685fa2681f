/**
 * 省级汇聚 (#17 item 6) on PostgreSQL logical replication: a county publishes its rollup tables (no
 * personal data: division codes, days, category and department codes, counts); the province, an
 * ordinary installation with the province's division tree, subscribes to each county, and its
 * cockpit and GET /api/rollups/cases sum the counties' rows under a province or city code.
 * Maintenance commands (the CLI), audited as the system.
 */
import { auditSystem } from '../../platform/audit/audit';
import type { Database } from '../../platform/db/db';
import { AppError, unwrap } from '../../platform/errors';
import { ROLLUP_TABLES } from '../rollups';
import { countyOfSubscription, isCountyCode, parseConninfo, subscriptionOf } from './province.domain';
import {
  countyName,
  countyRows,
  createSubscription,
  deleteCountyRows,
  dropSubscription,
  dropSubscriptionKeepingSlot,
  publish,
  publishedTables,
  subscriptionExists,
  subscriptions,
  walLevel,
} from './province.repo';
import { publisherFacts } from './publisher.repo';

function needsPostgres(db: Database): void {
  if (db.kind !== 'postgresql') throw new AppError('province_needs_postgresql');
}

export interface PublishOutcome {
  /** created: a new publication; updated: its tables changed; unchanged: it already published them. */
  outcome: 'created' | 'updated' | 'unchanged';
  tables: string[];
}

/** On a county: publishes the rollup tables (idempotent; a new grain joins on the next run). */
export async function publishRollups(db: Database, label = 'cli'): Promise<PublishOutcome> {
  needsPostgres(db);
  const level = await walLevel(db.owner);
  if (level !== 'logical') throw new AppError('province_wal_level', { level });
  const tables = ROLLUP_TABLES.map((t) => t.table).sort();
  const before = await publishedTables(db.owner);
  if (before && before.join() === tables.join()) return { outcome: 'unchanged', tables };
  await db.ownerTransaction(async (tx) => {
    await publish(tx, ROLLUP_TABLES, before !== null);
    await auditSystem(tx, label, {
      action: 'province.publish',
      entityType: 'publication',
      entityId: null,
      scopeCode: null,
      before: before ? { tables: before } : null,
      after: { tables },
    });
  });
  return { outcome: before ? 'updated' : 'created', tables };
}

async function knownCounty(db: Database, county: string): Promise<string> {
  const name = isCountyCode(county) ? await countyName(db.owner, county) : null;
  if (!name) throw new AppError('province_county_invalid', { name: county });
  return name;
}

/** On the province: subscribes to a county's rollups (its rows now copied first, then every change). */
export async function subscribeCounty(
  db: Database,
  county: string,
  conninfo: string,
  label = 'cli',
): Promise<{ subscription: string; name: string }> {
  needsPostgres(db);
  const name = await knownCounty(db, county);
  const target = unwrap(parseConninfo(conninfo));
  const subscription = subscriptionOf(county);
  if (await subscriptionExists(db.owner, subscription))
    throw new AppError('province_subscription_exists', { name: county });
  const rows = await countyRows(db.owner, ROLLUP_TABLES, county);
  if (rows > 0) throw new AppError('province_rows_present', { name: county, rows });
  const facts = await publisherFacts(target, county).catch((e: Error) => {
    throw new AppError('province_publisher_invalid', { name: county, reason: e.message });
  });
  const refuse = (reason: string) => new AppError('province_publisher_invalid', { name: county, reason });
  if (!facts.published) throw refuse('no publication there: run `cocreate province publish` on the county');
  if (!facts.hasCounty) throw refuse(`its division tree has no county ${county}`);
  if (facts.outside > 0) throw refuse(`its rollups hold ${facts.outside} row(s) of places outside ${county}`);
  try {
    await createSubscription(db.owner, subscription, conninfo);
  } catch (e) {
    throw refuse((e as Error).message);
  }
  await db.ownerTransaction((tx) =>
    auditSystem(tx, label, {
      action: 'province.subscribe',
      entityType: 'subscription',
      entityId: subscription,
      scopeCode: county,
      after: { county, name },
    }),
  );
  return { subscription, name };
}

/**
 * On the province: stops receiving a county and deletes its rows (so it can subscribe again). The
 * county must be reachable to drop its replication slot there, unless `keepSlot` (then the county's
 * administrator drops the slot cocreate_<county> on the county: until then the county keeps its WAL).
 */
export async function unsubscribeCounty(
  db: Database,
  county: string,
  opts: { keepSlot?: boolean; label?: string } = {},
): Promise<{ rowsDeleted: number }> {
  needsPostgres(db);
  const subscription = subscriptionOf(county);
  if (!isCountyCode(county) || !(await subscriptionExists(db.owner, subscription)))
    throw new AppError('province_subscription_missing', { name: county });
  await (opts.keepSlot ? dropSubscriptionKeepingSlot : dropSubscription)(db.owner, subscription);
  return db.ownerTransaction(async (tx) => {
    const rowsDeleted = await deleteCountyRows(tx, ROLLUP_TABLES, county);
    await auditSystem(tx, opts.label ?? 'cli', {
      action: 'province.unsubscribe',
      entityType: 'subscription',
      entityId: subscription,
      scopeCode: county,
      after: { rowsDeleted, slotKept: Boolean(opts.keepSlot) },
    });
    return { rowsDeleted };
  });
}

export interface CountyStatus {
  subscription: string;
  county: string | null;
  name: string | null;
  enabled: boolean;
  /** Tables copied and streaming, of the tables subscribed. */
  ready: number;
  tables: number;
  /** When the county last sent anything (a change or a keep-alive); null: the worker is not running. */
  lastReceived: Date | null;
  rows: number;
}

/** On the province: every county subscribed, with its last message and its rows here. */
export async function provinceStatus(db: Database): Promise<CountyStatus[]> {
  needsPostgres(db);
  const out: CountyStatus[] = [];
  for (const s of await subscriptions(db.owner)) {
    const county = countyOfSubscription(s.name);
    out.push({
      subscription: s.name,
      county,
      name: county ? await countyName(db.owner, county) : null,
      enabled: s.enabled,
      ready: s.ready,
      tables: s.tables,
      lastReceived: s.lastReceived,
      rows: county ? await countyRows(db.owner, ROLLUP_TABLES, county) : 0,
    });
  }
  return out;
}
