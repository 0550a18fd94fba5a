// The JSON Schema editors use for rule files is generated from the zod schema and must not drift.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkKindNames } from '../../src/rules/checks/index.js';
import { ruleSetJsonSchemaText } from '../../src/ruleset/json-schema.js';
import { miniText } from './helpers.js';

const COMMITTED = fileURLToPath(new URL('../../rules/rule-set.schema.json', import.meta.url));

describe('rules/rule-set.schema.json', () => {
  it('is up to date with src/rules/schema.ts and the check kinds', async () => {
    const fresh = await ruleSetJsonSchemaText();
    const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '';
    expect(
      committed === fresh,
      'rules/rule-set.schema.json is stale: run `npm run build && node scripts/generate-rule-schema.mjs` and commit it',
    ).toBe(true);
  });

  it('lets editors complete check kinds, each kind’s params and outcome keys, with descriptions', async () => {
    const schema = JSON.parse(await ruleSetJsonSchemaText());
    const rule = schema.properties.rules.items;
    expect(rule.properties.check.enum).toEqual([...checkKindNames]);
    const hours = rule.allOf.find((b: { if: { properties: { check: { const: string } } } }) => b.if.properties.check.const === 'min-hours-per-year');
    expect(Object.keys(hours.then.properties.params.properties)).toEqual(['years', 'minHours']);
    expect(hours.then.properties.params.properties.minHours.description).toContain('每年最低继续教育学时');
    expect(Object.keys(hours.then.properties.outcomes.properties)).toEqual(['short', 'blank', 'unreadable']);
    expect(schema.properties.round.properties.year.description).toMatch(/^★ 评审年度/);
    expect(schema.properties.notice.properties.issued.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
  });

  it('accepts the keys a valid rule file uses (no unknown top-level keys)', async () => {
    const schema = JSON.parse(await ruleSetJsonSchemaText());
    const data = parse(miniText(), { merge: true }) as Record<string, unknown>;
    expect(Object.keys(data).every((k) => k in schema.properties)).toBe(true);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'notice', 'round', 'common', 'columns', 'rules']));
  });
});
