// Preloaded into a measured process (`node --import <this> …`): at exit, writes the process's peak
// resident set size (getrusage maxRSS, KiB) and its CPU time (µs) as JSON to $BENCH_RSS_FILE.
// The variable is removed at once so processes it starts do not overwrite the figures.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
delete process.env.BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(out, JSON.stringify({ maxRSS: u.maxRSS, userCPUTime: u.userCPUTime, systemCPUTime: u.systemCPUTime }));
    } catch {
      // the parent then falls back to its /proc sampling
    }
  });
}
