import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'seniority';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    // A day d: d + 5 years ≤ 2023-12-31 → ok; ≤ 2024-03-08 → warn; else error.
    ['2018-12-31: 5 years on the cut-off', { currentTitleDate: '2018-12-31' }, []],
    ['2019-01-01: only by 2024-03-08 → warn', { currentTitleDate: '2019-01-01' }, [['late', 'warn']]],
    ['2019-03-08: last day passing by 2024-03-08 → warn', { currentTitleDate: '2019-03-08' }, [['late', 'warn']]],
    ['2019-03-09 → error', { currentTitleDate: '2019-03-09' }, [['short', 'error']]],
    ['2019-06-30 → error', { currentTitleDate: '2019-06-30' }, [['short', 'error']]],
    ['2019-06-30 with 破格=是 → warn', { currentTitleDate: '2019-06-30', poge: '是' }, [['short-poge', 'warn']]],
    ['2019-06-30 with 破格=否 → error', { currentTitleDate: '2019-06-30', poge: '否' }, [['short', 'error']]],
    // Month or year precision: L's outcome, at most warn when E's is better (§3).
    ['2018 → ok', { currentTitleDate: '2018' }, []],
    ['2019-02 → warn (L = 02-28 is late)', { currentTitleDate: '2019-02' }, [['late', 'warn']]],
    ['2019-03 → warn (E late, L short)', { currentTitleDate: '2019-03' }, [['imprecise', 'warn']]],
    ['2019-04 → error', { currentTitleDate: '2019-04' }, [['short', 'error']]],
    ['2019-04 with 破格=是 → warn', { currentTitleDate: '2019-04', poge: '是' }, [['short-poge', 'warn']]],
    ['2019 (year only) → warn', { currentTitleDate: '2019' }, [['imprecise', 'warn']]],
    ['2018-12 → ok', { currentTitleDate: '2018-12' }, []],
    ['2020 → error', { currentTitleDate: '2020' }, [['short', 'error']]],
    // Roster forms of dates.
    ['2018年6月', { currentTitleDate: '2018年6月' }, []],
    ['2019.03', { currentTitleDate: '2019.03' }, [['imprecise', 'warn']]],
    ['Excel date cell', { currentTitleDate: { kind: 'date', iso: '2019-06-30', serial: 43646 } }, [['short', 'error']]],
    ['bare year as a number', { currentTitleDate: 2018 }, []],
    ['yyyymmdd as a number', { currentTitleDate: 20190101 }, [['late', 'warn']]],
    ['blank → error', { currentTitleDate: '' }, [['blank', 'error']]],
    ['unreadable → warn (never an error by itself)', { currentTitleDate: '不详' }, [['unreadable', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('gives the dates that decided it (zh and en)', async () => {
    const f = (await screenOne({ currentTitleDate: '2019-06-30' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('高级工程师取得于2019-06-30，至2023-12-31未满5年（2024-06-30满5年）');
    expect(f?.message.en).toBe('高级工程师 obtained 2019-06-30: not 5 years by 2023-12-31 (5 years on 2024-06-30)');
    const g = (await screenOne({ currentTitleDate: '2019-01-15' })).findings.find((x) => x.ruleId === RULE);
    expect(g?.message.zh).toContain('至2023-12-31未满5年（2024-01-15满5年），仅按2024-03-08计算才满足');
    const h = (await screenOne({ currentTitleDate: '2019-03' })).findings.find((x) => x.ruleId === RULE);
    expect(h?.message.zh).toContain('只填到"2019-03"，最早2024-03-01、最晚2024-03-31满5年');
  });

  it('warns per applicant when the roster has no 现资格取得时间 column (core)', async () => {
    const columns = Object.keys(validApplicant).filter((c) => c !== 'currentTitleDate');
    expect(outcomesOf(await screenOne({}, { columns }), RULE)).toEqual([['missing-column', 'warn']]);
  });
});
