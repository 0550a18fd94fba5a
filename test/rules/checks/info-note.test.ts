import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/info-note.js';
import { runRow, testRuleSet } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { field: 'ach', specialtyField: 'sp' };
const specialtyRule = testRuleSet().rules.find((r) => r.check === 'specialty')!;
const ruleSet = testRuleSet({
  rules: [{ ...specialtyRule, params: { field: 'sp', specialties: [{ name: '信息技术', committee: '信息', conditionDoc: 'D1' }], otherCommittee: '其他' } }],
});

describe(kind.kind, () => {
  it.each<[string, RowInput, string[] | undefined, [string, string | undefined, string | undefined][]]>([
    ['achievements given', { ach: '主持项目', sp: '信息技术' }, undefined, [['note', 'ach', 'D1']]],
    ['achievements blank', { ach: '', sp: '信息技术' }, undefined, [['blank', 'ach', 'D1']]],
    ['no achievements column', { sp: '信息技术' }, ['sp'], [['note', undefined, 'D1']]],
    ['unknown specialty', { ach: '主持项目', sp: '土木' }, undefined, [['note-unknown-specialty', 'ach', undefined]]],
    ['unknown specialty, blank', { ach: '', sp: '' }, undefined, [['blank-unknown-specialty', 'ach', undefined]]],
  ])('%s', (_name, row, columns, expected) => {
    const found = runRow(kind, params, row, { ruleSet, columns });
    expect(found.map((f) => [f.outcome, f.field, f.data?.['conditionDoc'] as string | undefined])).toEqual(expected);
  });
});
