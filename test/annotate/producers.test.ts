import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILL_RGB } from '../../src/annotate/styles.js';
import type { RawRow } from '../../src/core/types.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import {
  applicant,
  assertWellFormed,
  entries,
  FIXTURES,
  fillOf,
  finding,
  hasOpenpyxl,
  hasSoffice,
  loadExcel,
  noteText,
  readBytes,
  readWithOpenpyxl,
  sampleApplicants,
  screen,
  sofficeConvert,
  tempDir,
  text,
  writeBytes,
} from './helpers.js';

// Workbooks made by other producers: openpyxl (committed, see make-openpyxl.py) and LibreOffice
// (the same file re-saved by soffice, committed), each with a chart, an image, data validation,
// conditional formatting, merged cells, an autofilter, notes and print setup.

const soffice = hasSoffice();
const openpyxl = hasOpenpyxl();

const PRODUCERS = [
  {
    name: 'openpyxl',
    file: 'openpyxl-roster.xlsx',
    sheet: 'xl/worksheets/sheet1.xml',
    comments: 'xl/comments/comment1.xml',
    vml: 'xl/drawings/commentsDrawing1.vml',
  },
  {
    name: 'LibreOffice',
    file: 'libreoffice-roster.xlsx',
    sheet: 'xl/worksheets/sheet1.xml',
    comments: 'xl/comments1.xml',
    vml: 'xl/drawings/vmlDrawing1.vml',
  },
];

