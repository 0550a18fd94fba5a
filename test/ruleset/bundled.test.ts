// The bundled rule set under the rule tools: it passes check, carries passing cases for its rules,
// a copy made by `rules init` screens exactly like it, and raising the CPD minimum shows in test and diff.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { checkDigit } from '../../src/normalize/id-number.js';
import { screenFiles } from '../../src/pipeline/screen-files.js';
import { loadBundledRuleSet, parseRuleSetText } from '../../src/ruleset/load.js';
import type { RuleCase, RuleSet } from '../../src/rules/schema.js';
import { diffVerdicts } from '../../src/ruleset/diff-verdicts.js';
import { initCopyText } from '../../src/ruleset/init-copy.js';
import { runCases } from '../../src/ruleset/run-cases.js';
import { bundledSource } from '../../src/ruleset/read-source.js';
import { validateRuleSetText, validateSource } from '../../src/ruleset/validate.js';
import { makeRosterBuffer } from '../helpers/make-roster.js';
import { formatIssue } from '../../src/ruleset/issues.js';
import { edit, lineOf, tempDir, zh } from './helpers.js';

const RULES = fileURLToPath(new URL('../../rules/', import.meta.url));

// One roster row per case, each with its own valid ID number (so duplicates do not decide).
function rosterRows(cases: RuleCase[]): Record<string, string | number | boolean>[] {
  const baseId = cases[0]!.applicant['idNumber'];
  return cases.map((c, i) => {
    const row = { ...c.applicant };
    if (row['idNumber'] === baseId) {
      const first17 = `33010619710211${String(101 + 2 * i).padStart(3, '0')}`;
      row['idNumber'] = first17 + checkDigit(first17);
      row['name'] = `申报人${i + 1}`;
    }
    return row;
  });
}

let bundled: RuleSet;
let source: ReturnType<typeof bundledSource>;
let roster: string;

beforeAll(async () => {
  bundled = loadBundledRuleSet().ruleSet;
  source = bundledSource('zj-2023-zhenggao');
  const dir = tempDir('ruleset-bundled-');
  roster = path.join(dir, '花名册.xlsx');
  writeFileSync(roster, await makeRosterBuffer({ columns: bundled.columns.map((c) => c.id), rows: rosterRows(bundled.cases) }));
});

const screen = async (ruleSet: RuleSet) =>
  (
    await screenFiles({
      files: [roster],
      asOf: '2024-03-08',
      strictColumns: false,
      rules: { ruleSet, origin: ruleSet.id, sha256: '' },
      env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
    })
  ).result.applicants;

describe('the bundled rule set', () => {
  it('is read by the rule tools exactly as the screening loads it', () => {
    expect(source.sha256).toBe(loadBundledRuleSet().sha256);
  });

  it('points into the file a rule comes from (main file or, during development, a part file)', async () => {
    // Same number of lines as the real text, so the same segments map them.
    const shape = await validateSource({ ...source, text: source.text.replace('name: 合格的申报人（各项均符合）', 'name: ""') });
    const main = readFileSync(path.join(RULES, 'zj-2023-zhenggao.yaml'), 'utf8');
    expect(zh(shape.errors)).toEqual([`rules/zj-2023-zhenggao.yaml:${lineOf(main, 'name: 合格的申报人（各项均符合）')} cases[0].name: 不能为空`]);
    const kinds = await validateSource({ ...source, text: source.text.replace('minHours: 90', 'minHours: "90"') });
    const inPart = kinds.errors.find((e) => e.path.join('.').endsWith('params.minHours'))!;
    const fileText = readFileSync(path.join(RULES, inPart.file.replace(/^rules\//, '')), 'utf8');
    expect(formatIssue(inPart, 'zh')).toBe(`${inPart.file}:${lineOf(fileText, 'minHours: 90')} rules[${String(inPart.path[1])}].params.minHours: 应为数字（现为 "90"）`);
  });

  it('passes rules check without errors or warnings (with its cases)', async () => {
    const v = await validateRuleSetText(source.text, 'bundled:zj-2023-zhenggao');
    expect(zh(v.errors)).toEqual([]);
    expect(zh(v.warnings)).toEqual([]);
  });

  it('carries a case for every rule one applicant can show, and all its cases pass', async () => {
    const rs = bundled;
    const results = await runCases(rs);
    expect(results.filter((r) => !r.ok).map((r) => ({ name: r.name, expected: r.expected, actual: r.actual }))).toEqual([]);
    const covered = new Set(rs.cases.flatMap((c) => c.expect.rules));
    // duplicate (across applicants), a hidden row and an uncomputed formula (states of the sheet, not
    // values) and integrity-record (needs the --integrity list) cannot be shown by one applicant's values
    expect(rs.rules.map((r) => r.id).filter((id) => !covered.has(id)).sort()).toEqual(['duplicate', 'formula-uncomputed', 'hidden-row', 'integrity-record']);
  });

  it('with the CPD minimum raised, its cases catch the changed verdicts', async () => {
    const raised = parseRuleSetText(edit(source.text, 'minHours: 90', 'minHours: 100'), 'raised.yaml');
    const failed = (await runCases(raised)).filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(20);
    expect(failed[0]).toMatchObject({ name: '合格的申报人（各项均符合）', expected: { status: 'pass' }, actual: { status: 'fail', rules: ['cpd-hours'] } });
  });
});

describe('rules init from the bundled set', () => {
  let copyText: string;
  beforeAll(async () => {
    const v = await validateSource(source);
    copyText = initCopyText({
      text: source.text,
      ruleSet: v.ruleSet!,
      kinds: v.kinds,
      from: 'zj-2023-zhenggao',
      newId: 'zj-2024-zhenggao',
      lang: 'zh',
      schemaPath: './rule-set.schema.json',
      outName: 'zj-2024-zhenggao.yaml',
    });
  });

  it('passes check (no errors)', async () => {
    const v = await validateRuleSetText(copyText, 'zj-2024-zhenggao.yaml');
    expect(zh(v.errors)).toEqual([]);
    expect(v.warnings.map((w) => w.code)).toEqual(['stale-year']);
  });

  it('unchanged, screens a roster exactly like the bundled set', async () => {
    const copy = parseRuleSetText(copyText, 'zj-2024-zhenggao.yaml');
    expect({ ...copy, id: bundled.id }).toEqual(bundled);
    const [a, b] = [await screen(bundled), await screen(copy)];
    expect(a.length).toBe(bundled.cases.length);
    expect(b).toEqual(a);
    expect(new Set(a.map((x) => x.status))).toEqual(new Set(['pass', 'review', 'fail']));
  });

  it('with the CPD minimum raised, diff names the applicants whose verdict changes', async () => {
    const raised = parseRuleSetText(edit(copyText, 'minHours: 90', 'minHours: 100'), 'zj-2024-zhenggao.yaml');
    const diff = diffVerdicts(await screen(bundled), await screen(raised));
    // everyone with fewer than 100 hours in a year who passed or was under review now fails
    expect(diff.changed.length).toBeGreaterThan(5);
    for (const c of diff.changed) {
      expect(c.after).toBe('fail');
      expect(c.why.map((w) => w.ruleId)).toContain('cpd-hours');
    }
    expect(diff.changed.map((c) => c.name)).toContain('申报人1');
  });
});
