// The packages the CLI bundle leaves outside (`require("exceljs")` …: scripts/bundle-cli.mjs), each
// bundled with all it depends on into one CommonJS file, for the executable to carry as an asset.
// Found in the bundle's text, so a reader added later (an .xls library) travels along unasked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Writes `<outDir>/node_modules/<name>/index.cjs` per package the bundle requires; returns package
 * name -> that path relative to outDir. Under node_modules/ as in a project: Node leaves libraries
 * there out of its deprecation warnings (exceljs's dependencies call `Buffer()`).
 */
export async function bundleLibraries(bundleText, root, outDir) {
  const libraries = {};
  for (const name of requiredPackages(bundleText)) {
    const relative = `node_modules/${name}/index.cjs`;
    const file = path.join(outDir, relative);
    const result = await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, sourcefile: `${name}-entry.js` },
      outfile: file,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minifyWhitespace: true,
      minifySyntax: true,
      write: false,
      logLevel: 'error',
    });
    const text = result.outputFiles[0].text;
    const left = requiredPackages(text);
    if (left.length > 0) throw new Error(`${name}: its bundle still requires ${left.join(', ')} from node_modules`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    libraries[name] = relative;
  }
  return libraries;
}

/** Packages (not Node's built-in modules) a bundle requires by a literal name. */
export function requiredPackages(text) {
  const names = [...text.matchAll(/\brequire\d*\("([^"]+)"\)/g)].map((m) => m[1]);
  return [...new Set(names)].filter((n) => !isBuiltin(n) && !n.startsWith('.')).sort();
}
