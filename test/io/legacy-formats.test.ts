// Formats read by SheetJS (@e965/xlsx): the HTML tables and SpreadsheetML 2003 XML that web platforms
// save as ".xls", OpenDocument .ods and .xlsb — each built in code here; .xls written by LibreOffice
// and gnumeric is in legacy-xls.slow.test.ts.
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { isUserError, type UserError } from '../../src/core/user-error.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { readLegacy } from '../../src/io/legacy-reader.js';
import { plain, readAll, writeTemp } from './helpers.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An HTML table as web platforms export it ("Excel" download), with a merged title row. */
function htmlTable(rows: string[][], title = '2023年度申报人员花名册'): string {
  const width = Math.max(...rows.map((r) => r.length));
  return (
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table border="1">' +
    `<tr><td colspan="${width}">${esc(title)}</td></tr>` +
    rows.map((r) => `<tr>${r.map((c) => `<td style="mso-number-format:'\\@'">${esc(c)}</td>`).join('')}</tr>`).join('') +
    '</table></body></html>'
  );
}

function spreadsheetMl(sheets: { name: string; rows: (string | number)[][]; hidden?: boolean }[]): string {
  const cell = (v: string | number) => `<Cell><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${esc(String(v))}</Data></Cell>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    sheets
      .map(
        (s) =>
          `<Worksheet ss:Name="${esc(s.name)}"><Table>${s.rows.map((r) => `<Row>${r.map(cell).join('')}</Row>`).join('')}</Table>` +
          (s.hidden ? '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>' : '') +
          '</Worksheet>',
      )
      .join('') +
    '</Workbook>'
  );
}

async function refusal(file: string): Promise<UserError> {
  try {
    await openRosterFile(file);
  } catch (err) {
    if (isUserError(err)) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('HTML table saved as .xls', () => {
  it('reads the cells as text (IDs keep every digit), the merged title and the rows', async () => {
    const file = writeTemp('web.xls', htmlTable([
      ['序号', '姓名', '身份证号', '继续教育学时'],
      ['1', '张三', '330106197102114319', '96'],
    ]));
    const wb = await openRosterFile(file);
    expect(wb.kind).toBe('legacy');
    expect(wb.sheets).toHaveLength(1);
    const { rows, merges } = await readAll(wb);
    expect(rows.map(plain)).toEqual([
      ['2023年度申报人员花名册'],
      ['序号', '姓名', '身份证号', '继续教育学时'],
      ['1', '张三', '330106197102114319', '96'],
    ]);
    expect(merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
  });

  it('GB18030-encoded HTML (as Chinese platforms save it) is decoded', async () => {
    // Node has no GBK encoder: the few characters used, by their GBK bytes.
    const GBK: Record<string, number[]> = { 李: [0xc0, 0xee], 四: [0xcb, 0xc4], 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb] };
    const html = '<html><head><meta charset="gb2312"></head><body><table><tr><td>姓名</td><td>ID</td></tr><tr><td>李四</td><td>33010619720416002X</td></tr></table></body></html>';
    const bytes = Buffer.from([...html].flatMap((ch) => GBK[ch] ?? [ch.charCodeAt(0)]));
    const wb = await openRosterFile(writeTemp('web-gbk.xls', bytes));
    expect((await readAll(wb)).rows.map(plain)).toEqual([
      ['姓名', 'ID'],
      ['李四', '33010619720416002X'],
    ]);
  });
});

describe('SpreadsheetML 2003 saved as .xls', () => {
  it('reads every sheet with its visibility, strings and numbers', async () => {
    const file = writeTemp('xml.xls', spreadsheetMl([
      { name: '花名册', rows: [['姓名', '身份证号', '学时'], ['张三', '330106197102114319', 96]] },
      { name: '旧表', rows: [['x']], hidden: true },
    ]));
    const wb = await openRosterFile(file);
    expect(wb.kind).toBe('legacy');
    expect(wb.sheets).toEqual([
      { name: '花名册', hidden: false },
      { name: '旧表', hidden: true },
    ]);
    expect((await readAll(wb)).rows.map(plain)).toEqual([
      ['姓名', '身份证号', '学时'],
      ['张三', '330106197102114319', 96],
    ]);
  });
});

/** A workbook written by SheetJS in another format, from rows (dates as Excel serials with a date format). */
function sheetJsBook(bookType: 'ods' | 'xlsb' | 'biff8'): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    ['姓名', '身份证号', '取得时间', '学时'],
    ['张三', '330106197102114319', 42368, 96],
  ]);
  ws.C2!.z = 'yyyy-mm-dd';
  ws['!merges'] = [{ s: { r: 1, c: 3 }, e: { r: 2, c: 3 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  return XLSX.write(wb, { bookType, type: 'buffer' }) as Buffer;
}

describe('OpenDocument .ods and Excel .xlsb', () => {
  it.each([
    ['roster.ods', 'ods'],
    ['roster.xlsb', 'xlsb'],
    ['roster.xls', 'biff8'],
  ] as const)('%s: strings, numbers, dates and merges', async (name, bookType) => {
    const wb = await openRosterFile(writeTemp(name, sheetJsBook(bookType)));
    expect(wb.kind).toBe('legacy');
    const { rows, merges } = await readAll(wb);
    expect(rows.map(plain)).toEqual([
      ['姓名', '身份证号', '取得时间', '学时'],
      ['张三', '330106197102114319', 'D:2015-12-30', 96],
    ]);
    expect(merges).toEqual([{ top: 2, left: 4, bottom: 3, right: 4 }]);
  });
});

describe('the reading library keeps quiet', () => {
  it('what SheetJS would print on the console about a file (an ODS number format it skips) is not printed', async () => {
    // A conditional number format as LibreOffice writes them: SheetJS says it "may be incorrect".
    const files = unzipSync(sheetJsBook('ods'));
    const content = strFromU8(files['content.xml']!);
    expect(content).toContain('<office:automatic-styles>');
    files['content.xml'] = strToU8(
      content.replace('<office:automatic-styles>', '<office:automatic-styles><number:number-style style:name="N1"><number:number/><style:map style:condition="value()&gt;0" style:apply-style-name="N0"/></number:number-style>'),
    );
    const error = vi.spyOn(console, 'error');
    try {
      const wb = await openRosterFile(writeTemp('chatty.ods', Buffer.from(zipSync(files))));
      expect((await readAll(wb)).rows.map(plain)[1]!.slice(0, 2)).toEqual(['张三', '330106197102114319']);
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
    // The console is the process's again.
    expect(console.error).not.toBe(error);
  });
});

/** An OLE2 signature and nothing readable behind it. */
function blankOle2(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  return b;
}

describe('failures are our messages', () => {
  it('a damaged .xls says so and how to save as .xlsx', async () => {
    const err = await refusal(writeTemp('broken.xls', blankOle2()));
    expect(err.code).toBe('file-legacy-failed');
    expect(err.text.zh).toContain('另存为');
    expect(err.text.zh).toContain('broken.xls');
  });

  it('a WPS .et the reader cannot read says how to save it as .xlsx in WPS', async () => {
    const err = await refusal(writeTemp('单位.et', blankOle2()));
    expect(err.code).toBe('file-et');
    expect(err.text.zh).toContain('WPS');
    expect(err.text.zh).toContain('*.xlsx');
  });

  it('limits: file size, rows and cells are refused before they exhaust memory', async () => {
    const bytes = new Uint8Array(sheetJsBook('biff8'));
    expect(() => readLegacy('big.xls', bytes, 'xls', { maxFileBytes: 100, maxRows: 10, maxCells: 100 })).toThrow(expect.objectContaining({ code: 'file-too-large' }));
    expect(() => readLegacy('rows.xls', bytes, 'xls', { maxFileBytes: 1e9, maxRows: 1, maxCells: 100 })).toThrow(expect.objectContaining({ code: 'file-too-large' }));
    expect(() => readLegacy('cells.xls', bytes, 'xls', { maxFileBytes: 1e9, maxRows: 10, maxCells: 5 })).toThrow(expect.objectContaining({ code: 'file-too-large' }));
  });

  it('formulas are not evaluated: the cached value is read, a formula without one is empty', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['a', 'b']]);
    ws.A2 = { t: 'n', v: 7, f: 'SUM(1,2)' };
    ws.B2 = { t: 'n', f: 'SUM(1,2)' } as XLSX.CellObject;
    ws['!ref'] = 'A1:B2';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const book = readLegacy('f.xls', new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer), 'xls');
    expect(book.sheets[0]!.rows.map(plain)).toEqual([['a', 'b'], [7]]);
  });
});
