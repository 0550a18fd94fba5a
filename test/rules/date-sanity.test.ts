import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'date-sanity';

describe(RULE, () => {
  // Base: born 1971-02-11 (ID), graduated 1993-07, started work 1993-08, title 2015-12-30; as of 2024-03-01.
  it.each<[string, RowInput, [string, string][]]>([
    ['base applicant', {}, []],
    // after the as-of date
    ['title in a later month → warn', { currentTitleDate: '2024-04' }, [['future', 'warn']]],
    ['title in the as-of month: possible', { currentTitleDate: '2024-03' }, []],
    ['work start in the future → warn', { workStart: '2025-01-01' }, [['future', 'warn']]],
    ['planned procedure dates may be later', { publicStart: '2024-03-11', recommendDate: '2024-03-18' }, []],
    // title before graduation
    ['title before graduation → warn', { gradDate: '2016-07', workStart: '2016-08' }, [['title-before-grad', 'warn']]],
    ['title in the graduation month: possible', { gradDate: '2015-12', currentTitleDate: '2015-12-30', workStart: '2015-12' }, []],
    ['title given as a year: possible', { gradDate: '2015-07', currentTitleDate: '2015', workStart: '2015-08' }, []],
    // graduation before 15
    ['graduated at 14 → warn', { gradDate: '1985-07' }, [['grad-too-young', 'warn']]],
    ['graduated at 15', { gradDate: '1986-07' }, []],
    ['graduation month that may be after the 15th birthday', { gradDate: '1986-02' }, []],
    ['graduation month wholly before the 15th birthday → warn', { gradDate: '1986-01' }, [['grad-too-young', 'warn']]],
    ['graduated before birth → warn', { gradDate: '1970-07' }, [['grad-too-young', 'warn']]],
    // work start before 16
    ['started work at 15 → warn', { workStart: '1987-01' }, [['work-too-young', 'warn']]],
    ['started work in the month of the 16th birthday', { workStart: '1987-02' }, []],
    // unreadable dates no other rule reads
    ['graduation unreadable → warn', { gradDate: '九三年' }, [['unreadable', 'warn']]],
    ['work start unreadable → warn', { workStart: '毕业后' }, [['unreadable', 'warn']]],
    ['birth date unreadable → warn', { birthDate: '七一年' }, [['unreadable', 'warn']]],
    ['blank dates say nothing', { gradDate: '', workStart: '', birthDate: '' }, []],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('uses 出生年月 when the ID number is unusable, conservatively (earliest day of the month)', async () => {
    const r = await screenOne({ idNumber: '330106197102114318', birthDate: '1971-02', gradDate: '1986-01' });
    expect(outcomesOf(r, RULE)).toEqual([['grad-too-young', 'warn']]);
    expect(r.findings.find((f) => f.ruleId === RULE)?.message.zh).toBe(
      '毕业时间1986-01时不满15周岁（出生日期1971-02，据出生年月），请核对毕业时间或出生日期',
    );
  });

  it('explains the order problem (zh and en)', async () => {
    const f = (await screenOne({ gradDate: '2016-07', workStart: '2016-08' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('现资格取得时间2015-12-30早于毕业时间2016-07');
    expect(f?.message.en).toContain('the current title (2015-12-30) predates graduation (2016-07)');
  });

  it('names the as-of date', async () => {
    const f = (await screenOne({ workStart: '2025-01-01' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('参加工作时间"2025-01-01"晚于核验日期2024-03-01，请核对');
  });

  it('reads only optional columns: a roster without them is neither unchecked nor warned', async () => {
    const { gradDate: _g, workStart: _w, birthDate: _b, ...row } = validApplicant;
    const result = await screenRows([row], { strictColumns: true });
    expect(result.unchecked.map((u) => u.ruleId)).not.toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });
});
