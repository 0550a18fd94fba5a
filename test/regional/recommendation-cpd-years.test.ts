import { describe, expect, it } from 'vitest';
import { buildRecommendationList } from '../../src/regional/recommendation-list.js';
import { fixtureRuleSet, makeRun } from './run-fixture.js';
import { openWorkbook, rowsOf } from './xlsx-read.js';

// The 继续教育学时 columns are the rule set's CPD years and columns, never the code's.
describe('推荐名单 CPD columns', () => {
  it('follow the years of the rule set', async () => {
    const ruleSet = fixtureRuleSet();
    const cpd = ruleSet.rules.find((r) => r.check === 'min-hours-per-year')!;
    cpd.params['years'] = [
      { year: 2022, field: 'cpd2022' },
      { year: 2023, field: 'cpd2023' },
    ];
    const wb = await openWorkbook(await buildRecommendationList(makeRun(), { lang: 'zh', mask: true, includeReview: false, ruleSet }));
    const rows = rowsOf(wb.getWorksheet('推荐名单')!);
    expect(rows[3]!.cells.filter((c) => c !== null)).toEqual(['资格名称', '取得时间', '2022年', '2023年']);
    expect(rows[5]!.cells.slice(12, 14)).toEqual([100, 92]);
  });

  it('are left out without a rule set', async () => {
    const wb = await openWorkbook(await buildRecommendationList(makeRun(), { lang: 'en', mask: true, includeReview: false, ruleSet: null }));
    const rows = rowsOf(wb.getWorksheet('Recommended')!);
    expect(rows[2]!.cells).not.toContain('CPD hours');
  });
});
