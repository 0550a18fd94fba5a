import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'cpd-registered';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['是', { cpdRegistered: '是' }, []],
    ['已登记', { cpdRegistered: '已登记' }, []],
    ['√', { cpdRegistered: '√' }, []],
    ['Y', { cpdRegistered: 'Y' }, []],
    ['否 → error', { cpdRegistered: '否' }, [['no', 'error']]],
    ['未登记 → error', { cpdRegistered: '未登记' }, [['no', 'error']]],
    ['× → error', { cpdRegistered: '×' }, [['no', 'error']]],
    ['blank → warn', { cpdRegistered: '' }, [['blank', 'warn']]],
    ['unreadable → warn', { cpdRegistered: '部分' }, [['unreadable', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('names the registration system (zh and en)', async () => {
    const f = (await screenOne({ cpdRegistered: '否' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('浙江省工业和信息化领域专业技术人员继续教育学时登记管理系统');
    expect(f?.message.en).toContain('CPD registration is "否"');
  });

  it('is listed as not checked when the roster has no 学时登记 column', async () => {
    const { cpdRegistered: _omit, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });
});
