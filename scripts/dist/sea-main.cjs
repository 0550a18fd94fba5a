// The single-file executable's main script (Node SEA; scripts/dist.mjs builds it in). It runs the
// CLI bundle, stored as an asset, and serves the libraries the bundle requires (exceljs, yaml …),
// each bundled into one asset, on first use: an executable's own `require` loads only Node's
// built-in modules. Bundled data files are read by src/core/bundled-files.ts, not here.
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const { getAsset } = require('node:sea');

// Names the scripts get (stack traces, __filename): as if the project lay beside the executable.
const root = path.dirname(process.execPath);
const libraries = JSON.parse(getAsset('sea-libraries.json', 'utf8')); // package name -> asset name
const loaded = new Map();

const load = Module._load;
Module._load = function loadFromAssets(request, parent, isMain) {
  const asset = libraries[request];
  if (asset === undefined) return load.call(this, request, parent, isMain);
  if (!loaded.has(request)) loaded.set(request, run(asset, codeCache(asset)));
  return loaded.get(request).exports;
};

/** Runs a CommonJS asset; V8's code cache for it is used when the build left one that fits. */
function run(asset, cachedData) {
  const filename = path.join(root, asset);
  const module = { exports: {}, filename, id: filename, loaded: false };
  const script = new vm.Script(Module.wrap(getAsset(asset, 'utf8')), { filename, cachedData });
  if (process.env.ROSTER_SCREEN_DEBUG) process.stderr.write(`${asset}: code cache ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  script.runInThisContext()(module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
  module.loaded = true;
  return module;
}

function codeCache(asset) {
  try {
    return Buffer.from(getAsset(`${asset}.cache`));
  } catch {
    return undefined; // none for this platform: compile as usual
  }
}

const bundle = 'dist/bundle/main.cjs';
Promise.resolve()
  .then(() => run(bundle, codeCache(bundle)).exports.runExecutable(process.argv))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`roster-screen：内部错误（${err && err.name ? err.name : 'Error'}）。输入文件未被修改。/ internal error; the input files were not modified.\n`);
      if (process.env.ROSTER_SCREEN_DEBUG) process.stderr.write(`${err && err.stack}\n`);
      process.exitCode = 2;
    },
  );
