import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAnnotatedCopy } from '../../src/annotate/write-annotated.js';
import { FILL_RGB } from '../../src/annotate/styles.js';
import {
  applicant,
  assertWellFormed,
  entries,
  exceljsRoster,
  fillOf,
  finding,
  hasSoffice,
  loadExcel,
  noteText,
  readBytes,
  rosterInput,
  runResult,
  sampleApplicants,
  screen,
  sofficeConvert,
  tempDir,
  text,
  writeBytes,
  type Screened,
} from './helpers.js';

const SHEET = 'xl/worksheets/sheet1.xml';
/** Parts the writer may change for the exceljs fixture; everything else must be identical. */
const MAY_CHANGE = new Set([
  SHEET,
  'xl/styles.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
  '_rels/.rels',
]);

const soffice = hasSoffice();

describe('annotating an exceljs-made roster', () => {
  let input: Uint8Array;
  let first: Screened;

  beforeAll(async () => {
    input = await exceljsRoster();
    first = await screen(input, sampleApplicants());
  });

  it('copies every part it does not need to change byte for byte', () => {
    const before = entries(input);
    for (const [name, data] of before) {
      if (MAY_CHANGE.has(name)) continue;
      expect(first.parts.get(name), name).toEqual(data);
    }
    // New parts: our two sheets and the custom property marker.
    const added = [...first.parts.keys()].filter((k) => !before.has(k)).sort();
    expect(added).toEqual(['docProps/custom.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
  });

  it('writes well-formed XML in every changed or added part', () => {
    const before = entries(input);
    for (const [name, data] of first.parts) {
      if (before.get(name) && Buffer.compare(Buffer.from(before.get(name)!), Buffer.from(data)) === 0) continue;
      if (/\.(xml|rels|vml)$/.test(name)) assertWellFormed(name, new TextDecoder().decode(data));
    }
  });

  it('keeps merges, widths, frozen header, validation, conditional format, image, print setup', () => {
    const xml = text(first.parts, SHEET);
    expect(xml).toContain('<mergeCell ref="A1:F1"/>');
    expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<col min="3" max="3" width="22" customWidth="1"/>');
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1" sqref="D4:D9">/);
    expect(xml).toContain('<conditionalFormatting sqref="F4:F9">');
    expect(xml).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape"/>');
    expect(text(first.parts, 'xl/workbook.xml')).toContain('_xlnm.Print_Titles');
    // The autofilter grows over our two columns; the dimension too.
    expect(xml).toContain('<autoFilter ref="A3:H3"/>');
    expect(xml).toContain('<dimension ref="A1:H9"/>');
  });

  it('adds verdict and reasons columns headed like the header, readable by exceljs', async () => {
    const wb = await loadExcel(first.out);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.getCell('G3').value).toBe('预审结论');
    expect(ws.getCell('H3').value).toBe('预审意见');
    expect(ws.getCell('G3').font?.bold).toBe(true);
    expect(ws.getCell('G3').font?.name).toBe('黑体');
    expect(fillOf(ws.getCell('G3'))).toBe(fillOf(ws.getCell('F3')));
    const verdicts = [4, 5, 6, 7, 8, 9].map((r) => ws.getCell(`G${r}`).value);
    expect(verdicts).toEqual(['通过', '不通过', '不通过', '通过', '待复核', '通过']);
    expect(fillOf(ws.getCell('G4'))).toBe(FILL_RGB.pass);
    expect(fillOf(ws.getCell('G5'))).toBe(FILL_RGB.error);
    expect(fillOf(ws.getCell('G8'))).toBe(FILL_RGB.warn);
    // Errors first, then warnings, then info; rule ids and sources on every line.
    expect(String(ws.getCell('H5').value).split('\n')).toEqual([
      '[cpd-hours] 2022年继续教育70学时，少于90学时（差20学时）〔来源-cpd-hours〕',
      '[specialty] 专业待确认〔来源-specialty〕',
      '[id-number] 姓名与身份证不符〔来源-id-number〕',
    ]);
    expect(String(ws.getCell('H7').value)).toBe('[specialty] 人工智能按信息技术申报〔来源-specialty〕（已接受例外（李四，2024-03-02）：已电话核实）');
    expect(ws.getCell('H4').value).toBeNull();
    expect(ws.getCell('H5').alignment?.wrapText).toBe(true);
    // Borders come from the row's last column.
    expect(ws.getCell('G5').border?.left?.style).toBe('thin');
  });

  it('fills only the flagged cells, by severity, keeping their other formatting', async () => {
    const wb = await loadExcel(first.out);
    const ws = wb.getWorksheet('花名册')!;
    expect(fillOf(ws.getCell('F5'))).toBe(FILL_RGB.error);
    expect(fillOf(ws.getCell('D5'))).toBe(FILL_RGB.warn);
    expect(fillOf(ws.getCell('C6'))).toBe(FILL_RGB.error);
    expect(fillOf(ws.getCell('F8'))).toBe(FILL_RGB.warn);
    expect(ws.getCell('F5').border?.top?.style).toBe('thin');
    expect(ws.getCell('F5').value).toBe(70);
    // info (an accepted exception) gets a note but no fill; unflagged cells keep their style.
    expect(fillOf(ws.getCell('D7'))).toBeUndefined();
    for (const ref of ['A5', 'E5', 'F4', 'C5', 'D6', 'F6', 'B9']) expect(fillOf(ws.getCell(ref)), ref).toBeUndefined();
    const sheet = text(first.parts, SHEET);
    const orig = text(entries(input), SHEET);
    const styleOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml)?.[1];
    for (const ref of ['A5', 'E5', 'F4', 'F6', 'A1', 'B3']) expect(styleOf(sheet, ref), ref).toBe(styleOf(orig, ref));
  });

  it('writes notes with rule, reason and source, keeping and extending existing notes', async () => {
    const wb = await loadExcel(first.out);
    const ws = wb.getWorksheet('花名册')!;
    expect(noteText(ws.getCell('B3'))).toBe('填写身份证上的姓名');
    expect(noteText(ws.getCell('F5'))).toBe('【预审】\n错误 [cpd-hours]\n2022年继续教育70学时，少于90学时（差20学时）\n依据：来源-cpd-hours');
    // B5 already had a note: theirs first, ours below.
    expect(noteText(ws.getCell('B5'))).toBe('HR：请核对姓名\n【预审】\n警告 [id-number]\n姓名与身份证不符\n依据：来源-id-number');
    // A finding with no cell goes on the reasons cell.
    expect(noteText(ws.getCell('H6'))).toContain('[unit-type]');
    expect(noteText(ws.getCell('D7'))).toContain('已接受例外（李四，2024-03-02）：已电话核实');
    expect(noteText(ws.getCell('A5'))).toBe('');
    const vml = text(first.parts, 'xl/drawings/vmlDrawing1.vml');
    expect(vml.match(/ObjectType="Note"/g)?.length).toBe(8);
  });

  it('adds the summary and rules sheets', async () => {
    const wb = await loadExcel(first.out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '说明', '预审汇总', '预审规则']);
    const sum = wb.getWorksheet('预审汇总')!;
    const rows: unknown[][] = [];
    sum.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const find = (k: string) => rows.find((r) => r[0] === k);
    expect(find('通过')).toEqual(['通过', 3]);
    expect(find('待复核')).toEqual(['待复核', 1]);
    expect(find('不通过')).toEqual(['不通过', 2]);
    expect(find('规则集')?.[1]).toBe('zj-2023-zhenggao');
    expect(find('SHA-256')?.[1]).toBe('ab'.repeat(32));
    expect(find('核验基准日')?.[1]).toBe('2024-03-01');
    expect(find('工具版本')?.[1]).toBe('roster-screen 0.1.0');
    expect(find('cpd-hours')).toEqual(['cpd-hours', 'cpd-hours 的说明', 1, 1, 0]);
    // 未核验项: the reason in the wide column B, the missing columns after it.
    expect(find('publicity-days')?.[1]).toBe('花名册无公示日期列');
    expect(find('publicity-days')?.[2]).toBe('公示开始、公示结束');
    expect(find('信息技术')?.[1]).toBe(4);
    const rules = wb.getWorksheet('预审规则')!;
    expect(rules.getRow(1).values).toEqual([undefined, '规则', '最高级别', '核验内容', '依据', '可信度', '本表标记人数', '本次核验']);
    expect((rules.getRow(2).values as unknown[]).slice(1)).toEqual(['cpd-hours', '错误', 'cpd-hours 的说明', 'cpd-hours 依据', 'H', 2, '已核验']);
  });

  it('re-screening the output changes nothing when the findings are the same', async () => {
    const again = await screen(first.out, sampleApplicants());
    expect([...again.parts.keys()]).toEqual([...first.parts.keys()]);
    for (const [name, data] of first.parts) expect(again.parts.get(name), name).toEqual(data);
  });

  it('re-screening after the user fixed a cell replaces our marks and keeps their edits', async () => {
    // The user fixes F5 (70 → 95) and adds a note of their own to C6, then saves.
    const parts = unzipSync(first.out);
    const sheet = new TextDecoder().decode(parts[SHEET]);
    parts[SHEET] = strToU8(sheet.replace(/(<c r="F5" s="\d+"><v>)70(<\/v>)/, '$195$2'));
    const fixed = zipSync(parts);
    const apps = sampleApplicants();
    apps[1] = applicant(5, [finding('specialty', 'warn', 'D5', '专业待确认')]);
    const second = await screen(fixed, apps);
    const wb = await loadExcel(second.out);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.getCell('F5').value).toBe(95);
    expect(fillOf(ws.getCell('F5'))).toBeUndefined();
    expect(ws.getCell('F5').border?.top?.style).toBe('thin');
    expect(noteText(ws.getCell('F5'))).toBe('');
    expect(noteText(ws.getCell('B5'))).toBe('HR：请核对姓名');
    expect(fillOf(ws.getCell('B5'))).toBeUndefined();
    expect(ws.getCell('G5').value).toBe('待复核');
    expect(String(ws.getCell('H5').value)).toBe('[specialty] 专业待确认〔来源-specialty〕');
    // No second pair of columns, no second set of sheets.
    expect(ws.getCell('I3').value).toBeNull();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '说明', '预审汇总', '预审规则']);
    // F5 is back on the exact style it had before the first screening.
    const styleOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml)?.[1];
    expect(styleOf(text(second.parts, SHEET), 'F5')).toBe(styleOf(text(entries(input), SHEET), 'F5'));
    // styles.xml did not grow: the clones of the first run are reused.
    expect(text(second.parts, 'xl/styles.xml')).toBe(text(first.parts, 'xl/styles.xml'));
  });

  it('switches language on a re-screen without leaving the other language behind', async () => {
    const en = await screen(first.out, sampleApplicants(), { lang: 'en' });
    const wb = await loadExcel(en.out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '说明', 'Screening summary', 'Screening rules']);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.getCell('G3').value).toBe('Verdict');
    expect(ws.getCell('H3').value).toBe('Reasons');
    expect(ws.getCell('G5').value).toBe('fail');
    expect(ws.getCell('G8').value).toBe('review');
    expect(noteText(ws.getCell('F5'))).toBe('[Screening]\nerror [cpd-hours]\nEN 2022年继续教育70学时，少于90学时（差20学时）\nSource: source-cpd-hours');
    expect(noteText(ws.getCell('B5'))).toBe('HR：请核对姓名\n[Screening]\nwarning [id-number]\nEN 姓名与身份证不符\nSource: source-id-number');
    const back = await screen(en.out, sampleApplicants());
    for (const name of [SHEET, 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/styles.xml']) {
      expect(text(back.parts, name), name).toBe(text(first.parts, name));
    }
  });

  it.skipIf(!soffice)('opens in LibreOffice, which converts it to CSV with our columns [needs LibreOffice: skipped when soffice is missing]', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.xlsx');
    writeBytes(file, first.out);
    const csv = sofficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
    const lines = new TextDecoder().decode(readBytes(csv)).split('\n');
    expect(lines[2]).toBe('序号,姓名,身份证号,申报专业,工作单位,2022年继续教育学时,预审结论,预审意见');
    expect(lines[3]).toBe('1,人4,330106197102110004,机电制造,宁波乙公司,60,通过,');
    expect(lines[4]).toMatch(/^2,人5,330106197102110005,信息技术,杭州甲公司,70,不通过,"\[cpd-hours\]/);
  });
});

describe('writing', () => {
  it('leaves no file (and no temp file) behind when it fails', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.screened.xlsx');
    const input = rosterInput();
    const bad = zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') });
    await expect(writeAnnotatedCopy({ input, bytes: bad, applicants: [], run: runResult(input, []), outPath: out, lang: 'zh' })).rejects.toMatchObject({
      code: 'annotate-failed',
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('reports an unwritable output directory as a user error', async () => {
    const input = rosterInput();
    const bytes = await exceljsRoster();
    const out = path.join(tempDir(), 'missing-dir', 'x.xlsx');
    await expect(writeAnnotatedCopy({ input, bytes, applicants: [], run: runResult(input, []), outPath: out, lang: 'zh' })).rejects.toMatchObject({
      code: 'output-write',
    });
  });
});
