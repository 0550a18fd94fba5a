// Renders 推荐名单 and 退回清单 as an office prints them (LibreOffice → PDF) and checks every page:
// A4, one page wide (each page carries the first and the last column's header and its page
// number), the sign-and-stamp block on the list's last page. The same for the template and the
// annotated copy's 预审汇总 / 预审规则, whose wrapped rows must be as high as their measured text
// (checked in the file, and in the PDF: no two printed lines overlap); every page of 预审汇总 and of
// the template's column table starts with a table header, and a CSV roster's rebuilt copy prints
// landscape, one page wide, its header row on every page. PNGs of the pages are kept
// in test/.output/print-render for a person to look at. Needs LibreOffice and poppler-utils.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { buildRecommendationList } from '../../src/regional/recommendation-list.js';
import { buildReturnList } from '../../src/regional/return-list.js';
import ExcelJS from 'exceljs';
import { rowHeightFor } from '../../src/format/text-height.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { buildTemplate } from '../../src/template/build-template.js';
import { sofficeConvert } from '../annotate/helpers.js';
import { BIN, ROOT } from '../helpers/run-cli.js';
import { fixtureRuleSet, makeRun } from './run-fixture.js';

const has = (tool: string) => spawnSync('which', [tool]).status === 0;
const ready = has('soffice') && has('pdfinfo') && has('pdftotext');
if (!ready) console.warn('print-render.slow.test: skipped — needs soffice (LibreOffice) and pdfinfo/pdftotext (poppler-utils)');

const PNG_DIR = path.join(__dirname, '..', '.output', 'print-render');
const A4 = [595.3, 841.9];
const A3 = [841.9, 1190.6];

/** The fixture run, with reasons long enough to wrap over several lines in their columns. */
function longRun() {
  const run = makeRun();
  const long: Finding = {
    ruleId: 'cpd-hours',
    outcome: 'short',
    severity: 'error',
    cell: 'P9',
    column: '2022年继续教育学时（专业科目）',
    value: '85学时（含线上48学时、线下37学时）',
    message: { zh: '2022年继续教育85学时，少于90学时（差5学时）；每年须不少于90学时，不能用其他年度的学时补足。'.repeat(3), en: 'short'.repeat(40) },
    source: { zh: '〔浙经信人事〔2023〕291号 二；人社部令第25号 第八条；浙经信人事〔2018〕99号〕', en: '' },
  };
  return { ...run, applicants: run.applicants.map((a) => (a.status === 'pass' ? a : { ...a, findings: [...a.findings, long, long] })) };
}

function pageSizes(pdf: string): number[][] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])].sort((x, y) => x - y));
}

const pageText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe.skipIf(!ready)('the lists printed (LibreOffice → PDF) [needs LibreOffice]', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-print-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function render(name: string, bytes: Buffer): Promise<{ pdf: string; pages: number }> {
    const xlsx = path.join(dir, `${name}.xlsx`);
    writeFileSync(xlsx, bytes);
    const pdf = sofficeConvert(xlsx, 'pdf', dir);
    const pages = pageSizes(pdf).length;
    if (has('pdftoppm')) {
      mkdirSync(PNG_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(PNG_DIR, name)]);
    }
    return { pdf, pages };
  }

  function expectPrintable(pdf: string, pages: number, first: string, last: RegExp): string[] {
    for (const [w, h] of pageSizes(pdf)) {
      expect(w).toBeCloseTo(A4[0]!, 0);
      expect(h).toBeCloseTo(A4[1]!, 0);
    }
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    texts.forEach((text, i) => {
      expect(text, `page ${i + 1}: footer`).toContain(`第${i + 1}页共${pages}页`);
    });
    // A table page that lost columns to a page on its right would lack its first or last header.
    for (const [i, text] of texts.entries()) if (text.includes(first)) expect(text, `page ${i + 1}: last column`).toMatch(last);
    return texts;
  }

  it('推荐名单: A4, one page wide, header on every page, page numbers, sign-and-stamp block', async () => {
    const { pdf, pages } = await render('推荐名单', await buildRecommendationList(longRun(), { lang: 'zh', mask: true, includeReview: true, ruleSet: fixtureRuleSet() }));
    const texts = expectPrintable(pdf, pages, '序号姓名身份证号', /备注|待复核事项/);
    expect(texts.filter((t) => t.includes('单位盖章')).length).toBe(2); // after 推荐名单 and 待复核人员
  }, 180_000);

  it('退回清单: A4, one page wide, each employer under the repeated header, sign-and-stamp block', async () => {
    const { pdf, pages } = await render('退回清单', await buildReturnList(longRun(), { lang: 'zh', mask: true }));
    const texts = expectPrintable(pdf, pages, '序号姓名身份证号', /问题级别/);
    // Every page of the return sheet repeats the header (the employers start new pages).
    const sheetPages = texts.slice(0, texts.findIndex((t) => t.includes('单位盖章')) + 1);
    expect(sheetPages.length).toBeGreaterThan(1);
    for (const t of sheetPages) expect(t).toContain('序号姓名身份证号');
  }, 180_000);
});

