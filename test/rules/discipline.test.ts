import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'discipline';

const inst = (discipline: string): RowInput => ({ unitType: '事业单位', discipline, postVerified: '是' });
const firm = (discipline: string): RowInput => ({ unitType: '企业', discipline });

describe(RULE, () => {
  // Judged on round.referenceDate, 2024-03-08.
  it.each<[string, RowInput, [string, string][]]>([
    ['无', inst('无'), []],
    ['否', inst('否'), []],
    ['—', inst('—'), []],
    ['/', inst('/'), []],
    ['未受处分', inst('未受处分'), []],
    ['未受记过处分 (negated)', inst('未受记过处分'), []],
    ['blank → info (taken as none)', inst(''), [['blank', 'info']]],
    // 事业单位, 记过 or heavier in force → error
    ['事业单位 记过 2023-09 → error', inst('2023年9月 记过'), [['in-force', 'error']]],
    ['记过（2023.09） → error', inst('记过（2023.09）'), [['in-force', 'error']]],
    ['记过 ending on the reference date → error', inst('2023-03-08 记过'), [['in-force', 'error']]],
    ['记过 ended the day before → info', inst('2023-03-07 记过'), [['expired', 'info']]],
    ['month only: counted from its last day → error', inst('2023年3月 记过'), [['in-force', 'error']]],
    ['记过 2022-03 → expired info', inst('2022年3月记过'), [['expired', 'info']]],
    ['降低岗位等级 2022-06 (24 months) → error', inst('2022年6月 降低岗位等级'), [['in-force', 'error']]],
    ['降级 alias → error', inst('2022年6月受降级处分'), [['in-force', 'error']]],
    ['降低岗位等级 2021-12 → expired', inst('2021年12月 降低岗位等级'), [['expired', 'info']]],
    ['撤职 → error', inst('2022-10-01 撤职'), [['in-force', 'error']]],
    ['开除 never ends → error', inst('2010年 开除'), [['in-force', 'error']]],
    ['sanction dated after the reference date → error', inst('2024年5月 记过'), [['in-force', 'error']]],
    // 警告
    ['警告 in force → warn', inst('2023年10月 警告'), [['in-force-minor', 'warn']]],
    ['警告 ended → info', inst('2023年8月 警告'), [['expired', 'info']]],
    // other employers
    ['企业 记过 in force → warn', firm('2023年9月 记过'), [['in-force-other', 'warn']]],
    ['企业 警告 in force → warn', firm('2023年10月 警告'), [['in-force-minor', 'warn']]],
    ['blank 单位性质 → warn', { unitType: '', discipline: '2023年9月 记过' }, [['in-force-other', 'warn']]],
    ['参公 is not 事业单位 staff here → warn', { unitType: '参照公务员法管理的事业单位', discipline: '2023年9月 记过' }, [['in-force-other', 'warn']]],
    ['部属在浙事业单位 → error', { unitType: '部属在浙事业单位', discipline: '2023年9月 记过', entrusted: '是' }, [['in-force', 'error']]],
    // no date / other text
    ['记过 without a date → warn', inst('记过'), [['no-date', 'warn']]],
    ['警告 without a date → warn', firm('受警告处分'), [['no-date', 'warn']]],
    ['other text → warn', inst('通报批评'), [['unrecognized', 'warn']]],
    ['several entries, each judged', inst('2021年5月警告；2023年9月记过'), [['expired', 'info'], ['in-force', 'error']]],
    ['heaviest word of an entry decides', inst('2022年6月 记过、降级'), [['in-force', 'error']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('explains the period and what bars the application (zh and en)', async () => {
    const f = (await screenOne(inst('2023年9月 记过'))).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe(
      '受记过处分（2023-09，按当月最后一日2023-09-30起算），处分期12个月，至2024-09-30届满，2024-03-08仍在处分期内；事业单位工作人员受记过及以上处分的，在受处分期间不得申报',
    );
    expect(f?.message.en).toContain('demerit sanction (2023-09, counted from 2023-09-30, the last day it may mean); its period is 12 months, ending 2024-09-30, so it is in force on 2024-03-08');
  });

  it('asks for the date when none is given', async () => {
    const f = (await screenOne(inst('记过'))).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('处分情况"记过"未写明处分日期，无法判断记过处分在2024-03-08是否仍在处分期内，请注明处分决定日期');
  });

  it('says 开除 has no end', async () => {
    const f = (await screenOne(inst('2010年 开除'))).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('处分期无期限');
  });

  it('a blank cell does not change the status', async () => {
    expect((await screenOne(inst(''))).status).toBe('pass');
  });

  it('is listed as not checked when the roster has no 处分情况 column', async () => {
    const { discipline: _omit, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });
});
