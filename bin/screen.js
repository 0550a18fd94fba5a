#!/usr/bin/env node
// Thin entry: everything, including the catch-all for unexpected errors, lives in the CLI, which the
// build bundles into dist/bundle/main.cjs (scripts/bundle-cli.mjs); load-bundle.js runs it from V8's
// code cache when the build left a matching one.
import { loadBundle } from './load-bundle.js';

Promise.resolve()
  .then(() => loadBundle().exports.main(process.argv))
  .catch((err) => {
    process.stderr.write(`roster-screen: internal error (${err && err.name ? err.name : 'Error'}). Please run \`npm run build\` and retry.\n`);
    process.exitCode = 2;
  });
