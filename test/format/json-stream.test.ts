import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/format/json.js';
import { buildRunResult } from '../../src/report/build-run-result.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { screenRows, validApplicant } from '../helpers/screen-rows.js';

async function run(rows: number) {
  const result = await screenRows(
    Array.from({ length: rows }, (_, i) => ({ ...validApplicant, name: `申报人${i}`, cpd2022: 60 + i })),
  );
  const loaded = loadBundledRuleSet();
  return buildRunResult({ result, inputs: [], problems: [], workbooks: [] }, loaded, '2024-03-25');
}

describe('writeJson', () => {
  // Applicants are written in batches of 256: cover the batch edges.
  it.each([0, 1, 3, 256, 257, 600])('gives exactly the whole document JSON.stringify would, in pieces (%i applicants)', async (n) => {
    const r = await run(n);
    for (const options of [{ lang: 'zh', mask: true }, { lang: 'en', mask: false }] as const) {
      const chunks: string[] = [];
      writeJson(r, options, (c) => chunks.push(c));
      const text = chunks.join('');
      const doc = JSON.parse(text) as { applicants: unknown[] };
      expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      expect(Object.keys(doc)).toEqual(['tool', 'ruleSet', 'asOf', 'inputs', 'summary', 'deadlines', 'unchecked', 'problems', 'exceptions', 'applicants']);
      expect(doc.applicants).toHaveLength(n);
      expect(chunks.length).toBe(Math.ceil(n / 256) + 2);
    }
  });
});
