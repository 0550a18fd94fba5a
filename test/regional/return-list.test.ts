import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rowHeightFor } from '../../src/format/text-height.js';
import { buildReturnList } from '../../src/regional/return-list.js';
import type { RunResult } from '../../src/report/run-result.js';
import { screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { IDS, makeRun } from './run-fixture.js';
import { formulaCells, openWorkbook, rowsOf } from './xlsx-read.js';

// Sent back to the employers, 退回清单 masks ID numbers by default (only 推荐名单 shows them in full).
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

/** One roster (甲公司.xlsx) screened by the engine with the bundled rules, as the list gets it from a run. */
async function screenedRun(rows: RowInput[], columns: string[]): Promise<RunResult> {
  const { applicants } = await screenRows(rows, { columns, asOf: '2024-03-25', file: 'rosters/甲公司.xlsx' });
  const summary = { total: applicants.length, pass: 0, review: 0, fail: 0 };
  for (const a of applicants) summary[a.status]++;
  const fixture = makeRun();
  return makeRun({ applicants, summary, inputs: [fixture.inputs[0]!], problems: [], exceptions: [] });
}

const SIGN_BLOCK = [['填表人：　　　　　　　　审核人：　　　　　　　　联系电话：'], ['日期：　　　　年　　月　　日　　　　　　　　单位盖章：']];

describe('退回清单 (return list)', () => {
  it('groups the 不通过 and 待复核 applicants by employer, one row per reason with the cell to fix', async () => {
    const wb = await openWorkbook(await buildReturnList(makeRun(), { lang: 'zh', mask: true }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['退回清单', '按单位汇总', '例外说明']);
    const ws = wb.getWorksheet('退回清单')!;
    const rows = rowsOf(ws);
    expect(rows[0]!.cells).toEqual(['2023年度浙江省工业和信息化领域正高级工程师职务任职资格评审预审退回清单']);
    expect(rows[1]!.cells.filter((c) => c !== null)).toEqual(['核验日期：2024-03-25　依据：浙经信人事〔2023〕291号', '需退回 3 人（不通过 2 人，待复核 1 人）']);
    expect(rows[2]!.cells).toEqual(['序号', '姓名', '身份证号', '结论', '花名册位置', '单元格', '列', '填写内容', '问题及修改要求', '依据', '问题级别']);
    const src = '〔浙经信人事〔2023〕291号〕';
    expect(rows.slice(3).map((r) => r.cells)).toEqual([
      ['宁波乙机械有限公司（乙公司.xlsx）：不通过 1 人，待复核 1 人'],
      [1, '王五', masked(IDS.wang), '不通过', '第3行', 'K3', '列', '72', '【近三年每年继续教育学…】2021年继续教育学时 72 < 90，差 18 学时', src, '错误'],
      [null, null, null, null, null, 'C3', '列', null, `【身份证号】身份证号 ${masked(IDS.wang)} 与 丙单位.csv 第2行重复`, src, '错误'],
      [null, null, null, null, null, 'H3', '列', null, '【seniority】取得高级工程师满5年的时间需复核', src, '警告'],
      [2, '赵六', masked(IDS.zhao), '待复核', '第4行', 'C4', '列', null, '【retirement-age】2024-03-08 时已满55周岁（女）', src, '警告'],
      ['温州丙研究院（丙单位.csv）：不通过 1 人，待复核 0 人'],
      [1, '钱七', masked(IDS.wang), '不通过', '第2行', 'B2', '列', null, `【身份证号】身份证号 ${masked(IDS.wang)} 与 乙公司.xlsx 第3行重复`, src, '错误'],
      [null, null, null, null, null, 'E2', '列', '=HYPERLINK(1)', '【unit-type】单位性质"=HYPERLINK(1)"无法识别', src, '错误'],
      ['请各单位按"问题及修改要求"逐项核对修改；"待复核"事项请核实后说明情况。修改后重新报送。'],
      ...SIGN_BLOCK,
    ]);
    // One applicant's own columns are merged over the rows of their reasons.
    expect(ws.getCell('B7').isMerged && ws.getCell('B7').master.address).toBe('B5');
    // A text that looks like a formula stays text.
    expect(ws.getCell('H11').value).toBe('=HYPERLINK(1)');
    expect(formulaCells(wb)).toEqual([]);
  });

  it('is print-ready and starts each employer on a new page', async () => {
    const buf = await buildReturnList(makeRun(), { lang: 'zh', mask: true });
    const ws = (await openWorkbook(buf)).getWorksheet('退回清单')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    // exceljs does not read page breaks back: look at the sheet XML. The break follows the first
    // employer's last row (8), so the second employer's band (row 9) starts a page.
    const xml = strFromU8(unzipSync(new Uint8Array(buf))['xl/worksheets/sheet1.xml']!);
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([8]);
  });

  it('sums every employer on 按单位汇总, with a 合计 row', async () => {
    const wb = await openWorkbook(await buildReturnList(makeRun(), { lang: 'zh', mask: true }));
    const rows = rowsOf(wb.getWorksheet('按单位汇总')!).slice(3).map((r) => r.cells);
    expect(rows).toEqual([
      [1, '杭州甲科技有限公司', '甲公司.xlsx', 2, 2, 0, 0, 0],
      [2, '宁波乙机械有限公司', '乙公司.xlsx', 2, 0, 1, 1, 2],
      [3, '温州丙研究院', '丙单位.csv', 3, 2, 0, 1, 1],
      [null, '合计', '3 个文件', 7, 4, 1, 2, 3],
    ]);
  });

  it('counts a file read but for a part (a second table beside the first) once, as read', async () => {
    const run = makeRun();
    const part = { file: run.inputs[0]!.file, message: { zh: '第二张表未审核', en: 'second table not screened' }, unreadable: true };
    const wb = await openWorkbook(await buildReturnList({ ...run, problems: [...run.problems, part] }, { lang: 'zh', mask: true }));
    const rows = rowsOf(wb.getWorksheet('按单位汇总')!).slice(3).map((r) => r.cells);
    expect(rows.at(-1)).toEqual([null, '合计', '3 个文件', 7, 4, 1, 2, 3]);
  });

  it('accounts on 按单位汇总 for the files that could not be read, in zh and en, and keeps its print setup', async () => {
    const run = makeRun();
    const bad = { file: 'rosters/sub/某某市某某区某某科技有限公司-花名册.xlsx', message: { zh: '不是有效的 xlsx 文件', en: 'not a valid xlsx file' }, unreadable: true };
    const problems = [...run.problems, bad];
    const summary = async (lang: 'zh' | 'en') => {
      const wb = await openWorkbook(await buildReturnList({ ...run, problems }, { lang, mask: true }));
      return wb.worksheets[1]!;
    };
    const zh = await summary('zh');
    // The unreadable file is named relative to the folder the rosters share, as the others are.
    expect(rowsOf(zh).slice(6).map((r) => r.cells)).toEqual([
      [4, '文件无法读取', 'sub/某某市某某区某某科技有限公司-花名册.xlsx', '—', '—', '—', '—', '—'],
      [null, '合计', '4 个文件（1 个无法读取）', 7, 4, 1, 2, 3],
    ]);
    expect(zh.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    // The long file name wraps in its column: its row is made taller than an employer's one-line row.
    expect(zh.getRow(7).height).toBeGreaterThan(zh.getRow(4).height);
    const en = await summary('en');
    expect(rowsOf(en).slice(6).map((r) => r.cells)).toEqual([
      [4, 'File could not be read', 'sub/某某市某某区某某科技有限公司-花名册.xlsx', '—', '—', '—', '—', '—'],
      [null, 'Total', '4 files (1 unreadable)', 7, 4, 1, 2, 3],
    ]);
  });

  it('shows full ID numbers (the office\'s working document), and speaks English with lang en', async () => {
    const wb = await openWorkbook(await buildReturnList(makeRun(), { lang: 'en', mask: false }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Return list', 'By employer', 'Exceptions']);
    const rows = rowsOf(wb.getWorksheet('Return list')!);
    expect(rows[3]!.cells[0]).toBe('宁波乙机械有限公司 (乙公司.xlsx): 1 fail, 1 for review');
    expect(rows[4]!.cells.slice(0, 5)).toEqual([1, '王五', IDS.wang, 'fail', 'row 3']);
    expect(rows[5]!.cells[8]).toBe(`[duplicate] ID ${IDS.wang} repeats 丙单位.csv row 2`);
  });

  it('its 例外说明 masks the ID (unless --no-mask) and names the exceptions file by its name, not its path', async () => {
    const run = makeRun();
    const exceptions = run.exceptions.map((e) => ({ ...e, entry: { ...e.entry, origin: 'lists/sub/例外.xlsx [例外]:2' } }));
    const id = exceptions[0]!.entry.idNumber;
    const rows = async (mask: boolean) => rowsOf((await openWorkbook(await buildReturnList({ ...run, exceptions }, { lang: 'zh', mask }))).getWorksheet('例外说明')!).map((r) => r.cells);
    expect((await rows(true))[3]!.slice(0, 2)).toEqual([1, masked(id)]);
    expect((await rows(true))[3]![6]).toBe('例外.xlsx [例外]:2');
    expect((await rows(false))[3]!.slice(0, 2)).toEqual([1, id]);
  });

  it('says nobody is to be returned when all pass', async () => {
    const run = makeRun();
    const all = { ...run, applicants: run.applicants.filter((a) => a.status === 'pass'), exceptions: [] };
    const wb = await openWorkbook(await buildReturnList(all, { lang: 'zh', mask: true }));
    expect(rowsOf(wb.getWorksheet('退回清单')!).slice(3).map((r) => r.cells)).toEqual([['（无需退回的人员）'], ...SIGN_BLOCK]);
  });

  it('shows the whole combined cell as 填写内容 when a rule judged one part of it', async () => {
    const combined = ['currentTitleAndDate', 'educationAndDegree'];
    const columns = [...Object.keys(validApplicant).filter((c) => !['currentTitle', 'currentTitleDate', 'education', 'degree'].includes(c)), ...combined];
    const row = { ...validApplicant, currentTitleAndDate: '高级工程师/2020.06', educationAndDegree: '大专/无' };
    const wb = await openWorkbook(await buildReturnList(await screenedRun([row], columns), { lang: 'zh', mask: true }));
    const rows = rowsOf(wb.getWorksheet('退回清单')!).map((r) => r.cells);
    const byColumn = (header: string) => rows.filter((c) => c[6] === header).map((c) => [c[7], c[8]]);
    // The employer finds the cell by what it says; the message names the part judged.
    expect(byColumn('现专业技术资格及取得时间')).toEqual([['高级工程师/2020.06', expect.stringContaining('高级工程师取得于2020-06')]]);
    expect(byColumn('学历/学位')).toEqual([['大专/无', expect.stringContaining('学历"大专"、学位"无"')]]);
  });

  it('masks one applicant\'s ID in one form on all their rows, however it was typed (spaces)', async () => {
    const id = validApplicant['idNumber'] as string;
    const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    // The same ID twice: the spaced one is a warning (spaces) and both rows a duplicate (on the normalised ID).
    const run = await screenedRun([{ ...validApplicant, idNumber: spaced }, { ...validApplicant, name: '李四' }], Object.keys(validApplicant));
    const wb = await openWorkbook(await buildReturnList(run, { lang: 'zh', mask: true }));
    const rows = rowsOf(wb.getWorksheet('退回清单')!).slice(3, -3).map((r) => r.cells);
    const shown = rows.flatMap((c) => c.flatMap((v) => (typeof v === 'string' ? (v.match(/\d{6}\*+\d{3}[\dX]/g) ?? []) : [])));
    // The ID column, and the value and message of the spaces warning and of the duplicate.
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(new Set(shown)).toEqual(new Set([masked(id)]));
    expect(rows.flat().join('\n')).not.toContain(id.slice(6, 14));
  });

  // Each reason is led by its rule's short name, as 推荐名单's 备注 (【规则名】…); the row is as high as
  // the text written (name included), measured as the lists measure it.
  it('leads each reason with its rule\'s short name, the row high enough for the text written', async () => {
    const run = makeRun();
    const title = (id: string) => ({ zh: id === 'cpd-hours' ? '继续教育学时' : `${id}规则`, en: id === 'cpd-hours' ? 'CPD hours' : `${id} rule` });
    const titled = { ...run, rules: run.rules.map((r) => ({ ...r, title: title(r.id) })) };
    for (const lang of ['zh', 'en'] as const) {
      const ws = (await openWorkbook(await buildReturnList(titled, { lang, mask: true }))).worksheets[0]!;
      const reasons = rowsOf(ws).filter((r) => r.cells[5] === 'K3');
      expect(reasons.map((r) => r.cells[8]), lang).toEqual([lang === 'zh' ? '【继续教育学时】2021年继续教育学时 72 < 90，差 18 学时' : '[CPD hours] 2021 CPD hours 72 < 90, 18 short']);
      ws.eachRow((row, n) => {
        const text = row.getCell(9).value;
        if (n < 4 || typeof text !== 'string' || row.getCell(9).isMerged) return;
        expect(row.height, `${lang} row ${n}`).toBeGreaterThanOrEqual(rowHeightFor([{ text, width: ws.getColumn(9).width! }], 10, 18));
      });
    }
  });
});
