import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CLI tests spawn the built binary; 2 cores on CI, keep the pool small.
    maxWorkers: 2,
  },
});
