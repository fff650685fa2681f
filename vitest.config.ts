import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Seconds a file took on this 2-core machine (bench/README.md "Test suite"), for a run with no
 * cached durations yet (a fresh clone); later runs use vitest's cache of the last durations.
 */
const KNOWN_SLOW: Record<string, number> = {
  'test/fuzz.int.test.ts': 30,
  'test/init-orders.int.test.ts': 27,
  'test/backup.int.test.ts': 16,
  'test/cli.int.test.ts': 15,
  'src/server/modules/cases/scope-matrix.int.test.ts': 13,
  'src/server/modules/organisation/demo/demo.memory.test.ts': 12,
};

/**
 * Longest file first across both projects (vitest's own order runs the memory project's files
 * before any server file and sorts only within a project): the two workers then finish together
 * instead of one of them running the fuzz suite alone at the end.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (f: TestSpecification) => {
      const file = relative(root, f.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${f.project.name}:${file}`);
      return cached ? cached.duration / 1000 : (KNOWN_SLOW[file] ?? 0);
    };
    const order = await super.sort(files);
    const rank = new Map(order.map((f, i) => [f, i]));
    return [...order].sort((a, b) => seconds(b) - seconds(a) || rank.get(a)! - rank.get(b)!);
  }
}

// Integration tests run against a real database: PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set (see test/global-setup.ts). Each test file gets its own database
// cloned from one migrated template.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.memory.test.ts', '**/node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          // Files share a worker's module cache (each still gets its own database): the server's
          // module graph is imported once per worker instead of once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        // Heap measurements need a process of their own.
        test: { name: 'memory', include: ['src/**/*.memory.test.ts'], isolate: true },
      },
    ],
  },
});
