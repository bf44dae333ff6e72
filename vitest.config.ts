import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file gets its own database; files run in parallel, tests within a file in order.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
