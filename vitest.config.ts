import { defineConfig } from 'vitest/config';

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
