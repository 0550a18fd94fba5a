import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

// Modules that import each other cannot be read (or changed) one at a time; ESM also hands one of
// them a half-initialised other. Type imports count too: they tie the files together all the same.
describe('src/', () => {
  it('has no import cycles', async () => {
    const tree = await parseDependencyTree(['src/**/*.ts'], { context: process.cwd(), tsconfig: 'tsconfig.json', transform: false, skipDynamicImports: false });
    expect(Object.keys(tree).length).toBeGreaterThan(50);
    expect(parseCircular(tree).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
