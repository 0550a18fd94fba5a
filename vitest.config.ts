// `npm test`: the fast suite, every test file except those listed in vitest.slow.config.ts.
import { defineConfig } from 'vitest/config';
import { SLOW_TESTS } from './vitest.slow.config.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...SLOW_TESTS],
    // A test that needs more than this belongs in SLOW_TESTS: slowness should show.
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // CLI tests spawn the built binary; 2 cores on CI, keep the pool small.
    maxWorkers: 2,
  },
});
