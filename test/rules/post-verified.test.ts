import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'post-verified';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['事业单位 + 是', { unitType: '事业单位', postVerified: '是' }, []],
    ['事业单位 + 已核验', { unitType: '事业单位', postVerified: '已核验' }, []],
    ['事业单位 + 否 → error', { unitType: '事业单位', postVerified: '否' }, [['no', 'error']]],
    ['事业单位 + N → error', { unitType: '事业单位', postVerified: 'N' }, [['no', 'error']]],
    ['事业单位 + blank → warn', { unitType: '事业单位', postVerified: '' }, [['blank', 'warn']]],
    ['事业单位 + unreadable → warn', { unitType: '事业单位', postVerified: '不清楚' }, [['unreadable', 'warn']]],
    ['全额拨款事业单位 + 否 → error', { unitType: '全额拨款事业单位', postVerified: '否' }, [['no', 'error']]],
    ['事业 + 否 → error', { unitType: '事业', postVerified: '否' }, [['no', 'error']]],
    ['参公 事业单位: not applied (unit-type fails it)', { unitType: '参照公务员法管理的事业单位', postVerified: '否' }, []],
    ['部属在浙事业单位: not applied (ministry-entrusted)', { unitType: '部属在浙事业单位', postVerified: '否' }, []],
    ['企业: not applied', { unitType: '企业', postVerified: '否' }, []],
    ['blank 单位性质: not applied', { unitType: '', postVerified: '' }, []],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('points to the personnel system (zh and en)', async () => {
    const f = (await screenOne({ unitType: '事业单位', postVerified: '否' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('须在"浙江省事业单位人事工资管理服务系统"中核定岗位');
    expect(f?.message.en).toContain('post verification is "否"');
    expect(f?.source.zh).toContain('四(四)');
  });

  it('is listed as not checked when the roster has no 岗位核验 column', async () => {
    const result = await screenRows([{ ...validApplicant, unitType: '事业单位' }]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });
});
