// Headers as rosters write them, read into fields: two-row headers (the year above, the kind below)
// and the three years' CPD hours in one column with years written without 年.
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/core/types.js';
import { findHeader } from '../../src/roster/find-header.js';
import { HeaderMatcher } from '../../src/roster/header-matcher.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';

const matcher = new HeaderMatcher(loadBundledRuleSet().ruleSet.columns);
const row = (n: number, texts: (string | null)[]): RawRow => ({ row: n, cells: texts.map((t) => (t === null ? undefined : { kind: 'string', text: t })) });

describe('findHeader', () => {
  it('reads 2021年 above 年度考核 as the 2021 assessment column, so it is neither ignored nor missing', () => {
    const base = ['序号', '姓名', '身份证号', '单位性质', '申报专业'];
    const h = findHeader(
      [
        row(1, [...base, '2021年', null, '2022年', null]),
        row(2, [...base.map(() => null), '年度考核', '继续教育学时', '年度考核', '继续教育学时']),
      ],
      matcher,
    );
    expect(h).not.toBeNull();
    expect([...h!.fields.keys()]).toEqual(expect.arrayContaining(['assessment2021', 'cpd2021', 'assessment2022', 'cpd2022']));
    expect(h!.ignored).toEqual([]);
  });

  it('reads 近三年继续教育学时（2021/2022/2023） as the three years in one column', () => {
    const h = findHeader([row(1, ['姓名', '身份证号', '申报专业', '近三年继续教育学时（2021/2022/2023）'])], matcher);
    expect(h!.fields.get('cpdYears')?.header).toBe('近三年继续教育学时（2021/2022/2023）');
    expect(h!.ignored).toEqual([]);
  });
});
