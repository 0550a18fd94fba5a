// Build step: bundles the compiled CLI (dist/cli/main.js and everything it imports, zod and commander
// included) into dist/bundle/, which bin/screen.js runs. Loading ~250 small ES modules one by one cost
// ~130 ms of a 30-row run's ~550 ms; one bundle loads in a fraction of that. Lazily imported parts
// (each check kind, the regional outputs, rule tooling) stay separate chunks, loaded when used.
// exceljs and yaml stay outside: they are large, CommonJS, and loaded only on the paths that need them.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const outdir = new URL('dist/bundle/', root).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [new URL('dist/cli/main.js', root).pathname],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: ['exceljs', 'yaml'],
  // Bundled CommonJS packages (commander, saxes) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Less text to parse at start-up; names are kept (profiles, error names).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
