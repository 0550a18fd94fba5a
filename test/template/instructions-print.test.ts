// The template's 填写说明 sheet printed with 15 pt a line (a second line ran over the next row: 学历,
// 年度考核, 个人申报日期, 公示开始/结束, 单位推荐日期), with Excel's default margins and no print titles
// (the column table continued onto the next page without its 列名/含义… header). Its rows are now as
// high as their measured text, and it prints like our lists: A4 landscape, one page wide, centred,
// the lists' margins, 第x页 共y页, the column table on a page of its own with its header repeated.
import { describe, expect, it } from 'vitest';
import { heightForLines, lineCount } from '../../src/format/text-height.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { buildTemplate } from '../../src/template/build-template.js';
import { columnNumber, readXlsx, type XlsxParts } from './xlsx-parts.js';

const WIDTHS = [22, 50, 40, 22, 10, 28];
const FULL = WIDTHS.reduce((a, b) => a + b, 0);

async function instructions(lang: 'zh' | 'en'): Promise<{ parts: XlsxParts; xml: string; wb: string }> {
  const built = await buildTemplate(loadBundledRuleSet().ruleSet, { lang, created: new Date(Date.UTC(2024, 0, 1)) });
  const parts = readXlsx(built.buffer);
  const xml = parts.text(parts.sheets.find((s) => s.name === '填写说明')!.path);
  return { parts, xml, wb: parts.text('xl/workbook.xml') };
}

/** Row heights (pt) by row number. */
function heights(xml: string): Map<number, number> {
  return new Map([...xml.matchAll(/<row r="(\d+)"[^>]*\sht="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]));
}

describe('the template’s 填写说明 sheet', () => {
  it.each(['zh', 'en'] as const)('every row is as high as its measured text needs (%s)', async (lang) => {
    const { parts, xml } = await instructions(lang);
    const ht = heights(xml);
    const merged = new Set([...xml.matchAll(/<mergeCell ref="A(\d+):F\1"\/>/g)].map((m) => Number(m[1])));
    const byRow = new Map<number, [number, string][]>();
    for (const [ref, text] of parts.cells('填写说明')) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const row = Number(m[2]);
      byRow.set(row, [...(byRow.get(row) ?? []), [columnNumber(m[1]!), text]]);
    }
    let wrapped = 0;
    for (const [row, cells] of byRow) {
      const lines = Math.max(...cells.map(([col, text]) => lineCount(text, merged.has(row) ? FULL : WIDTHS[col - 1]!)));
      if (lines > 1) wrapped++;
      // The title is 14 pt; the rest 11 pt (exceljs's default font).
      const need = heightForLines(lines, row === 1 ? 14 : 11);
      expect(ht.get(row), `row ${row}: ${cells[0]![1].slice(0, 20)}`).toBeGreaterThanOrEqual(need);
    }
    expect(wrapped).toBeGreaterThan(5);
    // 学历's accepted values wrap to two lines: 15 pt a line was too little.
    const xueli = [...byRow].find(([, cells]) => cells.some(([col, t]) => col === 1 && t.startsWith('学历')))![0];
    expect(ht.get(xueli)).toBeGreaterThan(30);
  });

  it('prints like our lists: A4 landscape, one page wide, centred, the lists’ margins, 第x页 共y页', async () => {
    const { xml } = await instructions('zh');
    expect(xml).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<printOptions [^>]*horizontalCentered="1"/);
    expect(xml).toMatch(/<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.7" header="0.3" footer="0.3"\/>/);
    const setup = /<pageSetup [^>]*\/>/.exec(xml)![0];
    for (const a of ['paperSize="9"', 'orientation="landscape"', 'fitToWidth="1"', 'fitToHeight="0"']) expect(setup).toContain(a);
    expect(xml).toContain('<oddFooter>&amp;C第&amp;P页 共&amp;N页</oddFooter>');
  });

  it('puts the column table on a page of its own, its header row repeated on every page', async () => {
    const { parts, xml, wb } = await instructions('zh');
    const cells = parts.cells('填写说明');
    const headerRow = Number([...cells].find(([ref, t]) => ref.startsWith('A') && t === '列名')![0].slice(1));
    const heading = Number([...cells].find(([, t]) => t === '三、各列说明')![0].slice(1));
    const sheetIndex = parts.sheets.findIndex((s) => s.name === '填写说明');
    expect(wb).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">(&apos;|')填写说明(&apos;|')!\\$${headerRow}:\\$${headerRow}</definedName>`));
    expect(xml).toMatch(new RegExp(`<rowBreaks [^>]*><brk id="${heading - 1}"[^>]* man="1"/></rowBreaks>`));
  });
});
