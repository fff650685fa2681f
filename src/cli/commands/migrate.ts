import type { Command } from '../commands';
import { migrate } from '../../server/platform/db/migrate';
import { openDeps } from './shared';

export const migrateCommand: Command = {
  usage: '',
  description: 'Apply pending SQL migrations to the configured database (DATABASE_URL, or PGlite in DATA_DIR).',
  async run() {
    const { db } = await openDeps({ migrate: false });
    const applied = await migrate(db);
    console.log(applied.length ? `已应用迁移 Applied migrations: ${applied.join(', ')}` : '数据库已是最新 Database is up to date');
    await db.close();
    return 0;
  },
};