/** Printed text lines of a page (pdftotext -bbox-layout): their boxes, in points. */
function lineBoxes(pdf: string, page: number): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  }));
}

/** Lines printed over each other (text of a too-low row running into the next). */
function overlapping(pdf: string, page: number): string[] {
  const lines = lineBoxes(pdf, page);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > 2 && dy > 2) out.push(`${a.text} / ${b.text}`);
    }
  return out;
}

/** Rows whose wrapped cells need more height than the row has (measured as text-height.ts does). */
function tooLowRows(ws: ExcelJS.Worksheet, fontSize: number, only?: number): string[] {
  const out: string[] = [];
  ws.eachRow((row, r) => {
    const cells: { text: string; width: number }[] = [];
    row.eachCell((cell, c) => {
      if (only !== undefined && c !== only) return;
      if (cell.alignment?.wrapText && typeof cell.value === 'string') cells.push({ text: cell.value, width: ws.getColumn(c).width ?? 9 });
    });
    if (cells.length === 0) return;
    const need = rowHeightFor(cells, fontSize, 15);
    if ((row.height ?? 15) < need) out.push(`${ws.name}!${r}: ${row.height ?? 15} < ${need}`);
  });
  return out;
}

describe.skipIf(!ready)('the template and the annotated copy printed (LibreOffice → PDF) [needs LibreOffice]', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-print2-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function toPdf(xlsx: string, name: string): { pdf: string; sizes: number[][]; texts: string[] } {
    const pdf = sofficeConvert(xlsx, 'pdf', dir);
    const sizes = pageSizes(pdf);
    if (has('pdftoppm')) {
      mkdirSync(PNG_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '6', pdf, path.join(PNG_DIR, name)]);
    }
    return { pdf, sizes, texts: sizes.map((_, i) => pageText(pdf, i + 1)) };
  }

  it('the template: A3 landscape, the whole header on one page width, printed legibly', async () => {
    const { ruleSet } = loadBundledRuleSet();
    const built = await buildTemplate(ruleSet, { lang: 'zh', created: new Date('2024-01-01T00:00:00Z') });
    const xlsx = path.join(dir, '花名册模板.xlsx');
    writeFileSync(xlsx, built.buffer);
    const { pdf, sizes, texts } = toPdf(xlsx, '花名册模板');
    // The header: its first and last column labels on the same (first) page, nothing cut to a second.
    const labels = built.columns.map((c) => c.def.label.zh);
    // The roster's pages are A3 landscape and each shows the whole header (it repeats on every page
    // of the 2 000 prepared rows); the 填写说明 sheet follows on A4.
    const isA3 = (size: number[]) => Math.abs(size[0]! - A3[0]!) < 1 && Math.abs(size[1]! - A3[1]!) < 1;
    const rosterPages = sizes.flatMap((size, i) => (isA3(size) ? [i] : []));
    expect(rosterPages[0]).toBe(0);
    for (const i of rosterPages) {
      expect(texts[i], `page ${i + 1}`).toContain(labels[1]!);
      expect(texts[i], `page ${i + 1}`).toContain(labels[labels.length - 1]!.slice(0, 2));
    }
    for (const [i, size] of sizes.entries()) if (!isA3(size)) expect(size[0], `page ${i + 1}: A4`).toBeCloseTo(A4[0]!, 0);
    // Legible: fitted to an A4 width the labels printed about 3 pt high; now at least 6 pt.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    const word = new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${labels[1]}<`).exec(bbox);
    expect(word, `${labels[1]} on page 1`).not.toBeNull();
    expect(Number(word![2]) - Number(word![1])).toBeGreaterThanOrEqual(6);

    // 填写说明 (the A4 pages): nothing printed over the next row, and the column table (on pages of
    // its own) has its 列名/含义… header on every page it runs over.
    const a4 = sizes.flatMap((size, i) => (isA3(size) ? [] : [i]));
    expect(a4.length).toBeGreaterThan(1);
    for (const i of a4) expect(overlapping(pdf, i + 1), `page ${i + 1}: lines printed over each other`).toEqual([]);
    const tablePages = a4.filter((i) => texts.slice(a4[0], i + 1).some((t) => t.includes('三、各列说明')));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const i of tablePages) expect(texts[i], `page ${i + 1}: the column table's header`).toContain('列名含义填写格式/可选值示例类别核验规则');
  }, 180_000);

  it('the annotated copy: 预审汇总 and 预审规则 on A4, one page wide, numbered, header repeated; rows fit their text', async () => {
    const roster = path.join(dir, '花名册.xlsx');
    copyFileSync(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), roster);
    const r = spawnSync(process.execPath, [BIN, roster, '--as-of', '2024-03-25'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(1);
    const screened = path.join(dir, '花名册.screened.xlsx');

    // In the file: every wrapped row of our sheets, and every 预审意见 cell, has the height its text needs.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(screened) as unknown as ExcelJS.Buffer);
    const rosterWs = wb.worksheets[0]!;
    const reasonsCol = (rosterWs.getRow(1).values as unknown[]).indexOf('预审意见');
    expect(reasonsCol).toBeGreaterThan(0);
    expect(tooLowRows(rosterWs, 11, reasonsCol)).toEqual([]);
    for (const name of ['预审汇总', '预审规则']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(tooLowRows(ws, 11)).toEqual([]);
    }

    // Printed: the pages of our two sheets (the user's roster sheet prints as the user set it up).
    const { pdf, sizes, texts } = toPdf(screened, '批注副本');
    const ours = texts.map((t, i) => ({ t, i })).filter(({ t }) => t.includes('预审汇总') || (t.includes('可信度') && t.includes('核验内容')));
    expect(ours.length).toBeGreaterThan(1);
    for (const { t, i } of ours) {
      const [w, h] = sizes[i]!;
      expect(w, `page ${i + 1}`).toBeCloseTo(A4[0]!, 0);
      expect(h, `page ${i + 1}`).toBeCloseTo(A4[1]!, 0);
      expect(t, `page ${i + 1}: footer`).toMatch(/第\d+页共\d+页/);
      expect(overlapping(pdf, i + 1), `page ${i + 1}: lines printed over each other`).toEqual([]);
    }
    // 预审规则: one page wide (the last column on every page) and its header on every page.
    const rulePages = ours.filter(({ t }) => t.includes('可信度'));
    expect(rulePages.length).toBeGreaterThan(0);
    for (const { t, i } of rulePages) expect(t, `page ${i + 1}`).toContain('本次核验');
    // 预审汇总: every page, under its repeated title, starts with a table's header (a continued one
    // marked 续): no counts under no heading, no heading alone at a page's foot.
    const title = String(wb.getWorksheet('预审汇总')!.getCell('A1').value).replace(/\s+/g, '');
    const summaryPages = ours.filter(({ t }) => t.includes('预审汇总'));
    expect(summaryPages.length).toBeGreaterThan(1);
    for (const { t, i } of summaryPages.slice(1)) {
      const top = t.slice(t.indexOf(title) + title.length);
      expect(top, `page ${i + 1}`).toMatch(/^(结论人数|申报专业合计|工作单位合计|各规则标记人数(（续）)?核验内容不通过人数待复核人数提示人数|未核验项说明缺少的列)/);
    }
    for (const { t, i } of summaryPages) expect(t.endsWith('各规则标记人数核验内容不通过人数待复核人数提示人数') || /提示人数第\d+页/.test(t), `page ${i + 1}: a heading alone at its foot`).toBe(false);
  }, 240_000);

  it('a CSV roster’s rebuilt copy: A4 landscape, one page wide, its header row and page numbers on every page', () => {
    // The sample CSV (GB18030) with its five applicants repeated, so the roster runs over pages.
    const lines = readFileSync(path.join(ROOT, 'samples/regional/温州某某研究院-花名册.csv')).toString('latin1').split('\r\n').filter(Boolean);
    const csv = path.join(dir, '温州.csv');
    writeFileSync(csv, Buffer.from([lines[0], ...Array.from({ length: 12 }, () => lines.slice(1)).flat()].join('\r\n'), 'latin1'));
    const r = spawnSync(process.execPath, [BIN, csv, '--as-of', '2024-03-25'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(1);
    const { pdf, texts } = toPdf(path.join(dir, '温州.screened.xlsx'), 'CSV副本');
    const raw = [...execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const rosterPages = texts.flatMap((t, i) => (t.includes('预审汇总') || t.includes('可信度') ? [] : [i]));
    // 32 columns and ours printed over 7 portrait pages before; now one page wide, so every page
    // carries the first and the last column, under the repeated header.
    expect(rosterPages.length).toBeGreaterThan(1);
    for (const i of rosterPages) {
      const [w, h] = raw[i]!;
      expect([w, h], `page ${i + 1}: A4 landscape`).toEqual([expect.closeTo(A4[1]!, 0), expect.closeTo(A4[0]!, 0)]);
      expect(texts[i], `page ${i + 1}: header`).toMatch(/^序号姓名性别身份证号/);
      expect(texts[i], `page ${i + 1}: last column`).toContain('预审意见');
      expect(texts[i], `page ${i + 1}: footer`).toContain(`第${i + 1}页共${texts.length}页`);
    }
  }, 240_000);
});
