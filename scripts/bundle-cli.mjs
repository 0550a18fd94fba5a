// Build step: bundles the compiled CLI (dist/cli/main.js and everything it imports, zod and commander
// included) into one CommonJS file, dist/bundle/main.cjs: loading ~250 ES modules one by one cost
// ~130 ms of a 30-row run. Parts imported lazily (check kinds, regional outputs, rule tooling) are
// still evaluated only when used. exceljs and yaml stay outside, required from node_modules only on
// the paths that need them (CSV rosters, regional outputs, rule files).
// Then V8's code cache for the bundle, from a warm-up run on the sample roster (bin/load-bundle.js).
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE, loadBundle, saveCache } from '../bin/load-bundle.js';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(path.dirname(BUNDLE), { recursive: true, force: true });
await build({
  // The CLI, and the single-file executable's start (scripts/dist.mjs), which wraps it.
  stdin: {
    contents: "export * from './dist/cli/main.js'; export { runExecutable } from './dist/cli/office-mode.js';",
    resolveDir: root,
    sourcefile: 'bundle-entry.js',
  },
  outfile: BUNDLE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'yaml', '@e965/xlsx'],
  // The sources find their data files relative to their own URL (../../rules/ …); dist/bundle/ sits
  // at the same depth as dist/<dir>/, so the bundle's own URL keeps those paths right.
  define: { 'import.meta.url': 'bundleUrl' },
  inject: [path.join(root, 'scripts/bundle/bundle-url.js')],
  // Less text to parse; names are kept (profiles, error names).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// Warm-up: screen a copy of the sample roster the way users do (annotated copy beside it; terminal
// and JSON reports), so the cache holds bytecode for everything the default path runs.
const work = mkdtempSync(path.join(os.tmpdir(), 'roster-screen-warm-'));
try {
  const roster = path.join(work, 'roster.xlsx');
  copyFileSync(path.join(root, 'samples/employer/花名册-杭州某某科技.xlsx'), roster);
  const { exports: cli, script } = loadBundle({ useCache: false });
  const quiet = { out: () => {}, err: () => {}, stdoutIsTTY: false, stderrIsTTY: false, color: false };
  for (const args of [['--format', 'json'], ['--format', 'terminal', '--no-write']]) {
    const code = await cli.main(['node', 'screen', roster, ...args, '--no-progress', '--as-of', '2024-03-25'], quiet);
    if (code !== 0 && code !== 1) throw new Error(`warm-up run (${args.join(' ')}) exited with ${code}`);
  }
  process.exitCode = 0; // main sets it; the build's own status is ours
  writeFileSync(`${BUNDLE}.cache`, saveCache(BUNDLE, script));
} finally {
  rmSync(work, { recursive: true, force: true });
}
