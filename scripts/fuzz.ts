/**
 * The long fuzz run: hostile requests for every operation of the OpenAPI document, on a fresh
 * PGlite database (or PostgreSQL with --database-url), then `audit verify`.
 *
 *   npx tsx scripts/fuzz.ts --runs 150 --seed 42 [--only 'cases'] [--database-url postgres://…] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../src/server/modules/audit/audit.service';
import { importCounty } from '../src/server/init';
import { migrate } from '../src/server/platform/db/migrate';
import { openPglite } from '../src/server/platform/db/pglite';
import { openPostgres } from '../src/server/platform/db/postgres';
import { contextOn } from '../test/harness';
import { runFuzz } from '../test/fuzz/runner';
import { buildWorld, FUZZ_ENV } from '../test/fuzz/world';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    seed: { type: 'string', default: '20261125' },
    only: { type: 'string' },
    'database-url': { type: 'string' },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

async function main() {
  const t0 = Date.now();
  const db = values['database-url'] ? await openPostgres(values['database-url']) : await openPglite(undefined);
  await migrate(db);
  await importCounty(db, '421081', 'fuzz');
  const ctx = await contextOn({ db }, FUZZ_ENV);
  try {
    const world = await buildWorld(ctx);
    const result = await runFuzz(world, {
      seed: Number(values.seed),
      runs: Number(values.runs),
      only: values.only ? new RegExp(values.only) : undefined,
      onOperation: (op, i, n) => process.stderr.write(`[${i + 1}/${n}] ${op.key}\n`),
    });
    process.stderr.write('\n');
    const audit = await verifyAuditChain(db);
    const fiveXX = Object.entries(result.statuses)
      .filter(([s]) => Number(s) >= 500)
      .reduce((n, [, c]) => n + c, 0);
    console.log(
      `operations ${result.operations}, requests ${result.requests}, ${(result.ms / 1000).toFixed(1)} s (${cpus().length} CPUs, ${db.kind}), seed ${values.seed}, runs ${values.runs}`,
    );
    console.log(
      `statuses ${Object.entries(result.statuses)
        .map(([s, c]) => `${s}:${c}`)
        .join(' ')}`,
    );
    if (values.verbose)
      for (const [op, st] of Object.entries(result.byOperation))
        console.log(
          `  ${op}: ${Object.entries(st)
            .map(([s, c]) => `${s}:${c}`)
            .join(' ')}`,
        );
    console.log(
      `answers ≥ 500: ${fiveXX}; failure classes: ${result.classes.length} (${result.classes.reduce((n, c) => n + c.count, 0)} failures)`,
    );
    for (const c of result.classes) {
      const e = c.example;
      console.log(`\n× ${c.key}  [${c.count}]`);
      console.log(
        `  as ${e.request.actor}: ${e.request.method} ${e.request.url.slice(0, 200)}  ${JSON.stringify(e.request.headers).slice(0, 200)}`,
      );
      if (e.request.payload !== undefined)
        console.log(`  body: ${JSON.stringify(e.request.payload.toString()).slice(0, 300)}`);
      console.log(`  answer: ${e.answer.slice(0, 200)}`);
    }
    console.log(
      `\naudit verify: ${audit.ok ? `intact (${audit.rows} rows)` : `BROKEN: ${audit.breaks} rows, first ${audit.first?.id} (${audit.first?.reason})`}`,
    );
    console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (values.json) writeFileSync(values.json, JSON.stringify({ ...result, audit }, null, 1));
    return result.classes.length === 0 && audit.ok ? 0 : 1;
  } finally {
    await ctx.close();
  }
}

process.exitCode = await main();
