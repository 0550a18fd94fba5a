import { describe, expect, it } from 'vitest';
import { formatRulesMarkdown, formatRulesTerminal } from '../../src/format/rules-list.js';
import { loadRuleSet } from '../../src/ruleset/load.js';

const { ruleSet } = await loadRuleSet(undefined);

describe('rules listing: severities in the reader\'s language', () => {
  it('zh terminal names severities 错误/警告/提示, per rule and per outcome', () => {
    const text = formatRulesTerminal(ruleSet, 'zh');
    expect(text).toContain('id-number  身份证号  [错误]  H');
    expect(text).toContain('    blank → 错误');
    expect(text).toContain('    unreadable → 警告');
    expect(text).toContain('    same-name → 提示');
    expect(text).not.toMatch(/\[(error|warn|info)\]|→ (error|warn|info)\b/);
  });

  it('zh markdown: 最高级别 and the outcomes column in Chinese too', () => {
    const text = formatRulesMarkdown(ruleSet, 'zh');
    expect(text).toContain('| `id-number` 身份证号 | 错误 |');
    expect(text).toContain('same-id: 错误<br>same-name: 提示');
    expect(text).not.toMatch(/\| (error|warn|info) \||: (error|warn|info)\b/);
  });

  it('en keeps the rule set\'s words error/warn/info', () => {
    expect(formatRulesTerminal(ruleSet, 'en')).toContain('    unreadable → warn');
    expect(formatRulesMarkdown(ruleSet, 'en')).toContain('same-id: error<br>same-name: info');
  });
});

describe('rules listing: confidence marks', () => {
  it('zh names the design mark 本工具设定, in the legend and per rule; en keeps design', () => {
    const zh = formatRulesTerminal(ruleSet, 'zh');
    expect(zh).toContain('duplicate  重复申报  [错误]  本工具设定');
    expect(zh).toContain('本工具设定=本工具的核对做法');
    expect(zh).not.toContain('design');
    expect(formatRulesMarkdown(ruleSet, 'zh')).not.toContain('design');
    expect(formatRulesTerminal(ruleSet, 'en')).toContain('duplicate  Duplicate');
    expect(formatRulesTerminal(ruleSet, 'en')).toMatch(/duplicate .*\[error\] {2}design/);
  });
});
