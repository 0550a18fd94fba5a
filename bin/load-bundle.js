// Loads the CLI bundle (dist/bundle/main.cjs, made by scripts/bundle-cli.mjs) with V8's code cache.
// The build runs the bundle once on a sample roster and saves the bytecode V8 compiled for it, so a
// run starts from compiled code instead of parsing and compiling ~1 MB of JavaScript (about a third
// of a 30-row roster's time). Node 20 has no module.enableCompileCache, hence vm.Script.
//
// A cache is used only when it was made from these exact bytes: V8 itself compares only the source's
// length, so the build stamps the bundle's SHA-256 in front of the cache. Any mismatch (rebuilt
// bundle, other Node version, other V8 flags) just means compiling as usual, never different code.
//
// exceljs (the regional lists, CSV rosters, templates) is bundled apart, dist/bundle/exceljs.cjs with
// its own cache, and loaded the same way on first require: required from node_modules it took ~260 ms
// (hundreds of small CommonJS files), from its cached bundle ~50 ms.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

// V8 optimises a function once it has run ~66 KB of bytecode; a run of a few thousand rows then
// spends more CPU compiling optimised code (on the second core, which inflate and the garbage
// collector also want) than it gets back. About three times that budget: 1 000 rows −5–10 % CPU,
// and −9 % wall when only one core is free (measured in bench/results.md); 100 000 rows no slower.
// Set before the bundle compiles, in the build as at run time, so the code cache still matches.
export const V8_FLAGS = '--interrupt-budget=200000';
v8.setFlagsFromString(V8_FLAGS);

export const BUNDLE = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url));
/** Packages the CLI bundle leaves external but that have a cached bundle of their own. */
export const VENDOR_BUNDLES = { exceljs: fileURLToPath(new URL('../dist/bundle/exceljs.cjs', import.meta.url)) };
const STAMP = 32; // bytes of SHA-256

/** The cache file for a bundle. */
export function cachePathOf(bundle) {
  return `${bundle}.cache`;
}

/**
 * Runs the bundle as a CommonJS module and returns its exports, plus the compiled script (the build
 * asks it for the cache) and whether V8 took the cache.
 */
export function loadBundle({ bundle = BUNDLE, useCache = true } = {}) {
  const bytes = readFileSync(bundle);
  const stamp = createHash('sha256').update(bytes).digest();
  const cachedData = useCache ? cacheFor(cachePathOf(bundle), stamp) : undefined;
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, requireFor(bundle, useCache), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, stamp, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

const vendored = new Map();

/**
 * A vendor bundle loaded by the CLI bundle's `require` (its script and whether the cache was
 * taken), or undefined if not required yet. The build asks for the script to make its cache.
 */
export function loadedVendorBundle(name) {
  return vendored.get(name);
}

/** `require` for a bundle: a package with a vendor bundle comes from it, anything else as usual. */
function requireFor(bundle, useCache) {
  const plain = createRequire(bundle);
  const wrapped = (id) => {
    const file = Object.hasOwn(VENDOR_BUNDLES, id) ? VENDOR_BUNDLES[id] : undefined;
    if (file === undefined) return plain(id);
    let loaded = vendored.get(id);
    if (!loaded) {
      // No vendor bundle (an unbundled build): the package itself.
      loaded = existsSync(file) ? loadBundle({ bundle: file, useCache }) : { exports: plain(id), script: undefined, cacheUsed: false };
      vendored.set(id, loaded);
    }
    return loaded.exports;
  };
  return Object.assign(wrapped, { resolve: plain.resolve, cache: plain.cache, main: plain.main, extensions: plain.extensions });
}

/** The stamped cache file's contents: the bundle's hash, then V8's data. */
export function stampedCache(stamp, data) {
  return Buffer.concat([stamp, data]);
}

function cacheFor(file, stamp) {
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return undefined; // no cache: compile as usual
  }
  return data.length > STAMP && data.subarray(0, STAMP).equals(stamp) ? data.subarray(STAMP) : undefined;
}
