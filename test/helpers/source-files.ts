// The TypeScript files under a folder, for tests that read the code itself (architecture tests).
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every `.ts` file under `dir`, at any depth. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}
