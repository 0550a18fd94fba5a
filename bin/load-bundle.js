// Runs the CLI bundle (dist/bundle/main.cjs, made by scripts/bundle-cli.mjs) from V8's code cache
// when the build left one that matches: a run then starts from compiled bytecode instead of
// compiling ~1 MB of JavaScript (measured in bench/results.md). Node 20 has no
// module.enableCompileCache, hence vm.Script. V8 itself compares only the source's length, so the
// build stamps the bundle's SHA-256 in front of the cache; any mismatch means compiling as usual.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUNDLE = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url));
const STAMP = 32; // bytes of SHA-256

/** Runs the bundle as a CommonJS module: its exports, its script (the build makes the cache from it) and whether V8 took the cache. */
export function loadBundle({ bundle = BUNDLE, useCache = true } = {}) {
  const bytes = readFileSync(bundle);
  const stamp = createHash('sha256').update(bytes).digest();
  const cachedData = useCache ? cacheFor(`${bundle}.cache`, stamp) : undefined;
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the cache for a bundle loaded with `loadBundle` (the build does, after a warm-up run). */
export function saveCache(bundle, script) {
  const stamp = createHash('sha256').update(readFileSync(bundle)).digest();
  return Buffer.concat([stamp, script.createCachedData()]);
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
