#!/usr/bin/env node
// Thin entry: everything, including the catch-all for unexpected errors, lives in the CLI, which the
// build bundles into dist/bundle/main.js (scripts/bundle-cli.mjs) so that start-up loads one file.
import('../dist/bundle/main.js').then((m) => m.main(process.argv)).catch((err) => {
  process.stderr.write(`roster-screen: internal error (${err && err.name ? err.name : 'Error'}). Please run \`npm run build\` and retry.\n`);
  process.exitCode = 2;
});
