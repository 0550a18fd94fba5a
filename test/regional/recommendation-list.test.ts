import { describe, expect, it } from 'vitest';
import { buildRecommendationList } from '../../src/regional/recommendation-list.js';
import { fixtureRuleSet, IDS, makeRun } from './run-fixture.js';
import { formulaCells, openWorkbook, rowsOf } from './xlsx-read.js';

const ruleSet = fixtureRuleSet();
const SIGN_BLOCK = [['填表人：　　　　　　　　审核人：　　　　　　　　联系电话：'], ['日期：　　　　年　　月　　日　　　　　　　　单位盖章：']];
const TITLE = '2023年度浙江省工业和信息化领域正高级工程师职务任职资格推荐人员名单';

describe('推荐名单 (recommendation list)', () => {
  it('lists the 通过 applicants by committee, numbered, with the condition document', async () => {
    const wb = await openWorkbook(await buildRecommendationList(makeRun(), { lang: 'zh', mask: true, includeReview: false, ruleSet }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['推荐名单', '例外说明']);
    const ws = wb.getWorksheet('推荐名单')!;
    const rows = rowsOf(ws);
    expect(rows[0]!.cells).toEqual([TITLE]);
    expect(rows[1]!.cells[0]).toBe('填报单位（盖章）：');
    expect(String(rows[1]!.cells.find((c, i) => i > 0 && c !== null))).toMatch(/^填报日期：/);
    // Two-row header: 现专业技术资格 and 继续教育学时 span their sub-columns.
    expect(rows[2]!.cells).toEqual(['序号', '姓名', '身份证号', '性别', '出生年月', '工作单位', '单位性质', '现专业技术资格', null, '学历/学位', '申报专业', '适用评价条件', '继续教育学时', null, null, '备注']);
    expect(rows[3]!.cells).toEqual([null, null, null, null, null, null, null, '资格名称', '取得时间', null, null, null, '2021年', '2022年', '2023年']);

    const body = rows.slice(4).map((r) => r.cells);
    expect(body).toEqual([
      ['一、信息技术（2人）；评价条件：浙经信人事〔2019〕144号；其中人工智能专业1人，适用浙经信人事〔2023〕240号，申报时归入信息技术领域'],
      [1, '张三', IDS.zhang, '男', '1971.02', '杭州甲科技有限公司', '企业', '高级工程师', '2015.12', '大学本科/学士', '信息技术', '浙经信人事〔2019〕144号', 96, 100, 92],
      [2, '李四', IDS.li, '女', '1980.03', '杭州甲科技有限公司', '企业', '高级工程师', '2015.12', '大学本科/学士', '人工智能', '浙经信人事〔2023〕240号', 96, 100, 92, '【花名册填写了公需科目…】已由王审核于2024-03-20复核接受：已补登记证明'],
      ['二、能源（1人）；评价条件：浙经信人事〔2020〕166号'],
      [3, '周九', IDS.zhou, '男', '1977.07', '温州丙研究院', '企业', '高级工程师', '2015.12', '大学本科/学士', '能源', '浙经信人事〔2020〕166号', 96, 100, 92],
      ['三、材料（1人）；评价条件：浙经信人事〔2020〕166号'],
      [4, '孙八', IDS.sun, '女', '1982.08', '温州丙研究院', '企业', '高级工程师', '2015.12', '大学本科/学士', '材料', '浙经信人事〔2020〕166号', 90.5, 100, 92],
      ['合计：4人'],
      ...SIGN_BLOCK,
    ]);
    expect(formulaCells(wb)).toEqual([]);
  });

  it('is print-ready: A4 landscape, fit to width, header rows on every page, frozen header', async () => {
    const wb = await openWorkbook(await buildRecommendationList(makeRun(), { lang: 'zh', mask: true, includeReview: true, ruleSet }));
    for (const name of ['推荐名单', '待复核人员']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(ws.headerFooter.oddFooter).toBe('&C第&P页 共&N页');
      expect(ws.getCell('A1').isMerged).toBe(true);
    }
  });

  it('--include-review adds the 待复核 applicants on their own sheet with what to review', async () => {
    const wb = await openWorkbook(await buildRecommendationList(makeRun(), { lang: 'zh', mask: true, includeReview: true, ruleSet }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['推荐名单', '待复核人员', '例外说明']);
    const rows = rowsOf(wb.getWorksheet('待复核人员')!);
    expect(rows[0]!.cells[0]).toBe(`${TITLE}（待复核人员，复核通过后方可推荐）`);
    expect(rows[2]!.cells.at(-1)).toBe('待复核事项');
    const body = rows.slice(4).map((r) => r.cells);
    expect(body[0]).toEqual(['一、机电制造（1人）；评价条件：浙经信人事〔2019〕144号']);
    expect(body[1]!.slice(0, 2)).toEqual([1, '赵六']);
    expect(body[1]![10]).toBe('机电制造');
    // Each item led by its rule's short name, as 备注 (an id the run's rules do not describe stays as it is).
    expect(body[1]![15]).toBe('【retirement-age】C4 2024-03-08 时已满55周岁（女）');
    expect(body.slice(-3)).toEqual([['合计：1人'], ...SIGN_BLOCK]);
  });

  it('lists the exceptions applied, ID in full, rule by its name; the stale ones stay out of the list', async () => {
    const wb = await openWorkbook(await buildRecommendationList(makeRun(), { lang: 'zh', mask: true, includeReview: false, ruleSet }));
    const rows = rowsOf(wb.getWorksheet('例外说明')!).map((r) => r.cells);
    expect(rows[1]!.join('')).toBe('已采纳 1 条');
    expect(rows[3]).toEqual([1, makeRun().exceptions[0]!.entry.idNumber, '花名册填写了公需科目…', '王审核', '2024-03-20', '已补登记证明', 'exceptions.csv:2', 1]);
    expect(rows.slice(4)).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain('未匹配');
  });

  it('without a rule set groups by the specialty as written; with nobody passing says so', async () => {
    const run = makeRun();
    const none = { ...run, applicants: run.applicants.filter((a) => a.status !== 'pass'), exceptions: [] };
    const wb = await openWorkbook(await buildRecommendationList(none, { lang: 'zh', mask: true, includeReview: true, ruleSet: null }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['推荐名单', '待复核人员']);
    expect(rowsOf(wb.getWorksheet('推荐名单')!).slice(4).map((r) => r.cells)).toEqual([['（无）'], ['合计：0人'], ...SIGN_BLOCK]);
    expect(rowsOf(wb.getWorksheet('待复核人员')!)[4]!.cells[0]).toBe('一、机电（1人）；本轮未设该专业正高级评审委员会，请确认评审委员会');
  });

  it('speaks English with lang en', async () => {
    const wb = await openWorkbook(await buildRecommendationList(makeRun(), { lang: 'en', mask: true, includeReview: false, ruleSet }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Recommended', 'Exceptions']);
    const rows = rowsOf(wb.getWorksheet('Recommended')!);
    expect(rows[0]!.cells[0]).toBe('Zhejiang 2023 professorate senior engineer review, industry & IT field: recommended applicants');
    expect(rows[4]!.cells[0]).toMatch(/^1\. 信息技术 \(2\); conditions: 浙经信人事〔2019〕144号; of whom 1 in 人工智能/);
    expect(rows[6]!.cells[3]).toBe('女'); // as the roster wrote it
    expect(rows[10]!.cells[3]).toBe('F'); // from the ID number
  });
});
