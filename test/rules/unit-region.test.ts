import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'unit-region';
const without = (...drop: string[]) => Object.keys(validApplicant).filter((c) => !drop.includes(c));

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['city and district', { unitRegion: '杭州市西湖区' }, []],
    ['浙江省', { unitRegion: '浙江省' }, []],
    ['浙江 without 省', { unitRegion: '浙江' }, []],
    ['city without 市', { unitRegion: '宁波' }, []],
    ['county-level city', { unitRegion: '义乌市' }, []],
    ['county without suffix', { unitRegion: '鄞州' }, []],
    ['province + city + county', { unitRegion: '浙江省温州市乐清市' }, []],
    ['another province → error', { unitRegion: '江苏省南京市' }, [['other-province', 'error']]],
    ['a municipality → error', { unitRegion: '上海市' }, [['other-province', 'error']]],
    ['province wins over a Zhejiang county name (江北区 is also in Ningbo)', { unitRegion: '重庆市江北区' }, [['other-province', 'error']]],
    ['province wins over 普陀区 (also in Zhoushan)', { unitRegion: '上海市普陀区' }, [['other-province', 'error']]],
    ['blank → warn', { unitRegion: '' }, [['blank', 'warn']]],
    ['unrecognised → warn', { unitRegion: '经济开发区' }, [['unknown', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it.each<[string, string, [string, string][]]>([
    ['unit name in Zhejiang', '杭州某某科技有限公司', []],
    ['unit name in another province → error', '江苏某某科技有限公司', [['unit-other-province', 'error']]],
    ['unit name naming no place → not checked', '某某科技有限公司', []],
    ['blank unit name → not checked', '', []],
  ])('without 单位所在地: %s', async (_name, unit, expected) => {
    const result = await screenOne({ unit }, { columns: without('unitRegion') });
    expect(outcomesOf(result, RULE)).toEqual(expected);
  });

  it('names the province found (zh and en)', async () => {
    const f = (await screenOne({ unitRegion: '江苏省南京市' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('单位所在地"江苏省南京市"属于江苏省，不在浙江省；本通知只受理本省及在浙部属单位人员申报');
    expect(f?.message.en).toContain('is in 江苏省, not 浙江省');
    const g = (await screenOne({ unit: '安徽某某有限公司' }, { columns: without('unitRegion') })).findings.find((x) => x.ruleId === RULE);
    expect(g?.message.zh).toContain('工作单位"安徽某某有限公司"所在地为安徽省');
    expect(g?.cell).toBe('E2');
  });

  it('is listed as not checked (never a silent pass) when both columns are missing', async () => {
    const result = await screenRows([validApplicant], { columns: without('unitRegion', 'unit') });
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });
});
