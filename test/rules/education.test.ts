import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'education';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['大学本科 + 学士', { education: '大学本科', degree: '学士' }, []],
    ['本科, no degree', { education: '本科', degree: '' }, []],
    ['全日制本科', { education: '全日制本科', degree: '' }, []],
    ['硕士研究生', { education: '硕士研究生', degree: '' }, []],
    ['博士研究生', { education: '博士研究生', degree: '' }, []],
    ['研究生', { education: '研究生', degree: '' }, []],
    ['在职研究生', { education: '在职研究生', degree: '' }, []],
    ['硕士', { education: '硕士', degree: '' }, []],
    ['博士', { education: '博士', degree: '' }, []],
    ['大专 + 学士: the degree suffices', { education: '大专', degree: '学士' }, []],
    ['大专 + 第二学士', { education: '大专', degree: '第二学士' }, []],
    ['大专 + 工学硕士', { education: '大专', degree: '工学硕士' }, []],
    ['blank 学历 + 博士', { education: '', degree: '博士' }, []],
    ['大专 + 无 → error', { education: '大专', degree: '无' }, [['below', 'error']]],
    ['专科, no degree → error', { education: '专科', degree: '' }, [['below', 'error']]],
    ['中专 → error', { education: '中专', degree: '' }, [['below', 'error']]],
    ['高中 → error', { education: '高中', degree: '' }, [['below', 'error']]],
    ['blank 学历 + 无 → error', { education: '', degree: '无' }, [['below', 'error']]],
    ['大专 with 破格=是 → warn', { education: '大专', degree: '', poge: '是' }, [['below-poge', 'warn']]],
    ['大专 with 破格=否 → error', { education: '大专', degree: '', poge: '否' }, [['below', 'error']]],
    ['both blank → error', { education: '', degree: '' }, [['blank', 'error']]],
    ['ambiguous 大学 → warn', { education: '大学', degree: '' }, [['unknown', 'warn']]],
    ['大专 + unreadable degree → warn', { education: '大专', degree: '有' }, [['unknown', 'warn']]],
    ['技工院校预备技师（技师）班 → warn, not an error', { education: '技工院校预备技师（技师）班', degree: '' }, [['recognition', 'warn']]],
    ['预备技师班 + 学士: the degree suffices', { education: '预备技师班', degree: '学士' }, []],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('names both values (zh and en)', async () => {
    const f = (await screenOne({ education: '大专', degree: '' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('学历"大专"、学位"未填写"不符合要求：须具备大学本科及以上学历或学士及以上学位');
    expect(f?.message.en).toContain('education "大专" and degree "blank" do not qualify');
    expect(f?.cell).toMatch(/^[A-Z]+2$/);
  });

  it('a failure cites the national minimum only; the 预备技师 warning cites the high-skill opinion it rests on', async () => {
    const below = (await screenOne({ education: '大专', degree: '' })).findings.find((x) => x.ruleId === RULE);
    expect(below?.source.zh).toBe('〔人社部发〔2019〕16号 附件 工程技术人才职称评价基本标准 四〕');
    const recognition = (await screenOne({ education: '技工院校预备技师（技师）班', degree: '' })).findings.find((x) => x.ruleId === RULE);
    expect(recognition?.source.zh).toContain('人社部发〔2019〕16号');
    expect(recognition?.source.zh).toContain('高技能人才队伍建设的意见');
  });

  it('runs on a roster with only the 学位 column', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'education');
    expect(outcomesOf(await screenOne({ degree: '学士' }, { columns }), RULE)).toEqual([]);
    expect(outcomesOf(await screenOne({ degree: '无' }, { columns }), RULE)).toEqual([['below', 'error']]);
  });

  it('runs on a roster with only the 学历 column', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'degree');
    expect(outcomesOf(await screenOne({ education: '本科' }, { columns }), RULE)).toEqual([]);
  });

  it('warns per applicant when the roster has neither 学历 nor 学位 (core)', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'education' && c !== 'degree');
    expect(outcomesOf(await screenOne({}, { columns }), RULE)).toEqual([['missing-column', 'warn']]);
  });
});
