import { migrate } from '../../server/platform/db/migrate';
import { openDeps } from './shared';

export async function migrateCommand(_args: string[] = []): Promise<number> {
  const { db } = await openDeps({ migrate: false });
  const applied = await migrate(db);
  console.log(
    applied.length ? `已应用迁移 Applied migrations: ${applied.join(', ')}` : '数据库已是最新 Database is up to date',
  );
  await db.close();
  return 0;
}
