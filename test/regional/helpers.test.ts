import { describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import type { ApplicantResult } from '../../src/core/types.js';
import { birthMonthOf, sexOf, yearMonth } from '../../src/regional/applicant-fields.js';
import { standardEducation } from '../../src/regional/standard-terms.js';
import { groupByEmployer } from '../../src/regional/employer-groups.js';
import { regionResolver } from '../../src/regional/region-of.js';
import { chineseOrdinal, numberOrText } from '../../src/regional/sheet-kit.js';
import { specialtyGroups } from '../../src/regional/specialty-groups.js';
import { tallyBy, tallyRules } from '../../src/regional/tallies.js';
import { fixtureRuleSet, IDS, makeRun } from './run-fixture.js';

const base = (over: Partial<ApplicantResult>): ApplicantResult => ({
  input: 0, file: 'a.xlsx', sheet: 'S', row: 2, name: 'x', idNumber: '', unit: '', specialty: '', status: 'pass', findings: [], ...over,
});

describe('specialtyGroups', () => {
  const g = specialtyGroups(fixtureRuleSet(), 'zh');
  it.each([
    ['信息技术', { canonical: '信息技术', committee: '信息技术', conditionDoc: '浙经信人事〔2019〕144号', known: true }],
    ['人工智能', { canonical: '人工智能', committee: '信息技术', conditionDoc: '浙经信人事〔2023〕240号', known: true }],
    ['机电 ', { canonical: '机电制造', committee: '机电制造', conditionDoc: '浙经信人事〔2019〕144号', known: true }],
    ['电子信息', { canonical: '电子信息', committee: '暂未设正高级评审委员会的专业', conditionDoc: null, known: false }],
    ['', { canonical: '', committee: '（未填申报专业）', conditionDoc: null, known: false }],
  ])('%s', (text, expected) => expect(g.of(text)).toEqual(expected));

  it('orders committees as the rule set lists them, unknown after, blank last', () => {
    const order = ['（未填申报专业）', '暂未设正高级评审委员会的专业', '材料', '信息技术', '机电制造'].sort((a, b) => g.rank(a) - g.rank(b));
    expect(order).toEqual(['机电制造', '信息技术', '材料', '暂未设正高级评审委员会的专业', '（未填申报专业）']);
    expect(g.committeeDoc('信息技术')).toBe('浙经信人事〔2019〕144号');
    expect(g.committeeDoc('暂未设正高级评审委员会的专业')).toBeNull();
  });
});

describe('applicant fields for the recommendation list', () => {
  it.each([
    ['2015-12-30', '2015.12'],
    ['2015年6月', '2015.06'],
    ['2015.6', '2015.06'],
    ['2015', '2015'],
    ['不详', '不详'],
  ])('yearMonth(%s) = %s', (t, e) => expect(yearMonth(t)).toBe(e));

  it('falls back to the ID number for sex and birth month', () => {
    const a = base({ idNumber: IDS.li });
    expect([sexOf(a, 'zh'), sexOf(a, 'en'), birthMonthOf(a)]).toEqual(['女', 'F', '1980.03']);
    const b = base({ idNumber: 'bad', fields: { sex: '男', birthDate: '1971年2月' } });
    expect([sexOf(b, 'zh'), birthMonthOf(b)]).toEqual(['男', '1971.02']);
    expect([sexOf(base({ idNumber: 'bad' }), 'zh'), birthMonthOf(base({}))]).toEqual(['', '']);
    expect(standardEducation(base({ fields: { education: '硕士研究生', degree: '' } }))).toBe('硕士研究生');
  });
});

describe('groupings and tallies', () => {
  it('groups employers ignoring spaces and full-width forms; a blank unit per file', () => {
    const groups = groupByEmployer(
      [base({ unit: '甲公司' }), base({ unit: ' 甲 公司', file: 'b.xlsx' }), base({ unit: '' }), base({ unit: '', file: 'b.xlsx' }), base({ unit: 'ＡＢ公司' }), base({ unit: 'AB公司' })],
      'zh',
    );
    expect(groups.map((g) => [g.unit, g.files, g.applicants.length])).toEqual([
      ['甲公司', ['a.xlsx', 'b.xlsx'], 2],
      ['（未填工作单位）', ['a.xlsx'], 1],
      ['（未填工作单位）', ['b.xlsx'], 1],
      ['ＡＢ公司', ['a.xlsx'], 2],
    ]);
  });

  it('counts verdicts per group and flagged applicants per rule (exceptions do not count)', () => {
    const run = makeRun();
    expect(tallyBy(run.applicants, (a) => a.unit).map((t) => [t.label, t.pass, t.review, t.fail, t.total])).toEqual([
      ['温州丙研究院', 2, 0, 1, 3],
      ['杭州甲科技有限公司', 2, 0, 0, 2],
      ['宁波乙机械有限公司', 0, 1, 1, 2],
    ]);
    const rules = tallyRules(run.applicants);
    expect(rules.find((r) => r.ruleId === 'duplicate')).toEqual({ ruleId: 'duplicate', error: 2, warn: 0 });
    expect(rules.find((r) => r.ruleId === 'cpd-split')).toBeUndefined();
  });

  it('finds the region from 单位所在地, else from the unit name', () => {
    const regionOf = regionResolver(Divisions.zhejiang());
    expect(regionOf(base({ unit: 'x', fields: { unitRegion: '宁波市北仑区' } }))).toBe('宁波市');
    expect(regionOf(base({ unit: '温州丙研究院' }))).toBe('温州市');
    expect(regionOf(base({ unit: '上海某公司' }))).toBe('上海市');
    expect(regionOf(base({ unit: '某某公司' }))).toBeNull();
  });
});

describe('sheet helpers', () => {
  it('numbers and ordinals', () => {
    expect([numberOrText('96'), numberOrText('90.5'), numberOrText('96学时'), numberOrText(' '), numberOrText('0096'), numberOrText('９０'), numberOrText('九十')]).toEqual([96, 90.5, 96, null, 96, 90, '九十']);
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
  });
});
