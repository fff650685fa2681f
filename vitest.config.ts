import { defineConfig } from 'vitest/config';

// Integration tests run against a real database: PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set (see test/global-setup.ts). Each test file gets its own database
// cloned from one migrated template.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