describe.each(PRODUCERS)('a roster made by $name', (p) => {
  const input = readBytes(path.join(FIXTURES, p.file));

  it('keeps every untouched part byte-identical and the features in place', async () => {
    const { parts } = await screen(input, sampleApplicants());
    const before = entries(input);
    const mayChange = new Set([p.sheet, p.comments, p.vml, 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', '_rels/.rels', 'docProps/custom.xml']);
    for (const [name, data] of before) {
      if (!mayChange.has(name)) expect(parts.get(name), name).toEqual(data);
    }
    expect(parts.has('xl/charts/chart1.xml')).toBe(true);
    expect(parts.has('xl/media/image1.png')).toBe(true);
    const sheet = text(parts, p.sheet);
    expect(sheet).toMatch(/<mergeCell ref="A1:F1"\s*\/>/);
    expect(sheet).toMatch(/<dataValidation\b[^>]*sqref="D4:D9"/);
    expect(sheet).toContain('<conditionalFormatting sqref="F4:F9">');
    expect(sheet).toMatch(/<autoFilter ref="A3:H9"/);
    expect(sheet).toMatch(/<drawing\b[^>]*\sr:id="[^"]+"\s*\/>/);
    expect(sheet).toMatch(/<legacyDrawing\b[^>]*\sr:id="[^"]+"\s*\/>/);
    expect(sheet).toMatch(/orientation="landscape"/);
    for (const name of [p.sheet, p.comments, p.vml, 'xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml', 'docProps/custom.xml']) {
      assertWellFormed(name, text(parts, name));
    }
  });

  // exceljs cannot load openpyxl files with notes or images (xlsx-io.md), so there python's
  // openpyxl is the independent reader; LibreOffice-made files are read with exceljs.
  it.skipIf(p.name === 'openpyxl' && !openpyxl)('has the verdicts, fills and notes, read back by an independent reader [openpyxl-made: needs python3 + openpyxl]', async () => {
    const screened = await screen(input, sampleApplicants());
    let cell: (ref: string) => { v: unknown; fill: string | undefined; note: string };
    let names: string[];
    if (p.name === 'openpyxl') {
      const got = readWithOpenpyxl(screened.path, '花名册');
      names = got.sheets;
      cell = (ref) => ({ v: got.cells[ref]?.v ?? null, fill: got.cells[ref]?.fill ?? undefined, note: got.cells[ref]?.note ?? '' });
    } else {
      const wb = await loadExcel(screened.out);
      const ws = wb.getWorksheet('花名册')!;
      names = wb.worksheets.map((w) => w.name);
      cell = (ref) => ({ v: ws.getCell(ref).value, fill: fillOf(ws.getCell(ref)), note: noteText(ws.getCell(ref)) });
    }
    expect(cell('G3').v).toBe('预审结论');
    expect(cell('H3').v).toBe('预审意见');
    expect([4, 5, 6, 7, 8, 9].map((r) => cell(`G${r}`).v)).toEqual(['通过', '不通过', '不通过', '通过', '待复核', '通过']);
    expect(cell('G5').fill).toBe(FILL_RGB.error);
    expect(cell('F5').fill).toBe(FILL_RGB.error);
    expect(cell('D5').fill).toBe(FILL_RGB.warn);
    expect(cell('E5').fill).toBeUndefined();
    expect(cell('F5').v).toBe(70);
    expect(cell('B3').note).toBe('填写身份证上的姓名');
    expect(cell('B5').note).toMatch(/^请核对姓名\n【预审】\n警告 \[id-number\]/);
    expect(cell('F5').note).toContain('依据：来源-cpd-hours');
    expect(cell('A5').note).toBe('');
    expect(names).toEqual(['花名册', '说明', '预审汇总', '预审规则']);
  });

  it('reads back with the project reader: same rows, our two columns at the end of the header', async () => {
    const screened = await screen(input, sampleApplicants());
    const wb = await openRosterFile(screened.path);
    const rows: RawRow[] = [];
    await wb.readRows(0, (r) => {
      rows.push(r);
    });
    const textAt = (row: number, col: number) => {
      const c = rows.find((r) => r.row === row)?.cells[col];
      return c?.kind === 'string' ? c.text : c?.kind === 'number' ? c.value : undefined;
    };
    expect([6, 7].map((c) => textAt(3, c))).toEqual(['预审结论', '预审意见']);
    expect(textAt(5, 5)).toBe(70);
    expect(textAt(5, 6)).toBe('不通过');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('is idempotent: screening the output again gives the same package', async () => {
    const first = await screen(input, sampleApplicants());
    const again = await screen(first.out, sampleApplicants());
    expect([...again.parts.keys()]).toEqual([...first.parts.keys()]);
    for (const [name, data] of first.parts) expect(again.parts.get(name), name).toEqual(data);
  });

  it.skipIf(!soffice)('converts in LibreOffice [needs LibreOffice: skipped when soffice is missing]', async () => {
    const { out } = await screen(input, sampleApplicants());
    const dir = tempDir();
    const file = path.join(dir, 'out.xlsx');
    writeBytes(file, out);
    const csv = new TextDecoder().decode(readBytes(sofficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76', dir)));
    expect(csv.split('\n')[2]).toBe('序号,姓名,身份证号,申报专业,工作单位,2022年继续教育学时,预审结论,预审意见');
    expect(csv).toContain(',70,不通过,"[cpd-hours] 2022年继续教育70学时');
  });
});

describe.skipIf(!soffice)('after the user re-saves the screened file in LibreOffice [needs LibreOffice]', () => {
  it('a re-screen still replaces our columns, fills, notes and sheets instead of adding more', async () => {
    const dir = tempDir();
    const first = await screen(readBytes(path.join(FIXTURES, 'openpyxl-roster.xlsx')), sampleApplicants(), { dir, name: 'screened.xlsx' });
    const resavedDir = path.join(dir, 'lo');
    const resaved = readBytes(sofficeConvert(first.path, 'xlsx', resavedDir));
    // LibreOffice rewrote everything: shared strings, renumbered styles, its own notes part.
    expect(text(entries(resaved), 'xl/worksheets/sheet1.xml')).not.toContain('inlineStr');
    const apps = sampleApplicants();
    apps[1] = applicant(5, [finding('specialty', 'warn', 'D5', '专业待确认')]);
    const second = await screen(resaved, apps);
    const wb = await loadExcel(second.out);
    const ws = wb.getWorksheet('花名册')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '说明', '预审汇总', '预审规则']);
    expect(ws.getCell('G3').value).toBe('预审结论');
    expect(ws.getCell('I3').value).toBeNull();
    expect(ws.getCell('G5').value).toBe('待复核');
    expect(fillOf(ws.getCell('F5'))).toBeUndefined();
    expect(fillOf(ws.getCell('B5'))).toBeUndefined();
    expect(fillOf(ws.getCell('D5'))).toBe(FILL_RGB.warn);
    expect(ws.getCell('F5').border?.top?.style).toBe('thin');
    expect(noteText(ws.getCell('F5'))).toBe('');
    expect(noteText(ws.getCell('B5'))).toBe('请核对姓名');
    expect(noteText(ws.getCell('D5'))).toMatch(/^【预审】\n警告 \[specialty\]/);
    const comments = [...entries(second.out).keys()].filter((k) => /comments?\d*\.xml$/.test(k));
    expect(comments.length).toBe(1);
  });
});
