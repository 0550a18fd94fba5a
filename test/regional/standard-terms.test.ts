import { describe, expect, it } from 'vitest';
import type { ApplicantResult } from '../../src/core/types.js';
import { standardEducation, standardId, titleNamer } from '../../src/regional/standard-terms.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';

const withFields = (fields: Record<string, string>) => ({ fields }) as unknown as ApplicantResult;

describe('standard terms in 推荐名单', () => {
  it('names the current title by the rule set\'s standard term when it matches, else as written', () => {
    const title = titleNamer(loadBundledRuleSet().ruleSet);
    expect(['高工', '高级工程师', '副高级工程师', '高级工程师职务任职资格'].map(title)).toEqual(Array(4).fill('高级工程师'));
    expect(['正高级工程师', '教授级高工', '工程师', '高级经济师', ''].map(title)).toEqual(['正高级工程师', '教授级高工', '工程师', '高级经济师', '']);
    // A specialty or note beside it: the check passes it as 高级工程师, and so does the list name it
    // (it once read "contains 高级" first, another series, and was printed as written).
    expect(['高级工程师(电气)', '高级工程师（计算机软件方向，2014年经省高评委评审通过）'].map(title)).toEqual(['高级工程师', '高级工程师']);
    expect(['高级工程师（正高级）', '高级信息系统项目管理师'].map(title)).toEqual(['高级工程师（正高级）', '高级信息系统项目管理师']);
    expect(titleNamer(null)('高工')).toBe('高工');
  });

  it('gives 学历/学位 in standard terms, splitting a combined entry; unreadable text stays', () => {
    expect(standardEducation(withFields({ education: '本科', degree: '学士学位' }))).toBe('大学本科/学士');
    expect(standardEducation(withFields({ education: '研究生/硕士', degree: '' }))).toBe('硕士研究生/硕士');
    expect(standardEducation(withFields({ education: '研究生', degree: '' }))).toBe('研究生');
    expect(standardEducation(withFields({ education: '硕士研究生', degree: '硕士' }))).toBe('硕士研究生/硕士');
    expect(standardEducation(withFields({ education: '大专', degree: '' }))).toBe('大学专科');
    expect(standardEducation(withFields({ education: '大学', degree: '' }))).toBe('大学');
    expect(standardEducation(withFields({ education: '', degree: '博士' }))).toBe('博士');
  });

  it('gives the ID number in the standard form the committee matches, as written when it is no valid ID', () => {
    expect(standardId('３３０１０６１９７１０２１１４３１９')).toBe('330106197102114319');
    expect(standardId(' 330106 19800307 431x ')).toBe('33010619800307431X');
    expect(standardId('330106-19710211-4319')).toBe('330106197102114319');
    expect(standardId('33010619710211431')).toBe('33010619710211431');
    expect(standardId('3.30106E+17')).toBe('3.30106E+17');
  });
});
