import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'annual-assessment';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['合格 / 优秀 / 合格', {}, []],
    ['称职', { assessment2021: '称职' }, []],
    ['优秀等次', { assessment2022: '优秀等次' }, []],
    ['spaced and full-width', { assessment2022: ' 优 秀 ' }, []],
    ['良好', { assessment2023: '良好' }, []],
    ['基本合格 → warn', { assessment2021: '基本合格' }, [['concern', 'warn']]],
    ['基本称职 → warn', { assessment2022: '基本称职' }, [['concern', 'warn']]],
    ['不合格 → warn', { assessment2023: '不合格' }, [['concern', 'warn']]],
    ['不称职 → warn', { assessment2023: '不称职等次' }, [['concern', 'warn']]],
    ['blank → warn', { assessment2022: '' }, [['blank', 'warn']]],
    ['other text → warn', { assessment2021: '未参加考核' }, [['unrecognized', 'warn']]],
    ['each year separately', { assessment2021: '基本合格', assessment2022: '', assessment2023: '不称职' }, [['concern', 'warn'], ['blank', 'warn'], ['concern', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('names the year and the grade (zh and en)', async () => {
    const f = (await screenOne({ assessment2022: '基本合格' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toBe('2022年度考核为"基本合格"，低于合格（称职）等次，请核实是否符合申报条件');
    expect(f?.message.en).toContain('2022 annual assessment is "基本合格"');
  });

  it('judges the years the roster has, and lists the years it lacks under 未核验项 (never passed silently)', async () => {
    const { assessment2021: _a, assessment2022: _b, ...row } = validApplicant;
    const result = await screenRows([{ ...row, assessment2023: '不合格' }]);
    expect(result.unchecked.filter((u) => u.ruleId === RULE)).toEqual([
      expect.objectContaining({ columns: ['2021年度考核', '2022年度考核'], partial: true }),
    ]);
    expect(result.unchecked.find((u) => u.ruleId === RULE)?.reason.zh).toBe('花名册无"2021年度考核、2022年度考核"列，该部分未核验（其余列已核验）');
    // A stage column: no warning per applicant (as for any other missing stage column).
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([['concern', 'warn']]);
  });

  it('is listed as not checked when the roster has no 年度考核 column', async () => {
    const { assessment2021: _a, assessment2022: _b, assessment2023: _c, ...row } = validApplicant;
    const result = await screenRows([row]);
    expect(result.unchecked.map((u) => u.ruleId)).toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
  });
});
