import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant } from '../helpers/screen-rows.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { vocabularyOutcomes } from '../../src/rules/checks/vocabulary.js';

const RULE = 'unit-type';

describe(RULE, () => {
  it.each<[string, [string, string][]]>([
    ['企业', []],
    ['事业单位', []],
    ['部属在浙单位', []],
    ['国有企业', []],
    ['民营企业', []],
    ['私营企业', []],
    ['外资企业', []],
    ['股份有限公司', []],
    ['有限责任公司', []],
    ['全额拨款事业单位', []],
    ['中央部属企业', []],
    ['参照公务员法管理的事业单位', [['civil-service', 'error']]],
    ['参公', [['civil-service', 'error']]],
    ['事业单位（参公）', [['civil-service', 'error']]],
    ['机关', [['civil-service', 'error']]],
    ['行政机关', [['civil-service', 'error']]],
    ['社会组织', [['social-organisation', 'warn']]],
    ['民办非企业', [['social-organisation', 'warn']]],
    ['民办非企业单位', [['social-organisation', 'warn']]],
    ['社会团体', [['social-organisation', 'warn']]],
    ['个体工商户', [['unknown', 'warn']]],
    ['医院', [['unknown', 'warn']]],
    ['机关事业单位', [['unknown', 'warn']]],
    ['', [['blank', 'warn']]],
  ])('"%s"', async (unitType, expected) => {
    expect(outcomesOf(await screenOne({ unitType }), RULE)).toEqual(expected);
  });

  it('explains why 参公 cannot apply (zh and en)', async () => {
    const f = (await screenOne({ unitType: '参照公务员法管理的事业单位' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('单位性质"参照公务员法管理的事业单位"：参照公务员法管理的事业单位和机关人员不在申报范围');
    expect(f?.message.en).toContain('staff of 参公 institutions and government organs may not apply');
  });

  it('warns per applicant when the roster has no 单位性质 column (core)', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'unitType');
    expect(outcomesOf(await screenOne({}, { columns }), RULE)).toEqual([['missing-column', 'warn']]);
  });

  it('declares every outcome its vocabulary names', () => {
    const rule = loadBundledRuleSet().ruleSet.rules.find((r) => r.id === RULE)!;
    for (const o of vocabularyOutcomes(rule.params)) expect(rule.outcomes).toHaveProperty(o);
  });
});
