// bin/load-bundle.js runs the CLI bundle from the V8 code cache the build made. The cache must be
// taken on the normal path (or the start-up gain silently rots), and must never be taken for a
// bundle other than the one it was made from: V8 itself only compares the source's length.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

const LOADER = pathToFileURL(path.join(ROOT, 'bin/load-bundle.js')).href;
const BUNDLE = path.join(ROOT, 'dist/bundle/main.cjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// Copies sit as deep as dist/bundle/, since the bundle finds package.json at ../../ from itself.
mkdirSync(path.join(tmp, 'dist/bundle'), { recursive: true });
copyFileSync(path.join(ROOT, 'package.json'), path.join(tmp, 'package.json'));

/** Loads a bundle in a plain node process (the flags V8 hashes into the cache are the CLI's own). */
function load(bundle: string): { cacheUsed: boolean; version: string } {
  const script = `import(${JSON.stringify(LOADER)}).then(async (m) => {
    const { exports, cacheUsed } = m.loadBundle({ bundle: ${JSON.stringify(bundle)} });
    let out = '';
    await exports.main(['node', 'screen', '--version'], { out: (t) => (out += t), err: () => {}, stdoutIsTTY: false, stderrIsTTY: false, color: false });
    console.log(JSON.stringify({ cacheUsed, version: out.trim() }));
  })`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { cacheUsed: boolean; version: string };
}

describe('code cache', () => {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('the built bundle runs from its cache', () => {
    expect(load(BUNDLE)).toEqual({ cacheUsed: true, version });
  });

  it('a bundle changed in place, same length, ignores the old cache and still runs', () => {
    const bundle = path.join(tmp, 'dist/bundle/changed.cjs');
    const text = readFileSync(BUNDLE, 'utf8');
    // Same byte length, one letter of a message changed.
    const changed = text.replace('Please fix each item', 'Please fix each itEm');
    expect(changed).not.toBe(text);
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    writeFileSync(bundle, changed);
    copyFileSync(`${BUNDLE}.cache`, `${bundle}.cache`);
    expect(readFileSync(bundle)).not.toEqual(readFileSync(BUNDLE));
    expect(load(bundle)).toEqual({ cacheUsed: false, version });
  });

  it('a bundle without a cache compiles as usual', () => {
    const bundle = path.join(tmp, 'dist/bundle/bare.cjs');
    copyFileSync(BUNDLE, bundle);
    expect(load(bundle)).toEqual({ cacheUsed: false, version });
  });
});
