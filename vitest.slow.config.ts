// `npm run test:slow`: the long tests, kept out of `npm test` so the everyday suite stays under 4 minutes.
// SLOW_TESTS is the one list of them; vitest.config.ts (the fast suite) excludes exactly these files.
// Durations measured on the 2-core machine with `npx vitest run --reporter=verbose`.
import { defineConfig } from 'vitest/config';

export const SLOW_TESTS = [
  'test/bench/bench.test.ts', // runs `npm run bench` in quick mode (~40 s)
  'test/hostile/fuzz.test.ts', // 300 mutated rosters through the reader (~20 s)
  'test/hostile/corpus-cli.test.ts', // the hostile corpus through the built CLI (~30 s)
  'test/annotate/scale.test.ts', // a 30 000-row roster annotated, heap watched (~15 s)
  'test/io/plain-node.test.ts', // the compiled reader under plain node in many time zones (~20 s)
  'test/io/perf.test.ts', // opt-in read benchmark (IO_BENCH=1)
  'test/format/html-report-render.test.ts', // Chromium screenshot and PDF of the HTML report
  // LibreOffice and openpyxl conversions beyond the fast suite's one smoke test (regional-cli.test.ts)
  'test/annotate/producers.test.ts',
  'test/annotate/csv.test.ts',
  'test/annotate/edge-cases.test.ts',
  'test/annotate/write-annotated.test.ts',
  // a file named so is slow without being listed here (e.g. a file's LibreOffice tests split out of it)
  'test/**/*.slow.test.ts',
];

export default defineConfig({
  test: {
    include: SLOW_TESTS,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
  },
});
