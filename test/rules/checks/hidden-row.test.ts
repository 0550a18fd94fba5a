import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/hidden-row.js';
import { outcomes } from '../../helpers/kind-tester.js';

describe(kind.kind, () => {
  it('flags a hidden (folded or filtered-out) row', () => {
    expect(outcomes(kind, {}, { name: '张三' }, { rowState: { hidden: true } })).toEqual([['hidden', undefined]]);
  });

  it('says nothing of a visible row', () => {
    expect(outcomes(kind, {}, { name: '张三' })).toEqual([]);
    expect(outcomes(kind, {}, { name: '张三' }, { rowState: { hidden: false } })).toEqual([]);
  });

  it('takes no params', () => {
    expect(() => kind.params.parse({ field: 'name' })).toThrow();
  });
});
