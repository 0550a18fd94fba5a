// The build validates each bundled rule set and stores zod's output (dist/rule-sets/<id>.json,
// `validated`), which a run uses without validating again. That is only sound if the stored copy is
// exactly what validating the YAML gives: checked here for every bundled set.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, parseRuleSetText } from '../../src/ruleset/load.js';
import { ROOT } from '../helpers/run-cli.js';

describe('compiled rule sets', () => {
  for (const id of bundledRuleSetIds()) {
    it(`${id}: the build's validated copy equals the YAML as validated at run time`, () => {
      const text = readFileSync(path.join(ROOT, 'rules', `${id}.yaml`), 'utf8');
      const compiled = JSON.parse(readFileSync(path.join(ROOT, 'dist/rule-sets', `${id}.json`), 'utf8')) as { validated?: boolean; data: unknown };
      expect(compiled.validated).toBe(true);
      expect(compiled.data).toEqual(parseRuleSetText(text, `bundled:${id}`));
    });
  }
});
