import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/retirement-age.js';
import { checkDigit } from '../../../src/normalize/id-number.js';
import { addDays } from '../../../src/normalize/iso-date.js';
import { outcomes, runRow, testRuleSet } from '../../helpers/kind-tester.js';

const params = { idField: 'id' };

/** A valid ID number for an ISO birth date and sex (17th digit odd = male). */
function idFor(birth: string, sex: 'male' | 'female'): string {
  const first17 = `330106${birth.replace(/-/g, '')}43${sex === 'male' ? 1 : 2}`;
  return first17 + checkDigit(first17);
}
const on = (referenceDate: string) => ({ ruleSet: testRuleSet({ round: { ...testRuleSet().round, referenceDate } }) });

describe(kind.kind, () => {
  // Rows of 附件2 of the 2024 decision: birth → retirement age and the day it is reached.
  it.each<[string, 'male' | 'female', 55 | 50, string, string, string]>([
    ['man born 1964-12 (before the reform)', 'male', 55, '1964-12-15', '60周岁', '2024-12-15'],
    ['man born 1965-01', 'male', 55, '1965-01-15', '60周岁1个月', '2025-02-15'],
    ['man born 1965-10', 'male', 55, '1965-10-15', '60周岁3个月', '2026-01-15'],
    ['man born 1966-01', 'male', 55, '1966-01-15', '60周岁4个月', '2026-05-15'],
    ['woman (55 post) born 1969-12 (before the reform)', 'female', 55, '1969-12-10', '55周岁', '2024-12-10'],
    ['woman (55 post) born 1970-03', 'female', 55, '1970-03-15', '55周岁1个月', '2025-04-15'],
    ['woman (55 post) born 1971-01', 'female', 55, '1971-01-15', '55周岁4个月', '2026-05-15'],
    ['woman (50 post) born 1975-03', 'female', 50, '1975-03-15', '50周岁2个月', '2025-05-15'],
  ])('%s: retires at %s on %s', (_name, sex, womenPostAge, birth, limit, reached) => {
    const p = { ...params, womenPostAge };
    const id = idFor(birth, sex);
    expect(outcomes(kind, p, { id }, on(addDays(reached, -1)))).toEqual([]);
    expect(outcomes(kind, p, { id }, on(reached))).toEqual([['over-age', 'id']]);
    expect(runRow(kind, p, { id }, on(reached))[0]?.data).toMatchObject({ limit, reached });
  });

  it('a man born 1966-01-15 is not retired on 2026-03-06 (the issue’s example)', () => {
    expect(outcomes(kind, params, { id: idFor('1966-01-15', 'male') }, on('2026-03-06'))).toEqual([]);
  });

  it('women default to the 55 post: a 1975-03 woman is not retired at 50', () => {
    expect(outcomes(kind, params, { id: idFor('1975-03-15', 'female') }, on('2026-03-06'))).toEqual([]);
  });

  it('says nothing for an invalid or blank ID', () => {
    expect(outcomes(kind, params, { id: '330106197102114318' }, on('2040-01-01'))).toEqual([]);
    expect(outcomes(kind, params, { id: '' }, on('2040-01-01'))).toEqual([]);
  });

  it('names the birth, the age and the day the retirement age was reached (zh and en)', () => {
    expect(runRow(kind, params, { id: idFor('1966-01-15', 'male') }, on('2026-06-30'))[0]?.data).toEqual({
      birth: '1966-01-15',
      sex: '男',
      sexEn: 'male',
      on: '2026-06-30',
      age: 60,
      limit: '60周岁4个月',
      limitEn: '60 years 4 months',
      reached: '2026-05-15',
    });
  });

  it('rejects a women’s post age other than 50 or 55', () => {
    expect(kind.params.safeParse({ idField: 'id', womenPostAge: 60 }).success).toBe(false);
  });
});
