import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';

const RULE = 'deadline-individual';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['before the deadline', { applyDate: '2024-03-01' }, []],
    ['on the deadline', { applyDate: '2024-03-08' }, []],
    ['2024年3月8日', { applyDate: '2024年3月8日' }, []],
    ['Excel date on the deadline', { applyDate: { kind: 'date', iso: '2024-03-08', serial: 45359 } }, []],
    ['one day late → error', { applyDate: '2024-03-09' }, [['late', 'error']]],
    ['2024/3/11 → error', { applyDate: '2024/3/11' }, [['late', 'error']]],
    ['Excel serial after the deadline → error', { applyDate: 45362 }, [['late', 'error']]],
    ['month wholly before', { applyDate: '2024-02' }, []],
    ['month straddling the deadline → warn', { applyDate: '2024年3月' }, [['maybe-late', 'warn']]],
    ['month wholly after → error', { applyDate: '2024-04' }, [['late', 'error']]],
    ['year only → warn', { applyDate: '2024' }, [['maybe-late', 'warn']]],
    ['blank before the deadline → not yet', { applyDate: '' }, [['not-yet', 'info']]],
    ['unreadable → warn', { applyDate: '三月初' }, [['unreadable', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('blank: "not yet" (info) until the deadline, then its blank outcome', async () => {
    expect(outcomesOf(await screenOne({ applyDate: '' }, { asOf: '2024-03-08' }), RULE)).toEqual([['not-yet', 'info']]);
    expect(outcomesOf(await screenOne({ applyDate: '' }, { asOf: '2024-03-09' }), RULE)).toEqual([['blank', 'warn']]);
  });

  it('says how late and that late applications are refused (zh and en)', async () => {
    const f = (await screenOne({ applyDate: '2024-03-11' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('个人申报日期为2024-03-11，晚于网上个人申报截止日期2024-03-08（逾期3天），逾期不再受理');
    expect(f?.message.en).toContain('after the individual online application deadline of 2024-03-08 (3 day(s) late)');
    expect(f?.source.zh).toContain('四(二)');
  });

  it('takes the date from round.deadlines', async () => {
    const { ruleSet } = loadBundledRuleSet();
    const moved = structuredClone(ruleSet);
    for (const d of moved.round.deadlines) if (d.id === 'individual') d.date = '2024-03-15';
    expect(outcomesOf(await screenOne({ applyDate: '2024-03-11' }, { ruleSet: moved }), RULE)).toEqual([]);
    expect(outcomesOf(await screenOne({ applyDate: '2024-03-16' }, { ruleSet: moved }), RULE)).toEqual([['late', 'error']]);
  });

  it('is listed as not checked when the roster has no 个人申报日期 column', async () => {
    const { applyDate: _omit, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });
});
