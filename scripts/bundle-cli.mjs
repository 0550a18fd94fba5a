// Build step: bundles the compiled CLI (dist/cli/main.js and everything it imports, zod and commander
// included) into one CommonJS file, dist/bundle/main.cjs, then makes V8's code cache for it from a
// warm-up run on the bundled sample roster. bin/screen.js loads the bundle through that cache
// (bin/load-bundle.js). Loading ~250 ES modules one by one cost ~130 ms of a 30-row run; 85 chunks
// of an ES bundle still cost ~90 ms of resolving, linking and compiling; one cached script ~10 ms.
// Parts imported lazily (check kinds, regional outputs, rule tooling) are still evaluated only when
// used. exceljs and yaml stay outside: large, CommonJS, required only on the paths that need them.
// exceljs gets a bundle and cache of its own (dist/bundle/exceljs.cjs), warmed up by a run that
// writes the regional outputs; bin/load-bundle.js hands it to the CLI bundle's require('exceljs').
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE, cachePathOf, loadBundle, loadedVendorBundle, stampedCache, VENDOR_BUNDLES } from '../bin/load-bundle.js';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(path.dirname(BUNDLE), { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'dist/cli/main.js')],
  outfile: BUNDLE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'yaml'],
  // The sources find their data files relative to their own URL (../../rules/ …); dist/bundle/ sits
  // at the same depth as dist/<dir>/, so the bundle's own URL keeps those paths right.
  define: { 'import.meta.url': 'bundleUrl' },
  inject: [path.join(root, 'scripts/bundle/bundle-url.js')],
  // Less text to parse; names are kept (profiles, error names).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
const nativeZipUsed = new Set();
await build({
  entryPoints: [path.join(root, 'scripts/bundle/exceljs-entry.cjs')],
  outfile: VENDOR_BUNDLES.exceljs,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [nativeZipForJsZip(nativeZipUsed), noDeprecatedBuffer()],
});
// An exceljs or JSZip upgrade that moves these files must not silently drop back to JavaScript.
if (nativeZipUsed.size !== 2) throw new Error(`JSZip's deflate and CRC-32 were not both replaced (${[...nativeZipUsed].join(', ') || 'neither'})`);

/**
 * exceljs writes workbooks through JSZip, whose deflate (pako) and CRC-32 are pure JavaScript:
 * most of the regional lists' time. In the exceljs bundle, JSZip gets Node's zlib for both
 * (scripts/bundle/jszip-pako.cjs, jszip-crc32.cjs); nothing else changes.
 */
function nativeZipForJsZip(used) {
  const inJsZip = (importer) => /[\\/]node_modules[\\/]jszip[\\/]lib[\\/]/.test(importer);
  const shim = (name) => (used.add(name), { path: path.join(root, `scripts/bundle/${name}`) });
  return {
    name: 'native-zip-for-jszip',
    setup(b) {
      b.onResolve({ filter: /^pako$/ }, (args) =>
        inJsZip(args.importer) && args.importer.endsWith('flate.js') ? shim('jszip-pako.cjs') : undefined,
      );
      b.onResolve({ filter: /^\.\.?\/crc32$/ }, (args) => (inJsZip(args.importer) ? shim('jszip-crc32.cjs') : undefined));
    },
  };
}

/**
 * Some of exceljs's dependencies (archiver-utils, …) still call `new Buffer(…)`. Node stays quiet
 * about that inside node_modules, but prints a DEP0005 warning for the same call from our bundle.
 * Here it becomes what that constructor does: Buffer.alloc for a size (zero-filled), else Buffer.from.
 */
function noDeprecatedBuffer() {
  const helper = 'var __bufferOf = (a, b, c) => (typeof a === "number" ? Buffer.alloc(a) : Buffer.from(a, b, c));\n';
  return {
    name: 'no-deprecated-buffer',
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!/\bnew Buffer\(/.test(text)) return undefined;
        return { contents: helper + text.replace(/\bnew Buffer\(/g, '__bufferOf('), loader: 'js' };
      });
    },
  };
}

// Warm-up: screen a copy of the sample roster the way users do (annotated copy beside it; terminal
// and JSON reports), so the cache holds bytecode for everything the default path runs.
const work = mkdtempSync(path.join(os.tmpdir(), 'roster-screen-warm-'));
try {
  const roster = path.join(work, 'roster.xlsx');
  copyFileSync(path.join(root, 'samples/employer/花名册-杭州某某科技.xlsx'), roster);
  const { exports: cli, script, stamp } = loadBundle({ useCache: false });
  const quiet = { out: () => {}, err: () => {}, stdoutIsTTY: false, stderrIsTTY: false, color: false };
  for (const args of [['--format', 'json'], ['--format', 'terminal', '--no-write']]) {
    const code = await cli.main(['node', 'screen', roster, ...args, '--no-progress', '--as-of', '2024-03-25'], quiet);
    if (code !== 0 && code !== 1) throw new Error(`warm-up run (${args.join(' ')}) exited with ${code}`);
  }
  process.exitCode = 0; // main sets it; the build's own status is ours
  writeFileSync(cachePathOf(BUNDLE), stampedCache(stamp, script.createCachedData()));

  // Then the regional outputs, for exceljs's cache (after the CLI's cache is taken, so the default
  // path's cache does not grow by code it does not run).
  const outDir = path.join(work, 'out');
  mkdirSync(outDir);
  const code = await cli.main(['node', 'screen', roster, '--out-dir', outDir, '--format', 'json', '--no-progress', '--as-of', '2024-03-25'], quiet);
  if (code !== 0 && code !== 1) throw new Error(`warm-up run (--out-dir) exited with ${code}`);
  process.exitCode = 0;
  const exceljs = loadedVendorBundle('exceljs');
  if (!exceljs?.script) throw new Error('the --out-dir warm-up did not load the exceljs bundle');
  writeFileSync(cachePathOf(VENDOR_BUNDLES.exceljs), stampedCache(exceljs.stamp, exceljs.script.createCachedData()));
} finally {
  rmSync(work, { recursive: true, force: true });
}
