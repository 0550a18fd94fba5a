import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant, type RowInput } from '../helpers/screen-rows.js';

const RULE = 'cpd-hours';

describe(RULE, () => {
  it.each<[string, RowInput, [string, string][]]>([
    ['base applicant', {}, []],
    ['exactly 90 each year', { cpd2021: 90, cpd2022: 90, cpd2023: 90 }, []],
    ['90.5 as text with unit', { cpd2022: '90.5学时' }, []],
    ['full-width digits', { cpd2022: '９６' }, []],
    ['72 in 2022 → error', { cpd2022: 72 }, [['short', 'error']]],
    ['89.5 → error', { cpd2023: 89.5 }, [['short', 'error']]],
    ['"72学时" text → error', { cpd2021: '72学时' }, [['short', 'error']]],
    ['0 → error', { cpd2021: 0 }, [['short', 'error']]],
    ['no carry-over: 60 + 120 + 90 is still short in 2021', { cpd2021: 60, cpd2022: 120, cpd2023: 90 }, [['short', 'error']]],
    ['every short year reported separately', { cpd2021: 80, cpd2022: 100, cpd2023: 60 }, [['short', 'error'], ['short', 'error']]],
    ['blank → error', { cpd2022: '' }, [['blank', 'error']]],
    ['all blank → three errors', { cpd2021: '', cpd2022: '', cpd2023: '' }, [['blank', 'error'], ['blank', 'error'], ['blank', 'error']]],
    ['unreadable → warn (never an error by itself)', { cpd2023: '已完成' }, [['unreadable', 'warn']]],
    ['negative → unreadable warn', { cpd2023: -5 }, [['unreadable', 'warn']]],
    ['one of each', { cpd2021: '', cpd2022: 'abc', cpd2023: 45 }, [['blank', 'error'], ['unreadable', 'warn'], ['short', 'error']]],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('names the year, the hours, the minimum and the shortfall (zh and en)', async () => {
    const f = (await screenOne({ cpd2022: 72 })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('2022年继续教育72学时，少于90学时（差18学时）');
    expect(f?.message.en).toContain('2022 CPD hours are 72, below 90 (18 short)');
    expect(f?.cell).toMatch(/^[A-Z]+2$/);
    expect(f?.source.zh).toContain('人社部令第25号 第八条');
  });

  it('shows fractional shortfalls without floating-point noise', async () => {
    const f = (await screenOne({ cpd2021: 72.3 })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('2021年继续教育72.3学时，少于90学时（差17.7学时）');
  });

  it('names the year of a blank cell', async () => {
    const f = (await screenOne({ cpd2023: '' })).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('2023年继续教育学时未填写');
  });

  it('gives each applicant a missing-column warning when a year column (core) is missing', async () => {
    const columns = Object.keys(validApplicant).filter((k) => k !== 'cpd2023');
    const r = await screenOne({}, { columns });
    expect(outcomesOf(r, RULE)).toEqual([['missing-column', 'warn']]);
    expect(r.findings.find((x) => x.ruleId === RULE)?.message.zh).toContain('2023年继续教育学时');
  });
});
