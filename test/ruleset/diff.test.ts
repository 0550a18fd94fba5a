// `rules diff`: what changed between two rule sets, and with rosters, whose verdict moves and why.
import { describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { screenFiles } from '../../src/pipeline/screen-files.js';
import { parseRuleSetText } from '../../src/ruleset/load.js';
import { changePath, diffRuleSets } from '../../src/ruleset/diff-rule-sets.js';
import { diffVerdicts } from '../../src/ruleset/diff-verdicts.js';
import { formatDiffTerminal } from '../../src/ruleset/report-diff.js';
import type { RuleSet } from '../../src/rules/schema.js';
import { edit, MINI_ROSTER, miniText, tempDir, writeTemp } from './helpers.js';

const mini = () => parseRuleSetText(miniText(), 'mini.yaml');
const flat = (rs: ReturnType<typeof diffRuleSets>) => rs.map((c) => `${c.kind} ${changePath(c.path)}`);


describe('diffRuleSets', () => {
  it('identical sets have no changes', () => {
    expect(diffRuleSets(mini(), mini())).toEqual([]);
  });

  it('reports changed values by rule and deadline id, added and removed words, rules added and removed', () => {
    let text = edit(miniText(), 'minHours: 90', 'minHours: 100');
    text = edit(text, 'date: "2024-03-21"', 'date: "2024-03-22"');
    text = edit(text, 'accept: { values: [企业, 事业单位], contains: [企业] }', 'accept: { values: [企业, 事业单位, 部属在浙单位], contains: [企业] }');
    const b = parseRuleSetText(text, 'b.yaml');
    b.rules = b.rules.filter((r) => r.id !== 'apply-deadline');
    const changes = diffRuleSets(mini(), b);
    expect(flat(changes)).toEqual([
      'changed round.deadlines[employer].date',
      'changed rules[cpd-hours].params.minHours',
      'removed rules[apply-deadline]',
      'added rules[unit-type].params.accept.values',
    ]);
    expect(changes[1]).toMatchObject({ before: 90, after: 100 });
    expect(changes[3]).toMatchObject({ after: ['部属在浙单位'] });
    const out = formatDiffTerminal({ a: 'mini.yaml', b: 'b.yaml', changes }, 'zh', false);
    expect(out).toContain('规则集比较：mini.yaml → b.yaml，4 处变化');
    expect(out).toContain('修改 rules[cpd-hours].params.minHours：90 → 100');
    expect(out).toContain('新增 rules[unit-type].params.accept.values：部属在浙单位');
  });
});

describe('diffVerdicts on rosters', () => {
  it('raising the CPD minimum: who changes verdict, and why', async () => {
    const dir = tempDir();
    const roster = writeTemp(dir, '花名册.csv', MINI_ROSTER);
    const raised = parseRuleSetText(edit(miniText(), 'minHours: 90', 'minHours: 100'), 'raised.yaml');
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
    const diff = diffVerdicts(await screen(mini()), await screen(raised));
    expect(diff.changed.map((c) => [c.name, c.row, c.before, c.after])).toEqual([['张三', 2, 'pass', 'fail']]);
    expect(diff.changed[0]!.why.map((w) => [w.ruleId, w.outcome, w.cell, w.before, w.after])).toEqual([
      ['cpd-hours', 'short', 'D2', null, 'error'],
      ['cpd-hours', 'short', 'F2', null, 'error'],
    ]);
    // 王五 already failed (late): more findings, same verdict.
    expect(diff.sameStatusOtherFindings).toBe(1);
    expect(diff.counts).toEqual({ before: { pass: 2, review: 0, fail: 2 }, after: { pass: 1, review: 0, fail: 3 } });
    const out = formatDiffTerminal({ a: 'mini', b: 'raised', changes: [], verdicts: { ...diff, asOf: '2024-03-08', files: [roster] } }, 'zh', false);
    expect(out).toContain('结论变化 1 人：');
    expect(out).toContain(`${roster} 第2行 张三：通过 → 不通过`);
    expect(out).toContain('+ cpd-hours（错误 D2）2021年继续教育96学时，少于100学时');
  });
});
