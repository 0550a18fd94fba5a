import { describe, expect, it } from 'vitest';
import kind from '../../../src/rules/checks/region.js';
import { outcomes, runRow } from '../../helpers/kind-tester.js';
import type { RowInput } from '../../helpers/screen-rows.js';

const params = { field: 'loc', unitField: 'org', province: '浙江省' };

describe(kind.kind, () => {
  it.each<[string, RowInput, [string, string | undefined][]]>([
    ['a place in the province', { loc: '宁波市鄞州区' }, []],
    ['another province', { loc: '江苏省南京市' }, [['other-province', 'loc']]],
    ['blank', { loc: '' }, [['blank', 'loc']]],
    ['no place', { loc: '经济开发区' }, [['unknown', 'loc']]],
    ['the location column wins over the unit name', { loc: '杭州市', org: '江苏某某公司' }, []],
    ['unit name in the province', { org: '杭州某某科技有限公司' }, []],
    ['unit name in another province', { org: '江苏某某科技有限公司' }, [['unit-other-province', 'org']]],
    ['unit name naming no place', { org: '某某科技有限公司' }, []],
  ])('%s', (_name, row, expected) => {
    expect(outcomes(kind, params, row)).toEqual(expected);
  });

  it('judges against its own province', () => {
    expect(outcomes(kind, { ...params, province: '江苏省' }, { loc: '江苏省南京市' })).toEqual([]);
    expect(runRow(kind, params, { loc: '江苏省南京市' })[0]?.data).toEqual({ province: '江苏省', required: '浙江省' });
  });
});
