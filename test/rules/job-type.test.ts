import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant } from '../helpers/screen-rows.js';

const RULE = 'job-type';

describe(RULE, () => {
  it.each<[string, [string, string][]]>([
    ['工程技术', []],
    ['工程技术管理', []],
    ['产品研发', []],
    ['软件开发', []],
    ['专业技术岗位', []],
    ['项目经理', []],
    ['行政管理', [['flagged', 'warn']]],
    ['销售', [['flagged', 'warn']]],
    ['市场营销', [['flagged', 'warn']]],
    ['财务', [['flagged', 'warn']]],
    ['会计', [['flagged', 'warn']]],
    ['后勤保障', [['flagged', 'warn']]],
    ['人事', [['flagged', 'warn']]],
    ['党务', [['flagged', 'warn']]],
    ['文秘', [['flagged', 'warn']]],
    ['办公室主任', [['flagged', 'warn']]],
    ['管理岗位', [['flagged', 'warn']]],
    // An engineering word clears the flag: not "clearly other work".
    ['技术销售', []],
    ['销售工程师', []],
    ['财务软件开发', []],
    ['', [['blank', 'warn']]],
  ])('"%s"', async (jobType, expected) => {
    expect(outcomesOf(await screenOne({ jobType }), RULE)).toEqual(expected);
  });

  it('names the keyword (zh and en)', async () => {
    const f = (await screenOne({ jobType: '行政管理' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('现从事工作"行政管理"（含"行政"）不像工程技术或工程技术管理工作');
    expect(f?.message.en).toContain('(contains "行政")');
  });

  it('is listed as not checked when the roster has no 现从事工作 column', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'jobType');
    const result = await screenRows([validApplicant], { columns });
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });
});
