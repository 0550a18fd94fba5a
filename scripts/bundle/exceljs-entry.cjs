// Entry of dist/bundle/exceljs.cjs (scripts/bundle-cli.mjs): exceljs and its dependencies in one
// script, so bin/load-bundle.js can run it from a V8 code cache like the CLI bundle.
module.exports = require('exceljs');
