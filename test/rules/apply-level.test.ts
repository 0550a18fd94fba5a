import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { vocabularyOutcomes } from '../../src/rules/checks/vocabulary.js';

const RULE = 'apply-level';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['正高级工程师', { applyLevel: '正高级工程师' }, []],
    ['正高', { applyLevel: '正高' }, []],
    ['正高级', { applyLevel: '正高级' }, []],
    ['教授级高级工程师', { applyLevel: '教授级高级工程师' }, []],
    ['教授级高工', { applyLevel: '教授级高工' }, []],
    ['with spaces and a note', { applyLevel: ' 正高级工程师（信息技术） ' }, []],
    ['full-width spaces inside', { applyLevel: '正　高' }, []],
    ['高级工程师 → not this round', { applyLevel: '高级工程师' }, [['other-level', 'error']]],
    ['正高级经济师 → not this round', { applyLevel: '正高级经济师' }, [['other-level', 'error']]],
    ['工程师 → not this round', { applyLevel: '工程师' }, [['other-level', 'error']]],
    ['blank → warn', { applyLevel: '' }, [['blank', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('says the level is not this round (zh and en)', async () => {
    const f = (await screenOne({ applyLevel: '高级工程师' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('申报资格"高级工程师"不属于本次评审');
    expect(f?.message.en).toContain('level "高级工程师" is not reviewed in this round');
    expect(f?.source.zh).toContain('浙经信人事〔2023〕291号 一、2');
  });

  it('is listed as not checked when the roster has no 申报资格 column', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'applyLevel');
    const result = await screenRows([validApplicant], { columns });
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });

  it('declares every outcome its vocabulary names', () => {
    const rule = loadBundledRuleSet().ruleSet.rules.find((r) => r.id === RULE)!;
    for (const o of vocabularyOutcomes(rule.params)) expect(rule.outcomes).toHaveProperty(o);
  });
});
