// Rows right under the header that are no applicants: a row numbering the columns (1 2 3 …, （1）（2）…,
// ①②…), a third header row (继续教育学时 › 2021年 › 公需科目/专业科目/合计), and pre-numbered template rows
// holding only 序号 and formulas never calculated. None may become a (failing) applicant; each is
// named in the run's notes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { screenFiles } from '../../src/pipeline/screen-files.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { ALL_COLUMNS, applicants, buildXlsx, colLetters, rosterSheetData, rowXml } from '../hostile/build.js';
import { labelOf } from '../helpers/make-roster.js';
import { makeTempDir } from '../helpers/temp-dir.js';

async function screen(rows: string, after?: string) {
  const file = path.join(makeTempDir(), 'roster.xlsx');
  writeFileSync(file, buildXlsx({ sheets: [{ name: '花名册', rows, after }] }));
  const outcome = await screenFiles({
    files: [file],
    asOf: '2024-03-25',
    strictColumns: false,
    rules: loadBundledRuleSet(),
    env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
  });
  const apps = outcome.result.applicants;
  return {
    rows: apps.map((a) => a.row),
    statuses: apps.map((a) => a.status),
    app: (row: number) => apps.find((a) => a.row === row)!,
    notes: outcome.problems.map((p) => p.message.zh),
    notesEn: outcome.problems.map((p) => p.message.en),
    inputs: outcome.inputs,
  };
}

/** Header in row 1, `second` as row 2, then three valid applicants from row 3. */
function withRowTwo(second: (string | number)[]): string {
  const { xml } = rosterSheetData({ rows: [] });
  const data = rosterSheetData({ rows: applicants(3), headerRow: 2 }).xml.replace(/^<row r="2">.*?<\/row>/, '');
  return xml + rowXml(2, second) + data;
}

const width = ALL_COLUMNS.length;

describe('a row numbering the columns under the header', () => {
  it.each<[string, (string | number)[]]>([
    ['numbers 1, 2, 3 …', Array.from({ length: width }, (_, i) => i + 1)],
    ['（1）（2）… as text', Array.from({ length: width }, (_, i) => `（${i + 1}）`)],
    ['(1) (2) … half-width', Array.from({ length: width }, (_, i) => `(${i + 1})`)],
    ['①②③ …', Array.from({ length: Math.min(width, 20) }, (_, i) => String.fromCharCode(0x2460 + i))],
    ['numbers as text, a few columns left blank', Array.from({ length: width }, (_, i) => (i % 7 === 3 ? '' : String(i + 1)))],
  ])('%s: skipped and named, never an applicant', async (_n, second) => {
    const r = await screen(withRowTwo(second));
    expect(r.rows).toEqual([3, 4, 5]);
    expect(r.statuses).toEqual(['pass', 'pass', 'pass']);
    expect(r.notes.filter((t) => t.includes('第2行为列序号行'))).toHaveLength(1);
    expect(r.notesEn.some((t) => t.includes('row 2 numbers the columns'))).toBe(true);
  });

  it('numbers that do not count the columns stay an applicant (screened, not dropped)', async () => {
    const second = Array.from({ length: width }, (_, i) => (i < 5 ? 7 : ''));
    const r = await screen(withRowTwo(second));
    expect(r.rows).toEqual([2, 3, 4, 5]);
    expect(r.notes.some((t) => t.includes('列序号行'))).toBe(false);
  });
});

