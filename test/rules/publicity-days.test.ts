import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'publicity-days';

// Roster columns with one 公示时间 cell instead of the start/end pair.
const periodColumns = [
  ...Object.keys(validApplicant).filter((k) => k !== 'publicStart' && k !== 'publicEnd'),
  'publicPeriod',
];
const period = (text: string): RowInput => ({ publicPeriod: text });

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['5 working days', { publicStart: '2024-03-11', publicEnd: '2024-03-15' }, []],
    ['4 working days → error', { publicStart: '2024-03-11', publicEnd: '2024-03-14' }, [['short', 'error']]],
    ['weekend not counted → error', { publicStart: '2024-03-14', publicEnd: '2024-03-19' }, [['short', 'error']]],
    ['one day → error', { publicStart: '2024-03-11', publicEnd: '2024-03-11' }, [['short', 'error']]],
    ['Chinese dates', { publicStart: '2024年3月11日', publicEnd: '2024年3月15日' }, []],
    ['Excel dates', { publicStart: { kind: 'date', iso: '2024-03-11', serial: 45362 }, publicEnd: 45366 }, []],
    ['end before start → error', { publicStart: '2024-03-15', publicEnd: '2024-03-11' }, [['reversed', 'error']]],
    ['both blank, before the employer deadline → not yet', { publicStart: '', publicEnd: '' }, [['not-yet', 'info']]],
    ['end blank, before the employer deadline → not yet', { publicEnd: '' }, [['not-yet', 'info']]],
    ['start unreadable → warn', { publicStart: '下周一' }, [['unreadable', 'warn']]],
    ['month only → unreadable warn', { publicStart: '2024-03', publicEnd: '2024-03' }, [['unreadable', 'warn'], ['unreadable', 'warn']]],
    ['starts before the notice date → warn', { publicStart: '2023-12-20', publicEnd: '2023-12-28' }, [['early-start', 'warn']]],
    ['starts on the notice date', { publicStart: '2023-12-29', publicEnd: '2024-01-05' }, []],
    ['early and short', { publicStart: '2023-12-25', publicEnd: '2023-12-26' }, [['early-start', 'warn'], ['short', 'error']]],
    ['year without official calendar → warn, counted Mon–Fri', { publicStart: '2027-03-01', publicEnd: '2027-03-05' }, [['no-calendar', 'warn']]],
    ['year without calendar and short', { publicStart: '2027-03-01', publicEnd: '2027-03-04' }, [['no-calendar', 'warn'], ['short', 'error']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  // docs/rules.md §4: the 5th working day, counting the start day as day 1.
  it.each([
    ['2024-01-02', '2024-01-08', '2024-01-07'],
    ['2024-02-05', '2024-02-09', '2024-02-08'],
    ['2024-02-08', '2024-02-20', '2024-02-19'],
    ['2024-03-15', '2024-03-21', '2024-03-20'],
    ['2024-03-18', '2024-03-22', '2024-03-21'],
    ['2024-04-01', '2024-04-08', '2024-04-07'],
    ['2024-04-28', '2024-05-07', '2024-05-06'],
    ['2023-12-29', '2024-01-05', '2024-01-04'],
    ['2025-01-24', '2025-02-06', '2025-02-05'],
  ])('§4: from %s the 5th working day is %s', async (start, fifth, dayBefore) => {
    expect(outcomesOf(await screenOne({ publicStart: start, publicEnd: fifth }), RULE)).toEqual([]);
    const short = await screenOne({ publicStart: start, publicEnd: dayBefore });
    expect(outcomesOf(short, RULE)).toEqual([['short', 'error']]);
    expect(short.findings.find((f) => f.ruleId === RULE)?.message.zh).toBe(
      `公示${start}至${dayBefore}仅4个工作日，需不少于5个（自${start}起应公示至${fifth}）`,
    );
  });

  it.each<[string, [string, string][]]>([
    ['2024年3月11日至3月15日', []],
    ['2024年3月11日至3月14日', [['short', 'error']]],
    ['2024.3.11—3.15', []],
    ['2024-03-11 ~ 2024-03-15', []],
    ['2024年3月11日-15日', []],
    ['2024年3月15日至3月11日', [['reversed', 'error']]],
    ['2024年3月', [['unreadable', 'warn']]],
    ['公示中', [['unreadable', 'warn']]],
    ['', [['not-yet', 'info']]],
  ])('one 公示时间 cell "%s"', async (text, expected) => {
    expect(outcomesOf(await screenOne(period(text), { columns: periodColumns }), RULE)).toEqual(expected);
  });

  it('blank after the employer recommendation deadline → warn', async () => {
    expect(outcomesOf(await screenOne({ publicStart: '', publicEnd: '' }, { asOf: '2024-03-21' }), RULE)).toEqual([['not-yet', 'info']]);
    expect(outcomesOf(await screenOne({ publicStart: '', publicEnd: '' }, { asOf: '2024-03-22' }), RULE)).toEqual([['blank', 'warn']]);
    expect(outcomesOf(await screenOne({ publicEnd: '' }, { asOf: '2024-03-22' }), RULE)).toEqual([['blank', 'warn']]);
    expect(outcomesOf(await screenOne(period(''), { columns: periodColumns, asOf: '2024-03-22' }), RULE)).toEqual([['blank', 'warn']]);
  });

  it('an Excel date in the 公示时间 cell is not a range', async () => {
    const r = await screenOne({ publicPeriod: { kind: 'date', iso: '2024-03-11', serial: 45362 } }, { columns: periodColumns });
    expect(outcomesOf(r, RULE)).toEqual([['unreadable', 'warn']]);
  });

  it('uses the 公示时间 cell when the start/end cells are blank', async () => {
    const columns = [...Object.keys(validApplicant), 'publicPeriod'];
    const r = await screenOne({ publicStart: '', publicEnd: '', publicPeriod: '2024年3月11日至3月14日' }, { columns });
    expect(outcomesOf(r, RULE)).toEqual([['short', 'error']]);
    expect(r.findings.find((f) => f.ruleId === RULE)?.column).toBe('公示时间');
  });

  it('names the count, the minimum and the end needed (zh and en)', async () => {
    const f = (await screenOne({ publicStart: '2024-03-11', publicEnd: '2024-03-14' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('公示2024-03-11至2024-03-14仅4个工作日，需不少于5个');
    expect(f?.message.en).toBe(
      'the publicity 2024-03-11 to 2024-03-14 has only 4 working days; at least 5 are required (from 2024-03-11 it must run until 2024-03-15)',
    );
    expect(f?.source.zh).toContain('三(二)');
  });

  it('says when no official calendar is loaded', async () => {
    const f = (await screenOne({ publicStart: '2027-03-01', publicEnd: '2027-03-05' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('未载入该年度官方日历，按周一至周五计算（计5个工作日）');
    expect(f?.message.zh).toContain('2027年');
  });

  it('is listed as not checked when the roster has neither 公示开始/公示结束 nor 公示时间', async () => {
    const { publicStart: _s, publicEnd: _e, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });

  it('is not checked with only one of the pair', async () => {
    const { publicEnd: _e, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
  });

  it('warns per applicant under --strict-columns', async () => {
    const { publicStart: _s, publicEnd: _e, ...row } = validApplicant;
    const result = await screenRows([row], { strictColumns: true });
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([['missing-column', 'warn'], ['missing-column', 'warn']]);
  });
});
