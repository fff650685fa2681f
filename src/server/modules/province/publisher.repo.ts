/**
 * The pre-flight check of a subscription, on the county's database itself (a short connection of its
 * own): the publication is there and the county is that database's (its rollup has no other place). PostgreSQL would otherwise
 * create the subscription and only log the missing publication, over and over.
 */
import pg from 'pg';
import type { Conninfo } from './province.domain';
import { PUBLICATION } from './province.domain';

export interface PublisherFacts {
  published: boolean;
  hasCounty: boolean;
  /** Rollup rows of places outside the county (a database of another county given the wrong name). */
  outside: number;
  walLevel: string;
}

export async function publisherFacts(conninfo: Conninfo, county: string): Promise<PublisherFacts> {
  const client = new pg.Client({ ...conninfo, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<PublisherFacts>(
      `SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = $1) AS published,
              EXISTS (SELECT 1 FROM divisions WHERE code = $2 AND level = 3) AS "hasCounty",
              (SELECT count(*)::int FROM case_rollups_village WHERE village_code NOT LIKE $2 || '%') AS outside,
              current_setting('wal_level') AS "walLevel"`,
      [PUBLICATION, county],
    );
    return rows[0];
  } finally {
    await client.end().catch(() => {});
  }
}
