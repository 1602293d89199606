import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // PGlite takes seconds to create a data folder; database suites share one instance per file.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
