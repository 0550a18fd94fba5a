import { createRequire } from 'node:module';

// The yaml package is ~70 CommonJS modules. A run with the bundled rule set reads the build's JSON
// copy and never parses YAML, so the library is required on first use, not imported at start-up.
const require = createRequire(import.meta.url);
let lib: typeof import('yaml') | undefined;

export function yamlLib(): typeof import('yaml') {
  return (lib ??= require('yaml') as typeof import('yaml'));
}
