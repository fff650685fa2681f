/**
 * The application role (cocreate_app) and its privileges. Roles belong to the PostgreSQL cluster,
 * not to a database, so pg_dump does not carry them: a restore into a new cluster creates the role
 * first (the dump's table grants name it), and afterwards gives the restoring owner the default
 * privileges later migrations rely on (the dump's own name the original owner, who may not exist). The same statements as migrations/0001 (which stays as landed).
 */
import { APP_ROLE, type Queryable } from '../db';
import { BackupError } from './errors';

export async function ensureAppRole(q: Queryable): Promise<void> {
  const { rows } = await q.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  if (rows.length === 0) {
    try {
      await q.query(`CREATE ROLE ${APP_ROLE} NOLOGIN`);
    } catch (err) {
      throw new BackupError(
        `无法创建数据库角色 ${APP_ROLE} / cannot create the role ${APP_ROLE}: ${(err as Error).message}\n` +
          `请管理员执行 Ask the database administrator to run: CREATE ROLE ${APP_ROLE} NOLOGIN; GRANT ${APP_ROLE} TO <this user>;`,
      );
    }
  }
  await q.query(
    `DO $$ BEGIN EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user); EXCEPTION WHEN others THEN NULL; END $$`,
  );
  await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  // No default privileges while the dump's tables are created: its grants are written relative to
  // a table's initial privileges, so a default grant would survive (UPDATE on audit_log).
  await defaultPrivileges(q, 'REVOKE');
}

/** After the restore: the default privileges later migrations rely on, for the restoring owner. */
export async function grantAppDefaults(q: Queryable): Promise<void> {
  await defaultPrivileges(q, 'GRANT');
}

async function defaultPrivileges(q: Queryable, verb: 'GRANT' | 'REVOKE'): Promise<void> {
  const to = verb === 'GRANT' ? 'TO' : 'FROM';
  await q.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public ${verb} SELECT, INSERT, UPDATE, DELETE ON TABLES ${to} ${APP_ROLE}`,
  );
  await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public ${verb} USAGE, SELECT ON SEQUENCES ${to} ${APP_ROLE}`);
  await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public ${verb} EXECUTE ON FUNCTIONS ${to} ${APP_ROLE}`);
}
