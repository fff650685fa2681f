import { countDemoAccounts } from '../../server/modules/accounts/accounts.repo';
import { ensureCountySetUp } from '../../server/init';
import { pendingMigrations } from '../../server/platform/db/migrate';
import type { Deps } from '../../server/platform/deps';
import { failureText } from '../failure';
import { openDeps } from './shared';
import { fromRoot } from '../../server/paths';

export const WEB_DIST = fromRoot('dist/web');

/**
 * The server's code (Fastify, the plugins, every module), imported on the first call. `serve` calls
 * it before opening the database, so the modules load while PGlite compiles its WebAssembly.
 */
const importServer = () =>
  Promise.all([
    import('../../server/app'),
    import('../../server/workers'),
    import('../../server/modules/classifier/classifier.service'),
    import('../../server/platform/http/lazy-schemas'),
  ]);
let server: ReturnType<typeof importServer> | undefined;
function loadServer() {
  server ??= importServer();
  return server;
}

export async function listen(deps: Deps, demo: boolean): Promise<void> {
  const [{ buildApp }, { startWorkers }, { departmentModel }, { compileRouteSchemas }] = await loadServer();
  const app = await buildApp(deps, { webDist: WEB_DIST, demo, logger: { level: deps.config.logLevel } });
  const stopWorkers = startWorkers(deps);
  const close = async (code = 0) => {
    stopWorkers();
    await app.close();
    await deps.db.close();
    process.exit(code);
  };
  process.once('SIGINT', () => close());
  process.once('SIGTERM', () => close());
  await app.listen({ port: deps.config.port, host: deps.config.host });
  const base = `http://${deps.config.host === '0.0.0.0' ? 'localhost' : deps.config.host}:${deps.config.port}`;
  console.log(`\n共同缔造智慧平台 Cocreate ${demo ? '演示环境 DEMO' : ''} (${deps.db.kind})`);
  console.log(`  工作台 Staff console:  ${base}/admin`);
  console.log(`  居民端 Resident app:   ${base}/m`);
  console.log(`  接口文档 API docs:     ${base}/api/docs\n`);
  // Started after listening, so they do not delay it (bench/README.md "Start-up"): the classifier
  // model (its check and warning) and the route schemas Fastify compiles on first use — all of
  // them now, so a schema that does not compile still stops the server at start.
  const model = await departmentModel(deps);
  if (!model.ok)
    console.warn(
      `自动归类不可用，上报仍可手动选择类别 / Automatic classification unavailable; reports still work with manual categories:\n  ${failureText(model)}`,
    );
  compileRouteSchemas(app).catch((err: unknown) => {
    app.log.error({ err }, 'a route schema does not compile');
    return close(1);
  });
}

export async function serve(_args: string[] = []): Promise<number> {
  loadServer().catch(() => {}); // started now; listen() awaits it and reports a failure
  const { config, db, deps } = await openDeps({ migrate: !process.env.DATABASE_URL });
  const problems: string[] = [];
  if (config.usesDemoSecret)
    problems.push(
      'COCREATE_SECRET 是演示密钥 / COCREATE_SECRET is the published demo secret: set your own (≥ 32 characters)',
    );
  const pending = await pendingMigrations(db);
  if (pending.length)
    problems.push(
      `有未应用的迁移 / pending migrations: ${pending.map((m) => m.version).join(', ')}; run npx cocreate migrate`,
    );
  else if ((await countDemoAccounts(db)) > 0)
    problems.push('数据库中有演示账号 / the database holds demo accounts: use a fresh database for production');
  if (problems.length) {
    console.error(`拒绝以生产模式启动 Refusing to start in production mode:\n  - ${problems.join('\n  - ')}`);
    await db.close();
    return 1;
  }
  if (!(await ensureCountySetUp(db, config.countyCode))) {
    console.warn(
      `COUNTY_CODE ${config.countyCode} 的区划尚未导入 / its divisions are not imported yet: npx cocreate init --county ${config.countyCode}`,
    );
  }
  await listen(deps, false);
  return -1;
}
