import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/formula-uncomputed.js';
import { outcomes } from '../../helpers/kind-tester.js';

describe(kind.kind, () => {
  it('reports each recognised cell whose formula was never calculated, on that cell', () => {
    const state = { uncomputed: new Set(['cpd2021', 'unit']) };
    expect(outcomes(kind, {}, { name: '张三', unit: '', cpd2021: '' }, { rowState: state })).toEqual([
      ['uncomputed', 'cpd2021'],
      ['uncomputed', 'unit'],
    ]);
  });

  it('says nothing when every formula has its value', () => {
    expect(outcomes(kind, {}, { name: '张三', cpd2021: 96 })).toEqual([]);
  });

  it('is the kind that judges such cells (the engine drops the others\' findings on them)', () => {
    expect(kind.judgesUncomputed).toBe(true);
  });
});
