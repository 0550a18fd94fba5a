import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'cpd-split';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['no split columns', {}, []],
    ['60 / 30', { cpdPro2021: 60, cpdPublic2021: 30 }, []],
    ['66 / 30 as text', { cpdPro2022: '66学时', cpdPublic2022: '30' }, []],
    ['专业 50 → warn', { cpdPro2021: 50, cpdPublic2021: 40 }, [['pro-short', 'warn']]],
    ['公需 20 → warn', { cpdPro2021: 70, cpdPublic2021: 20 }, [['public-short', 'warn']]],
    ['both short → two warnings', { cpdPro2023: 50, cpdPublic2023: 20 }, [['pro-short', 'warn'], ['public-short', 'warn']]],
    ['only the 专业 column given', { cpdPro2022: 40 }, [['pro-short', 'warn']]],
    ['only the 公需 column given', { cpdPublic2022: 10 }, [['public-short', 'warn']]],
    ['blank split cells say nothing', { cpdPro2021: '', cpdPublic2021: '' }, []],
    ['each year separately', { cpdPro2021: 60, cpdPublic2021: 30, cpdPro2022: 40, cpdPublic2023: 10 }, [['pro-short', 'warn'], ['public-short', 'warn']]],
    ['unreadable → warn', { cpdPro2021: '很多' }, [['unreadable', 'warn']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('names the year, the hours and the shortfall (zh and en)', async () => {
    const f = (await screenOne({ cpdPro2022: 50 })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('2022年专业科目50学时，少于60学时（差10学时）');
    expect(f?.message.en).toContain('2022 professional-subject hours are 50, below 60 (10 short)');
  });

  it('is optional: a roster without split columns neither lists it as unchecked nor warns', async () => {
    const result = await screenRows([validApplicant]);
    expect(result.unchecked.map((u) => u.ruleId)).not.toContain(RULE);
    expect(outcomesOf(result.applicants[0]!, RULE)).toEqual([]);
    const strict = await screenRows([validApplicant], { strictColumns: true });
    expect(outcomesOf(strict.applicants[0]!, RULE)).toEqual([]);
  });
});
