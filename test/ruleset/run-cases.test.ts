// Tests as data: a rule set's own cases, run through the engine.
import { describe, expect, it } from 'vitest';
import { parseRuleSetText } from '../../src/ruleset/load.js';
import { runCases } from '../../src/ruleset/run-cases.js';
import { edit, miniText } from './helpers.js';

const summary = (rs: Awaited<ReturnType<typeof runCases>>) => rs.map((r) => [r.name, r.ok, r.actual.status, r.actual.rules]);

describe('runCases', () => {
  it('runs every case of the fixture and all pass (cases share a base applicant through a YAML merge key)', async () => {
    const results = await runCases(parseRuleSetText(miniText(), 'mini.yaml'));
    expect(summary(results)).toEqual([
      ['合格', true, 'pass', []],
      ['2023年学时不足', true, 'fail', ['cpd-hours']],
      ['个人申报逾期', true, 'fail', ['apply-deadline']],
      ['机关单位', true, 'fail', ['unit-type']],
      ['申报日期只到月', true, 'review', ['apply-deadline']],
    ]);
  });

  it('raising the CPD minimum changes the verdicts the cases expect', async () => {
    const raised = parseRuleSetText(edit(miniText(), 'minHours: 90', 'minHours: 100'), 'raised.yaml');
    const results = await runCases(raised);
    const failed = results.filter((r) => !r.ok);
    // 96 and 92 hours are now short: the "qualified" base fails, and so does every case built on it.
    expect(failed.map((r) => r.name)).toEqual(['合格', '个人申报逾期', '机关单位', '申报日期只到月']);
    expect(failed[0]).toMatchObject({ expected: { status: 'pass', rules: [] }, actual: { status: 'fail', rules: ['cpd-hours'] }, unexpected: ['cpd-hours'], missing: [] });
  });

  it('a case fails when a listed rule stays silent', async () => {
    const rs = parseRuleSetText(edit(miniText(), 'expect: { status: pass }', 'expect: { status: pass, rules: [unit-type] }'), 'x.yaml');
    const [first] = await runCases(rs);
    expect(first).toMatchObject({ ok: false, missing: ['unit-type'] });
  });

  it('judges on the round’s reference date unless told otherwise, and columns not given are blank', async () => {
    const rs = parseRuleSetText(edit(miniText(), '      applyDate: "2024-03-01"\n', ''), 'x.yaml');
    const [first] = await runCases(rs);
    expect(first!.actual).toEqual({ status: 'review', rules: ['apply-deadline'] });
    expect(first!.findings.map((f) => f.outcome)).toEqual(['blank']);
  });
});
