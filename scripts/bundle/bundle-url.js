// Injected into the CLI bundle (scripts/bundle-cli.mjs) to stand in for `import.meta.url`, which a
// CommonJS bundle lacks: the bundle's own URL.
export const bundleUrl = require('node:url').pathToFileURL(__filename).href;
