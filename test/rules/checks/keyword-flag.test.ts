import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/keyword-flag.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';

const params = { field: 'job', flag: ['销售', '行政'], allow: ['技术'] };

describe(kind.kind, () => {
  it.each<[string, [string, string | undefined][]]>([
    ['研发工程师', []],
    ['销售经理', [['flagged', 'job']]],
    ['行政 主管', [['flagged', 'job']]],
    ['技术销售', []],
    ['', [['blank', 'job']]],
  ])('"%s"', (value, expected) => {
    expect(outcomes(kind, params, { job: value })).toEqual(expected);
  });

  it('names the keyword', () => {
    expect(runRow(kind, params, { job: '区域销售' })[0]?.data).toEqual({ keyword: '销售' });
  });

  it('blank: its own outcome name, or nothing when null', () => {
    expect(outcomes(kind, { ...params, blank: 'empty' }, { job: '' })).toEqual([['empty', 'job']]);
    expect(outcomes(kind, { ...params, blank: null }, { job: '' })).toEqual([]);
    expect(kind.outcomesFor?.(kind.params.parse({ ...params, blank: 'empty' }))).toEqual(['flagged', 'empty']);
  });
});
