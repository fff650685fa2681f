import { mkdirSync } from 'node:fs';
import type { Config } from '../../config';
import type { Database } from './db';
import { migrate } from './migrate';
import { OperatorError } from '../errors';

export class DatabaseUnavailableError extends OperatorError {}

/**
 * PostgreSQL when DATABASE_URL is set, else file-backed PGlite in DATA_DIR/pgdata. Only the chosen
 * backend's driver is imported (each costs start-up time the other backend does not need).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>,
  opts: { migrate: boolean },
): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    try {
      db = await openPostgres(config.databaseUrl, config.databasePoolSize);
    } catch (err) {
      const host = new URL(config.databaseUrl).host;
      throw new DatabaseUnavailableError(
        `无法连接数据库 ${host} / cannot connect to the database at ${host}: ${(err as Error).message}`,
      );
    }
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    const { openPglite } = await import('./pglite');
    db = await openPglite(`${config.dataDir}/pgdata`);
  }
  if (opts.migrate) await migrate(db);
  return db;
}
