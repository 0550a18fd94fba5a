import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/same-unit.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';

const params = { field: 'u1', sameAs: 'u2' };

describe(kind.kind, () => {
  it.each<[string, string, [string, string | undefined][]]>([
    ['某某（杭州）有限公司', '某某(杭州)有限公司', []],
    ['某某杭州有限公司', '某某（杭州）有限公司', []],
    ['ABC 公司', 'abc公司', []],
    ['甲公司', '乙公司', [['different', 'u1']]],
    ['', '乙公司', []],
    ['甲公司', '', []],
  ])('"%s" / "%s"', (u1, u2, expected) => {
    expect(outcomes(kind, params, { u1, u2 })).toEqual(expected);
  });

  it('names the other column’s value', () => {
    expect(runRow(kind, params, { u1: '甲公司', u2: '乙公司' })[0]?.data).toEqual({ other: '乙公司' });
  });
});
