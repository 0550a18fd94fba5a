import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant } from '../helpers/screen-rows.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { resolveSpecialty } from '../../src/rules/checks/specialty.js';

const RULE = 'specialty';

describe(RULE, () => {
  it.each<[string, string, [string, string][]]>([
    ['机电制造', '机电制造', []],
    ['信息技术', '信息技术', []],
    ['能源', '能源', []],
    ['材料', '材料', []],
    ['轻纺', '轻纺', []],
    ['石油和化学工程', '石油和化学工程', []],
    ['variant 机电', '机电', []],
    ['variant 信息技术工程', '信息技术工程', []],
    ['variant 石油化工', '石油化工', []],
    ['variant 化学工程', '化学工程', []],
    ['variant 化工', '化工', []],
    ['variant 轻工纺织', '轻工纺织', []],
    ['trailing 专业 ignored', '能源专业', []],
    ['spaces ignored', ' 材 料 ', []],
    ['人工智能 → info', '人工智能', [['ai', 'info']]],
    ['人工智能专业 → info', '人工智能专业', [['ai', 'info']]],
    // Written under 信息技术, as the notice files it: the same note, not "no committee".
    ['信息技术（人工智能） → info', '信息技术（人工智能）', [['ai', 'info']]],
    ['信息技术/人工智能 → info', '信息技术/人工智能', [['ai', 'info']]],
    ['人工智能(信息技术) → info', '人工智能(信息技术)', [['ai', 'info']]],
    ['another engineering specialty → warn', '建筑工程', [['other', 'warn']]],
    ['电子信息 is not mapped (confirm committee) → warn', '电子信息', [['other', 'warn']]],
    ['计算机 is not mapped → warn', '计算机', [['other', 'warn']]],
    ['blank → error', '', [['blank', 'error']]],
  ])('%s', async (_name, specialty, expected) => {
    expect(outcomesOf(await screenOne({ specialty }), RULE)).toEqual(expected);
  });

  it('tells 人工智能 applicants they file under 信息技术 with 〔2023〕240号 (zh and en)', async () => {
    const f = (await screenOne({ specialty: '人工智能' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('人工智能专业按信息技术专业申报，评价条件适用浙经信人事〔2023〕240号');
    expect(f?.message.en).toContain('filed under 信息技术');
  });

  it('names the six committees for another specialty', async () => {
    const f = (await screenOne({ specialty: '建筑工程' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('申报专业"建筑工程"不在设有正高级评审委员会的专业内（机电制造、信息技术、能源、材料、轻纺、石油和化学工程）');
  });

  it('warns per applicant when the roster has no 申报专业 column (core)', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'specialty');
    expect(outcomesOf(await screenOne({}, { columns }), RULE)).toEqual([['missing-column', 'warn']]);
  });

  describe('resolveSpecialty', () => {
    const ruleSet = loadBundledRuleSet().ruleSet;
    it.each([
      ['信息技术', { canonical: '信息技术', committee: '信息技术', conditionDoc: '浙经信人事〔2019〕144号', known: true }],
      ['机电', { canonical: '机电制造', committee: '机电制造', conditionDoc: '浙经信人事〔2019〕144号', known: true }],
      ['石油化工', { canonical: '石油和化学工程', committee: '石油和化学工程', conditionDoc: '浙经信人事〔2020〕166号', known: true }],
      ['人工智能', { canonical: '人工智能', committee: '信息技术', conditionDoc: '浙经信人事〔2023〕240号', known: true }],
      [' 建筑工程 ', { canonical: '建筑工程', committee: '暂未设正高级评审委员会的专业', conditionDoc: null, known: false }],
    ])('%s', (text, expected) => {
      expect(resolveSpecialty(ruleSet, text)).toEqual(expected);
    });
    it('returns null for a blank text', () => {
      expect(resolveSpecialty(ruleSet, '  ')).toBeNull();
    });
  });
});
