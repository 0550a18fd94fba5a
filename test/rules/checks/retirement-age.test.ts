import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/retirement-age.js';
import { outcomes, runRow, testRuleSet } from '../../helpers/kind-tester.js';

const params = { idField: 'id', maleAge: 60, femaleAge: 55 };
const MALE = '330106197102114319'; // born 1971-02-11

// GB 11643 check digit, so the test can make IDs of its own.
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
const FEMALE = withCheckDigit('33010619760301002'); // born 1976-03-01, 17th digit even
const on = (referenceDate: string) => ({ ruleSet: testRuleSet({ round: { ...testRuleSet().round, referenceDate } }) });

describe(kind.kind, () => {
  it.each<[string, string, string, [string, string | undefined][]]>([
    ['man the day before 60', MALE, '2031-02-10', []],
    ['man on his 60th birthday', MALE, '2031-02-11', [['over-age', 'id']]],
    ['woman the day before 55', FEMALE, '2031-02-28', []],
    ['woman at 55', FEMALE, '2031-03-01', [['over-age', 'id']]],
    ['an invalid ID says nothing', '330106197102114318', '2040-01-01', []],
    ['blank says nothing', '', '2040-01-01', []],
  ])('%s', (_name, id, referenceDate, expected) => {
    expect(outcomes(kind, params, { id }, on(referenceDate))).toEqual(expected);
  });

  it('names the day the limit was reached', () => {
    expect(runRow(kind, params, { id: MALE }, on('2031-06-30'))[0]?.data).toEqual({
      birth: '1971-02-11',
      sex: '男',
      sexEn: 'male',
      on: '2031-06-30',
      age: 60,
      limit: 60,
      reached: '2031-02-11',
    });
  });
});
