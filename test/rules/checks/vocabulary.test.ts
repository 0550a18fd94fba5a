import { describe, expect, it } from 'vitest';
import kind, { vocabularyOutcomes } from '../../../src/rules/checks/vocabulary.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';

const params = {
  field: 'kind',
  accept: { values: ['甲'], contains: ['乙类'] },
  outcomes: [{ values: ['丙'], contains: ['丙类'], outcome: 'bad' }],
  otherwise: 'odd',
  blank: 'empty',
};

describe(kind.kind, () => {
  it.each<[string, [string, string | undefined][]]>([
    ['甲', []],
    [' 甲。', []],
    ['某乙类单位', []],
    ['丙', [['bad', 'kind']]],
    ['某丙类乙类', [['bad', 'kind']]],
    ['丁', [['odd', 'kind']]],
    ['', [['empty', 'kind']]],
  ])('"%s"', (value, expected) => {
    expect(outcomes(kind, params, { kind: value })).toEqual(expected);
  });

  it('says which word matched', () => {
    expect(runRow(kind, params, { kind: '丙' })[0]?.data).toEqual({ matched: '丙' });
  });

  it('accepts anything else and blanks when otherwise and blank are null', () => {
    const open = { ...params, otherwise: null, blank: null };
    expect(outcomes(kind, open, { kind: '丁' })).toEqual([]);
    expect(outcomes(kind, open, { kind: '' })).toEqual([]);
  });

  it('names the outcomes its params give (for the rule file to declare)', () => {
    expect(vocabularyOutcomes(params)).toEqual(['bad', 'odd', 'empty']);
    expect(kind.outcomesFor?.(kind.params.parse(params))).toEqual(['bad', 'odd', 'empty']);
  });
});
