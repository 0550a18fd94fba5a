import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'deadline-employer';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['before the deadline', { recommendDate: '2024-03-18' }, []],
    ['on the deadline', { recommendDate: '2024-03-21' }, []],
    ['one day late → error', { recommendDate: '2024-03-22' }, [['late', 'error']]],
    ['20240401 → error', { recommendDate: '20240401' }, [['late', 'error']]],
    ['month straddling the deadline → warn', { recommendDate: '2024.03' }, [['maybe-late', 'warn']]],
    ['blank before the deadline → not yet', { recommendDate: '' }, [['not-yet', 'info']]],
    ['unreadable → warn', { recommendDate: '待定' }, [['unreadable', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('blank: "not yet" (info) until the deadline, then a warning', async () => {
    expect(outcomesOf(await screenOne({ recommendDate: '' }, { asOf: '2024-03-21' }), RULE)).toEqual([['not-yet', 'info']]);
    expect(outcomesOf(await screenOne({ recommendDate: '' }, { asOf: '2024-03-22' }), RULE)).toEqual([['blank', 'warn']]);
  });

  it('says how late (zh and en)', async () => {
    const f = (await screenOne({ recommendDate: '2024-03-22' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('单位推荐日期为2024-03-22，晚于所在单位推荐截止日期2024-03-21（逾期1天），逾期不再受理');
    expect(f?.message.en).toContain('after the employer recommendation deadline of 2024-03-21 (1 day(s) late)');
  });

  it('is listed as not checked when the roster has no 单位推荐日期 column', async () => {
    const { recommendDate: _omit, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });
});
