// A copy made anew from a CSV, .xls or .ods roster had no page set-up at all: portrait, 100 %, no
// repeated header, no footer (32 columns printed over 7 pages). Its roster sheet now prints like
// our lists: A4, landscape when the columns need it, one page wide, header rows on every page,
// 第x页 共y页 in the footer, the lists' margins. An .xlsx keeps the user's own set-up.
import { describe, expect, it } from 'vitest';
import { editHead, editTail } from '../../src/annotate/sheet-frame.js';
import { printSetupXml } from '../../src/format/page-footer.js';
import { applicant, exceljsRoster, finding, screen, text } from './helpers.js';

const HEAD = ['序号', '姓名', '身份证号', '申报专业', '工作单位', '2022年继续教育学时'];

/** A CSV roster of the first `n` usual columns and `extra` more (the sample rosters have 32). */
function csv(n: number, extra = 0): Uint8Array {
  const more = Array.from({ length: extra }, (_, i) => `备注${i + 1}`);
  const rows = [
    [...HEAD.slice(0, n), ...more].join(','),
    [...['1', '张三', '330106197102114319', '信息技术', '杭州某某科技', '72'].slice(0, n), ...more.map(() => '')].join(','),
  ];
  return new TextEncoder().encode(rows.join('\r\n'));
}

/** A web-page "Excel" (HTML table under an .xls name): read by SheetJS, so its copy is rebuilt too. */
function htmlXls(): Uint8Array {
  const tr = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  return new TextEncoder().encode(
    `<html><body><table>${tr(['2023年度花名册', '', '', '', '', ''])}${tr(HEAD)}${tr(['1', '张三', '330106197102114319', '信息技术', '杭州某某科技', '72'])}</table></body></html>`,
  );
}

const apps = (file: string) => [applicant(2, [finding('cpd-hours', 'error', 'F2', '学时不足')], { file })];

function sheet1(parts: Map<string, Uint8Array>): string {
  return text(parts, 'xl/worksheets/sheet1.xml');
}

describe('the roster sheet of a rebuilt copy prints like our lists', () => {
  it('a wide CSV: A4 landscape, fitted to one page wide, footer, the lists’ margins, header row repeated', async () => {
    const { parts } = await screen(csv(6, 26), apps('r.csv'), { input: { file: 'r.csv', kind: 'csv', sheet: 'r', headerTop: 1, headerRow: 1, width: 32 } });
    const xml = sheet1(parts);
    expect(xml).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<printOptions horizontalCentered="1"/>');
    expect(xml).toContain('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
    expect(xml).toContain('<headerFooter><oddFooter>&amp;C第&amp;P页 共&amp;N页</oddFooter></headerFooter>');
    // exceljs's own portrait, 100 % set-up is replaced, not kept beside ours.
    expect(xml.match(/<pageSetup /g)).toHaveLength(1);
    expect(xml.match(/<pageMargins /g)).toHaveLength(1);
    // Schema order: the set-up comes before <legacyDrawing> (the notes).
    expect(xml.indexOf('<headerFooter>')).toBeLessThan(xml.indexOf('<legacyDrawing'));
    expect(text(parts, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'r'!$1:$1</definedName>`);
  });

  it('a narrow CSV (with our two columns, under the lists’ 110 units) prints portrait; footer in English with --lang en', async () => {
    const { parts } = await screen(csv(3), apps('r.csv'), { input: { file: 'r.csv', kind: 'csv', sheet: 'r', headerTop: 1, headerRow: 1, width: 3 }, lang: 'en' });
    const xml = sheet1(parts);
    expect(xml).toContain('orientation="portrait" fitToWidth="1" fitToHeight="0"');
    expect(xml).toContain('<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>');
  });

  it('an .xls (web page) roster takes the same path: its header rows, below a title, repeat', async () => {
    const { parts } = await screen(htmlXls(), apps('r.xls'), { input: { file: 'r.xls', kind: 'legacy', sheet: 'Sheet1', headerTop: 2, headerRow: 2, width: 6 } });
    const xml = sheet1(parts);
    expect(xml).toContain('<pageSetup paperSize="9"');
    expect(xml).toContain('第&amp;P页 共&amp;N页');
    expect(text(parts, 'xl/workbook.xml')).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">'Sheet1'!\$2:\$2<\/definedName>/);
    // An .xlsx keeps its own print set-up: none is added.
    const own = await screen(await exceljsRoster(), apps('roster.xlsx'));
    const xlsx = sheet1(own.parts);
    expect(xlsx).toContain('<pageSetup paperSize="9" orientation="landscape"/>');
    expect(xlsx).not.toContain('<headerFooter>');
    expect(xlsx).not.toContain('fitToPage');
    expect(text(own.parts, 'xl/workbook.xml')).not.toContain("'花名册'!$");
  });

  it('a prefixed worksheet gets prefixed set-up elements, and fitToPage joins an existing <sheetPr>', () => {
    const head = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetPr><x:tabColor rgb="FFFF0000"/></x:sheetPr><x:sheetData>';
    const h = editHead(head, { start: 2, widths: [10, 60], keepWidths: false, lastRow: 3, fitToPage: true });
    expect(h.xml).toContain('<x:sheetPr><x:tabColor rgb="FFFF0000"/><x:pageSetUpPr fitToPage="1"/></x:sheetPr>');
    const tail = '</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><x:pageSetup orientation="portrait"/></x:worksheet>';
    const t = editTail(tail, { start: 2, headerTop: 1, headerRow: 1, oldCols: null, legacyDrawingRid: null, relPrefix: 'r:', printSetup: (prefix) => printSetupXml({ landscape: true, sideMargin: 0.4, lang: 'zh', prefix }) });
    expect(t.xml).toBe(
      '</x:sheetData><x:printOptions horizontalCentered="1"/><x:pageMargins left="0.4" right="0.4" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>' +
        '<x:pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><x:headerFooter><x:oddFooter>&amp;C第&amp;P页 共&amp;N页</x:oddFooter></x:headerFooter></x:worksheet>',
    );
  });
});
