import { describe, expect, it } from 'vitest';
import { outcomesOf, screenOne, validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { checkDigit } from '../../src/normalize/id-number.js';

const RULE = 'retirement-age';

/** A valid ID number for a birth date (YYYYMMDD) and sex (17th digit odd = male). */
function idFor(birth: string, sex: 'male' | 'female'): string {
  const first17 = `330106${birth}43${sex === 'male' ? 1 : 2}`;
  return first17 + checkDigit(first17);
}
// Keep 出生年月 and 性别 consistent so id-number stays quiet.
const person = (birth: string, sex: 'male' | 'female'): RowInput => ({
  idNumber: idFor(birth, sex),
  birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}`,
  sex: sex === 'male' ? '男' : '女',
});

describe(RULE, () => {
  // Judged on round.referenceDate, 2024-03-08.
  it.each<[string, RowInput, [string, string][]]>([
    ['base applicant (53)', {}, []],
    ['man turning 60 the day after the reference date', person('19640309', 'male'), []],
    ['man turning 60 on the reference date → warn', person('19640308', 'male'), [['over-age', 'warn']]],
    ['man of 62 → warn', person('19620101', 'male'), [['over-age', 'warn']]],
    ['woman of 59: over 55 → warn', person('19650101', 'female'), [['over-age', 'warn']]],
    ['woman turning 55 on the reference date → warn', person('19690308', 'female'), [['over-age', 'warn']]],
    ['woman turning 55 the day after', person('19690309', 'female'), []],
    ['man of 58', person('19660101', 'male'), []],
    ['sex comes from the ID, not the 性别 column', { ...person('19660101', 'male'), sex: '女' }, []],
    ['invalid ID: left to id-number', { idNumber: '330106196001014318' }, []],
    ['blank ID: left to id-number', { idNumber: '' }, []],
  ])('%s', async (_name, overrides, expected) => {
    expect(outcomesOf(await screenOne(overrides), RULE)).toEqual(expected);
  });

  it('names the birth date, the age and the day the limit was reached (zh and en)', async () => {
    const f = (await screenOne(person('19640201', 'male'))).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('按身份证号1964-02-01出生（男），于2024-02-01年满60周岁，至2024-03-08已60周岁');
    expect(f?.message.en).toContain('born 1964-02-01 (male) per the ID number, reached 60 on 2024-02-01 and is 60 on 2024-03-08');
  });

  it('a 29 February birthday is reached on 1 March in a common year', async () => {
    const f = (await screenOne(person('19680229', 'female'))).findings.find((x) => x.ruleId === RULE);
    expect(f?.message.zh).toContain('于2023-03-01年满55周岁');
  });

  it('gives a missing-column warning when the roster has no ID column', async () => {
    const columns = Object.keys(validApplicant).filter((k) => k !== 'idNumber');
    expect(outcomesOf(await screenOne({}, { columns }), RULE)).toEqual([['missing-column', 'warn']]);
  });
});
