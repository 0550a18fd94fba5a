// Meta-tests in the manner of typescript-eslint's tests/rules/index.test.ts: every kind file is
// registered, every registered kind has its own test file, is named after its file, documents
// every param on its schema, declares the value type of every field it reads and reads them through
// field-access.ts; and a mistyped outcome name does not compile.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkKindNames, loadCheckKind } from '../../../src/rules/checks/index.js';
import { paramDocOf } from '../../../src/rules/param-doc.js';
import { VALUE_TYPES } from '../../../src/rules/check-kind.js';
import { prepareRules } from '../../../src/rules/prepare-rules.js';
import { loadBundledRuleSet } from '../../../src/ruleset/load.js';

const SRC = fileURLToPath(new URL('../../../src/rules/checks/', import.meta.url));
const TESTS = fileURLToPath(new URL('./', import.meta.url));
const stems = (dir: string, suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length));

describe('check kinds', () => {
  it('every file in src/rules/checks/ is a registered kind', () => {
    expect(stems(SRC, '.ts').filter((n) => n !== 'index').sort()).toEqual([...checkKindNames].sort());
  });

  it('every registered kind has a test file of its own', () => {
    const tested = new Set(stems(TESTS, '.test.ts'));
    expect(checkKindNames.filter((n) => !tested.has(n))).toEqual([]);
  });

  it.each(checkKindNames)('%s: named after its file, every param documented (zh and en)', async (name) => {
    const kind = await loadCheckKind(name);
    expect(kind.kind).toBe(name);
    const shape = (kind.params as unknown as { shape: Record<string, unknown> }).shape;
    const undocumented = Object.keys(shape).filter((p) => !paramDocOf(kind.params, p)?.zh || !paramDocOf(kind.params, p)?.en);
    expect(undocumented).toEqual([]);
  });

  it('every field a bundled rule reads has its value type declared by the kind', async () => {
    const undeclared: string[] = [];
    for (const rule of await prepareRules(loadBundledRuleSet().ruleSet)) {
      const { required, optional, anyOf = [], each = [], types } = rule.needs;
      for (const field of new Set([...required, ...optional, ...anyOf.flat(), ...each])) {
        if (!(VALUE_TYPES as readonly string[]).includes(types[field] ?? '')) undeclared.push(`${rule.def.id}: ${field}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it.each(checkKindNames)('%s: reads cells only through the typed accessors of field-access.ts', (name) => {
    const code = readFileSync(`${SRC}${name}.ts`, 'utf8');
    expect(code).not.toMatch(/\.values\.get\(|\b(?:cellText|idFromCell|parseDateValue|parseHours|parseYesNoValue)\(/);
  });

  it('a mistyped outcome name does not compile', () => {
    const file = fileURLToPath(new URL('./outcome-names.typecheck.ts', import.meta.url));
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    // An unneeded @ts-expect-error is itself an error (TS2578), so none means every typo failed.
    expect(problems).toEqual([]);
    // ~6 s of CPU (zod's types); `npm run typecheck` checks the same file through test/tsconfig.json.
  }, 60_000);
});
