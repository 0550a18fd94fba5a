#!/usr/bin/env node
// Thin entry: everything, including the catch-all for unexpected errors, lives in dist/cli/main.js.
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  process.stderr.write(`roster-screen: internal error (${err && err.name ? err.name : 'Error'}). Please run \`npm run build\` and retry.\n`);
  process.exitCode = 2;
});