describe('a header of three rows', () => {
  // 继续教育学时 over 2021年/2022年/2023年 over 公需科目/专业科目/合计; the other columns' titles in row 1.
  const basic = ALL_COLUMNS.filter((c) => !/^cpd20/.test(c));
  const years = [2021, 2022, 2023];
  const hours = (i: number, y: number): [number, number] => (i === 1 && y === 2022 ? [40, 50] : i === 2 && y === 2023 ? [30, 50] : [36, 60]);
  function threeRows(third: string[] = ['公需科目', '专业科目', '合计']): string {
    const n = basic.length;
    const r1 = [...basic.map(labelOf), '继续教育学时'];
    const r2 = [...basic.map(() => ''), ...years.flatMap((y) => [`${y}年`, '', ''])];
    const r3 = [...basic.map(() => ''), ...years.flatMap(() => third)];
    const data = applicants(3).map((a, i) =>
      rowXml(4 + i, [...basic.map((c) => a[c] as string | number), ...years.flatMap((y) => { const [p, q] = hours(i, y); return [p, q, p + q]; })]),
    );
    void n;
    return rowXml(1, r1) + rowXml(2, r2) + rowXml(3, r3) + data.join('');
  }
  const merges = (() => {
    const n = basic.length;
    const m = basic.map((_, c) => `${colLetters(c)}1:${colLetters(c)}3`);
    m.push(`${colLetters(n)}1:${colLetters(n + 8)}1`);
    years.forEach((_, k) => m.push(`${colLetters(n + 3 * k)}2:${colLetters(n + 3 * k + 2)}2`));
    return `<mergeCells count="${m.length}">${m.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
  })();

  it('is read whole: each year from its 合计 column, 公需/专业 from theirs; the third row is no applicant', async () => {
    const r = await screen(threeRows(), merges);
    expect(r.inputs[0]!.headerRow).toBe(3);
    expect(r.rows).toEqual([4, 5, 6]);
    // Row 4: 96 each year. Row 5: 2022 is 40+50 = 90 (enough) but 专业 50 < 60: a warning.
    // Row 6: 2023 is 30+50 = 80 < 90, read from the 合计 column: fails.
    expect(r.statuses).toEqual(['pass', 'review', 'fail']);
    const cpd = r.app(6).findings.filter((f) => f.severity === 'error');
    expect(cpd.map((f) => f.message.zh).join()).toContain('2023年继续教育80学时');
    expect(r.notes.some((t) => t.includes('2022年') && t.includes('不在本轮审核范围'))).toBe(false);
  });

  it('a third row not understood is named, never an applicant, and the columns over it are not guessed', async () => {
    // Under each year: two columns titled 线上 and 线下, no total: the year's hours are in neither.
    const r = await screen(threeRows(['线上学时', '线下学时', '备注']), merges);
    expect(r.rows).toEqual([4, 5, 6]);
    expect(r.statuses).not.toContain('fail');
    expect(r.notes.some((t) => t.includes('第3行') && t.includes('表头'))).toBe(true);
  });

  it('a second header row under a one-row header: named, and its columns not read as the row above says', async () => {
    // 2021–2023年继续教育学时 with 专业科目 written under each: the cells hold only part of the year's hours.
    const second = ALL_COLUMNS.map((c) => (/^cpd20/.test(c) ? '专业科目' : ''));
    const rows = applicants(3, () => ({ cpd2021: 60, cpd2022: 60, cpd2023: 60 }));
    const { xml } = rosterSheetData({ rows: [] });
    const data = rosterSheetData({ rows, headerRow: 2 }).xml.replace(/^<row r="2">.*?<\/row>/, '');
    const r = await screen(xml + rowXml(2, second) + data);
    expect(r.rows).toEqual([3, 4, 5]);
    expect(r.statuses).toEqual(['review', 'review', 'review']);
    const note = r.notes.find((t) => t.includes('第2行'));
    expect(note).toContain('专业科目');
    expect(note).toContain('2021年继续教育学时');
  });
});

describe('pre-numbered template rows with formulas never calculated', () => {
  it('are skipped and counted in the notes; a row with an ID or a name beside such a formula stays an applicant', async () => {
    const columns = ['seq', ...ALL_COLUMNS];
    const col = colLetters(columns.indexOf('cpdRegistered'));
    const cpd = colLetters(columns.indexOf('cpd2021'));
    const formula = (r: number) => `<c r="${col}${r}"><f>IF(${cpd}${r}="","",IF(${cpd}${r}&gt;=90,"是","否"))</f><v></v></c>`;
    let { xml } = rosterSheetData({ columns, rows: applicants(3, (i) => ({ seq: i + 1 })) });
    for (let r = 5; r <= 30; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${formula(r)}</row>`;
    // Row 31: a name, nothing else but the formula: an applicant (half-filled), screened.
    xml += `<row r="31"><c r="A31"><v>30</v></c><c r="B31" t="inlineStr"><is><t>王五</t></is></c>${formula(31)}</row>`;
    const r = await screen(xml);
    expect(r.rows).toEqual([2, 3, 4, 31]);
    const note = r.notes.filter((t) => t.includes('未计算的公式'));
    expect(note).toHaveLength(1);
    expect(note[0]).toContain('26行');
    expect(note[0]).toContain('第5');
  });
});

describe('rows numbered ahead and left empty (only 序号)', () => {
  it('are counted in the notes, not dropped without a word', async () => {
    const columns = ['seq', ...ALL_COLUMNS];
    let { xml } = rosterSheetData({ columns, rows: applicants(3, (i) => ({ seq: i + 1 })) });
    // Row 5 holds only empty styled cells (as under a merge): nothing to count.
    xml += '<row r="5"><c r="A5" s="0"/></row>';
    for (let r = 6; r <= 40; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c></row>`;
    const r = await screen(xml);
    expect(r.rows).toEqual([2, 3, 4]);
    const note = r.notes.filter((t) => t.includes('只有序号'));
    expect(note).toEqual(['工作表"花名册"第6–40行共35行只有序号，没有姓名、身份证号等申报信息，为预先编号的空行，已跳过']);
    expect(r.notesEn.some((t) => t.includes('rows 6–40 (35) hold only a number (序号)'))).toBe(true);
  });

  it('a row with nothing at all is no row numbered ahead', async () => {
    const columns = ['seq', ...ALL_COLUMNS];
    let { xml } = rosterSheetData({ columns, rows: applicants(2, (i) => ({ seq: i + 1 })) });
    xml += '<row r="4"><c r="A4" t="inlineStr"><is><t> </t></is></c></row><row r="5"></row>';
    const r = await screen(xml);
    expect(r.rows).toEqual([2, 3]);
    expect(r.notes.filter((t) => t.includes('只有序号'))).toEqual([]);
  });
});
