import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/integrity-record.js';
import type { CheckEnv, IntegrityRecord } from '../../../src/rules/check-kind.js';
import { outcomes, runRow, testRuleSet } from '../../helpers/kind-tester.js';

const params = { idField: 'id', years: 3 };
const ID = '330106197102114319';
const ruleSet = testRuleSet({ round: { ...testRuleSet().round, referenceDate: '2030-06-30' } });
const withList = (integrity: IntegrityRecord[]) => ({ ruleSet, env: { integrity } });
const record = (r: Partial<IntegrityRecord>): IntegrityRecord => ({ idNumber: ID, name: '张三', reason: '材料造假', ...r });

describe(kind.kind, () => {
  it.each<[string, IntegrityRecord[], string, [string, string | undefined][]]>([
    ['not on the list', [record({ idNumber: '110105194912310029', decisionDate: '2029-01-01' })], ID, []],
    ['decided within the years', [record({ decisionDate: '2029-01-01' })], ID, [['on-record', 'id']]],
    ['decided longer ago', [record({ decisionDate: '2027-01-01' })], ID, []],
    ['its own end date wins', [record({ decisionDate: '2029-01-01', endDate: '2030-01-01' })], ID, []],
    // Not yet decided on the reference date: not in force then (no bar), but a person should see it.
    ['decided after the reference date', [record({ decisionDate: '2030-07-01' })], ID, [['decided-later', 'id']]],
    ['decided on the reference date', [record({ decisionDate: '2030-06-30' })], ID, [['on-record', 'id']]],
    ['no dates: in force', [record({})], ID, [['on-record', 'id']]],
    ['matched in full-width and lower case', [record({ idNumber: '11010519491231002Ｘ', decisionDate: '2029-01-01' })], '11010519491231002x', [['on-record', 'id']]],
    ['blank ID', [record({ decisionDate: '2029-01-01' })], '', []],
  ])('%s', (_name, list, id, expected) => {
    expect(outcomes(kind, params, { id }, withList(list))).toEqual(expected);
  });

  it('says what the record holds', () => {
    expect(runRow(kind, params, { id: ID }, withList([record({ decisionDate: '2029-01-01' })]))[0]?.data).toEqual({
      reason: '材料造假',
      listedName: '张三',
      decision: '2029-01-01',
      until: '2032-01-01',
      on: '2030-06-30',
    });
  });

  it('is unavailable without a list', () => {
    expect(kind.unavailable?.(kind.params.parse(params), { integrity: null } as CheckEnv)?.en).toBe('no integrity-record list given (--integrity FILE); not checked');
    expect(kind.unavailable?.(kind.params.parse(params), { integrity: [] as IntegrityRecord[] } as CheckEnv)).toBeNull();
  });
});
