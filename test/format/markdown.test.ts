import { describe, expect, it } from 'vitest';
import { formatMarkdown, md } from '../../src/format/markdown.js';
import { fixtureRuleSet, IDS, makeRun } from '../regional/run-fixture.js';

const ruleSet = fixtureRuleSet();

describe('summary.md', () => {
  const text = formatMarkdown(makeRun(), { lang: 'zh', mask: true, ruleSet });

  it('tells the story: verdicts, breakdowns, who needs action, deadlines, exceptions, not checked, run details', () => {
    expect(text.startsWith('# 预审报告\n')).toBe(true);
    expect(text).toContain('| 通过 | 待复核 | 不通过 | 合计 |\n| --- | --- | --- | --- |\n| 4 | 1 | 2 | 7 |');
    for (const h of ['## 按申报专业', '## 按工作单位', '## 按地区', '## 按规则（被标记人数）', '## 需处理的人员', '## 截止时间', '## 已采纳的例外', '## 未匹配任何问题的例外（可能已过时，请核对）', '## 未核验项（花名册缺少相应列，以下条件未检查）', '## 运行信息']) {
      expect(text).toContain(`\n${h}\n`);
    }
    expect(text).toContain('| 人工智能 | 1 | 0 | 0 | 1 |');
    expect(text).toContain('| 宁波市 | 0 | 1 | 1 | 2 |');
    // Rules by their short Chinese name (an id the run's rules do not describe stays as it is).
    expect(text).toContain('| 身份证号 | 身份证号不得重复 | 2 | 0 |');
    expect(text).not.toContain('`duplicate`');
    expect(text).toContain('### 不通过 (2)');
    expect(text).toContain('  - ✗ 近三年每年继续教育学… K3 2021年继续教育学时 72 \\< 90，差 18 学时');
    expect(text).toContain('| 下一级评委会审核推荐截止 | 2024-04-10 | 还有 16 天 |');
    expect(text).toContain('| seniority | 王审核 | 2024-03-20 | 旧例外 | exceptions.csv:3 | 0 |');
    expect(text).toContain('- publicity-days:');
    expect(text).toContain('| rosters/丙单位.csv | 丙单位 | 1 | 3 | `' + 'c'.repeat(64) + '` |');
  });

  it('masks ID numbers (in messages too)', () => {
    for (const id of Object.values(IDS)) expect(text).not.toContain(id);
    expect(text).toContain(`\`${IDS.wang.slice(0, 6)}********${IDS.wang.slice(-4)}\``);
    expect(formatMarkdown(makeRun(), { lang: 'zh', mask: false, ruleSet })).toContain(IDS.wang);
  });

  it('escapes Markdown in roster text', () => {
    expect(md('a|b *c* [d](e) <f>\nx')).toBe('a\\|b \\*c\\* \\[d\\](e) \\<f\\> x');
  });

  it('names a bundled rule set\'s origin in words (内置规则集 <id>), not the internal token', () => {
    expect(text).toContain('内置规则集 zj-2023-zhenggao');
    expect(text).not.toContain('bundled:');
    expect(formatMarkdown(makeRun(), { lang: 'en', mask: true, ruleSet })).toContain('bundled rule set zj-2023-zhenggao');
  });

  it('speaks English with lang en', () => {
    const en = formatMarkdown(makeRun(), { lang: 'en', mask: true, ruleSet });
    expect(en.startsWith('# Pre-screening report\n')).toBe(true);
    expect(en).toContain('| Pass | Review | Fail | Total |');
    expect(en).toContain('### fail (2)');
    expect(en).toContain('16 day(s) left');
  });

  it('names rules by their English short title in en, as zh does by the Chinese one (ids stay in JSON and CSV)', () => {
    const run = makeRun();
    const titled = { ...run, rules: run.rules.map((r) => ({ ...r, title: { zh: `${r.id}名`, en: `Title of ${r.id}` } })) };
    const en = formatMarkdown(titled, { lang: 'en', mask: true, ruleSet });
    expect(en).toContain('Title of cpd-hours K3');
    expect(en).toContain('| Title of duplicate |');
    expect(en).not.toContain('`cpd-hours`');
    expect(en).not.toContain('`duplicate`');
  });
});
