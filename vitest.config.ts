import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // PGlite takes seconds to create a data folder; database suites share one instance per file.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Once per run: the PostgreSQL of the suite's PostgreSQL half (the machine's, or an embedded
    // one started for the run when nothing answers on 127.0.0.1:5432).
    globalSetup: ['tests/support/postgres-setup.ts'],
  },
});
