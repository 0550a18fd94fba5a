import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'publicity-order';

const periodColumns = [
  ...Object.keys(validApplicant).filter((k) => k !== 'publicStart' && k !== 'publicEnd'),
  'publicPeriod',
];

describe(RULE, () => {
  // Base: applied 2024-03-01, 公示 2024-03-11 … 03-15, recommended 2024-03-18.
  it.each<[string, RowInput, [string, string][]]>([
    ['application → 公示 → recommendation', {}, []],
    ['recommended the day after the 公示 ended', { recommendDate: '2024-03-16' }, []],
    // The notice asks for the recommendation after the 公示; on its last day a person checks (the round's
    // latest schedule, 公示 to 3月21日 with the employer deadline 3月21日, leaves only that day).
    ['recommended on the last day of the 公示 → warn', { recommendDate: '2024-03-15' }, [['recommended-last-day', 'warn']]],
    ['recommended during the 公示 → error', { recommendDate: '2024-03-12' }, [['recommended-early', 'error']]],
    ['recommended before the 公示 → error', { recommendDate: '2024-03-01' }, [['recommended-early', 'error']]],
    ['recommended in a month wholly before the end → error', { recommendDate: '2024-02' }, [['recommended-early', 'error']]],
    ['recommended in the month the 公示 ended → warn', { recommendDate: '2024年3月' }, [['recommended-early-unclear', 'warn']]],
    ['recommended in a later month', { recommendDate: '2024-04' }, []],
    ['公示 started before the application → warn', { applyDate: '2024-03-12', recommendDate: '2024-03-18' }, [['started-before-apply', 'warn']]],
    ['公示 started on the application day', { applyDate: '2024-03-11' }, []],
    ['application given to the month only: not flagged', { applyDate: '2024-03' }, []],
    ['application in a later month → warn', { applyDate: '2024-04' }, [['started-before-apply', 'warn']]],
    ['both problems', { applyDate: '2024-03-12', recommendDate: '2024-03-13' }, [['recommended-early', 'error'], ['started-before-apply', 'warn']]],
    ['blank recommendation: left to deadline-employer', { recommendDate: '' }, []],
    ['blank application: left to deadline-individual', { applyDate: '' }, []],
    ['blank 公示: left to publicity-days', { publicStart: '', publicEnd: '' }, []],
    ['unreadable dates: left to the other rules', { recommendDate: '待定', publicEnd: '下周' }, []],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it.each<[string, RowInput, [string, string][]]>([
    ['in order', { publicPeriod: '2024年3月11日至3月15日' }, []],
    ['recommended on the last day → warn', { publicPeriod: '2024年3月11日至3月15日', recommendDate: '2024-03-15' }, [['recommended-last-day', 'warn']]],
    ['recommended before the last day → error', { publicPeriod: '2024年3月11日至3月15日', recommendDate: '2024-03-14' }, [['recommended-early', 'error']]],
    ['started before the application → warn', { publicPeriod: '2024年2月26日至3月1日', applyDate: '2024-03-04' }, [['started-before-apply', 'warn']]],
  ])('one 公示时间 cell: %s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides, { columns: periodColumns }), RULE)).toEqual(expected);
  });

  it('says when the recommendation may come (zh and en)', async () => {
    const f = (await screenOne({ recommendDate: '2024-03-14' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('单位推荐日期2024-03-14不晚于公示结束日期2024-03-15，公示期未满即推荐；须在公示期满后（2024-03-16及以后）推荐');
    expect(f?.message.en).toContain('the recommendation must come after it ends (2024-03-16 or later)');
    expect(f?.cell).not.toBeNull();
  });

  it('runs when only one comparison is possible', async () => {
    const { recommendDate: _r, ...row } = validApplicant;
    const result = await screenRows([{ ...row, applyDate: '2024-03-12' }]);
    expect(result.unchecked.map((u) => u.ruleId)).not.toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([['started-before-apply', 'warn']]);
  });

  it('is listed as not checked without the 公示 columns', async () => {
    const { publicStart: _s, publicEnd: _e, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });

  it('is listed as not checked without both the recommendation and application dates', async () => {
    const { recommendDate: _r, applyDate: _a, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });
});
