import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'deadline-lower';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['before the deadline', { lowerLevelDate: '2024-04-01' }, []],
    ['on the deadline', { lowerLevelDate: '2024年4月10日' }, []],
    ['one day late → error', { lowerLevelDate: '2024-04-11' }, [['late', 'error']]],
    ['month straddling the deadline → warn', { lowerLevelDate: '2024-04' }, [['maybe-late', 'warn']]],
    ['month wholly after → error', { lowerLevelDate: '2024年5月' }, [['late', 'error']]],
    ['blank before the deadline → not yet', { lowerLevelDate: '' }, [['not-yet', 'info']]],
    ['unreadable → warn', { lowerLevelDate: '已推荐' }, [['unreadable', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('a blank date does not change the status, even after the deadline', async () => {
    const r = await screenOne({ lowerLevelDate: '' }, { asOf: '2024-04-11' });
    expect(r.status).toBe('pass');
    expect(r.findings.find((x) => x.ruleId === RULE)?.message.zh).toBe('主管部门推荐日期未填写（如已推荐，须不晚于2024-04-10）');
  });

  it('says how late (zh and en)', async () => {
    const f = (await screenOne({ lowerLevelDate: '2024-04-11' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('晚于下一级评委会审核推荐截止日期2024-04-10（逾期1天）');
    expect(f?.message.en).toContain('after the lower-level committee recommendation deadline of 2024-04-10');
  });

  it('is listed as not checked when the roster has no 主管部门推荐日期 column', async () => {
    const { lowerLevelDate: _omit, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });
});
