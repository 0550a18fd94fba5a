import { describe, expect, it } from 'vitest';
import kind, { specialtyResolver } from '../../../src/rules/checks/specialty.js';
import { outcomes, runRow, testRuleSet } from '../../helpers/kind-tester.js';

const params = {
  field: 'sp',
  specialties: [
    { name: '信息技术', committee: '信息', conditionDoc: 'D1', values: ['IT'] },
    { name: '人工智能', committee: '信息', conditionDoc: 'D2', contains: ['智能'], outcome: 'ai' },
    { name: '化学工程', committee: '化工', conditionDoc: 'D3' },
  ],
  otherCommittee: '其他',
};

describe(kind.kind, () => {
  it.each<[string, [string, string | undefined][]]>([
    ['信息技术', []],
    ['IT', []],
    ['信息技术专业', []],
    ['人工智能', [['ai', 'sp']]],
    ['智能制造', [['ai', 'sp']]],
    ['土木', [['other', 'sp']]],
    ['', [['blank', 'sp']]],
  ])('"%s"', (value, expected) => {
    expect(outcomes(kind, params, { sp: value })).toEqual(expected);
  });

  it('lists the committees for another specialty and names the document for its own outcome', () => {
    expect(runRow(kind, params, { sp: '土木' })[0]?.data).toEqual({ committees: '信息、化工', committeesEn: '信息, 化工' });
    expect(runRow(kind, params, { sp: '人工智能' })[0]?.data).toEqual({ canonical: '人工智能', committee: '信息', conditionDoc: 'D2' });
  });

  it('resolves specialties through the rule set’s specialty rule, or as given without one', () => {
    const base = testRuleSet();
    const rule = base.rules.find((r) => r.check === 'specialty')!;
    const resolve = specialtyResolver(testRuleSet({ rules: [{ ...rule, params }] }));
    expect(resolve(' IT ')).toEqual({ canonical: '信息技术', committee: '信息', conditionDoc: 'D1', known: true });
    expect(resolve('土木')).toEqual({ canonical: '土木', committee: '其他', conditionDoc: null, known: false });
    expect(resolve('  ')).toBeNull();
    const none = specialtyResolver(testRuleSet({ rules: [] }));
    expect(none('土木')).toEqual({ canonical: '土木', committee: '土木', conditionDoc: null, known: false });
  });
});
