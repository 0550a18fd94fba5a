import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { hasOpenpyxl, readWithOpenpyxl } from '../annotate/helpers.js';
import { heightForLines } from '../../src/format/text-height.js';
import { TableSheet, xlsxBytes, type Column, type ListWorkbook } from '../../src/regional/sheet-kit.js';
import { openWorkbook } from './xlsx-read.js';

const COLUMNS: Column[] = [
  { header: 'No.', width: 5, align: 'center' },
  { header: 'Name', width: 9 },
  { header: 'Note', width: 20 },
];

function sheetWithRows(n: number, wb: ListWorkbook): TableSheet {
  const sheet = new TableSheet(wb, 'S', COLUMNS, 'zh');
  sheet.title('T');
  sheet.info('left', 'right');
  sheet.header();
  sheet.band('band');
  for (let i = 1; i <= n; i++) sheet.row([i, `name ${i}`, i % 2 ? 'note' : null]);
  return sheet;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sheet-kit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('TableSheet', () => {
  it.skipIf(!hasOpenpyxl())('writes a package another writer\'s reader opens: openpyxl sees the sheets, values and fills', async () => {
    const bytes = await xlsxBytes(async (out) => {
      const first = sheetWithRows(2, out);
      await first.finish();
      const second = new TableSheet(out, '第二页', COLUMNS, 'zh');
      second.title('二');
      second.info('甲');
      second.header();
      second.row([1, '张三 & 李四', 'x']);
      await second.finish();
    });
    const file = path.join(tmp, 'openpyxl.xlsx');
    writeFileSync(file, bytes);
    const { sheets, cells } = readWithOpenpyxl(file, '第二页');
    expect(sheets).toEqual(['S', '第二页']);
    expect([cells.A1?.v, cells.A3?.v, cells.A4?.v, cells.B4?.v]).toEqual(['二', 'No.', 1, '张三 & 李四']);
    expect(cells.A3?.fill).toBe('FFE7E6E6');
  });

  it('splits the info line by width: wide columns first leave the right-hand text half the page', async () => {
    const wide: Column[] = [{ header: 'Unit', width: 30 }, { header: 'File', width: 30 }, ...[1, 2, 3, 4].map((n) => ({ header: `N${n}`, width: 5 }))];
    const bytes = await xlsxBytes(async (out) => {
      const sheet = new TableSheet(out, 'W', wide, 'zh');
      sheet.title('T');
      sheet.info('left', 'right');
      sheet.header();
      await sheet.finish();
    });
    const ws = (await openWorkbook(bytes)).getWorksheet('W')!;
    expect([...ws.model.merges].sort()).toEqual(['A1:F1', 'A2:B2', 'C2:F2']);
  });

  it('writes any text as typed: markup characters, "_xHHHH_", control characters, numbers, text over Excel\'s limit', async () => {
    const texts = ['a & b < c > d "e" \'f\'', '_x000D_ stays as typed', 'tab\there\u0001', '第1行\n第2行', 'x'.repeat(40_000), '  indented', 'trailing  ', 'a  b'];
    const bytes = await xlsxBytes(async (out) => {
      const sheet = sheetWithRows(0, out);
      for (const [i, text] of texts.entries()) sheet.row([i + 1, text, 90.5]);
      await sheet.finish();
    });
    const ws = (await openWorkbook(bytes)).getWorksheet('S')!;
    // As stored (exceljs does not decode ST_Xstring escapes; Excel shows "_x005F_x000D_" as "_x000D_",
    // and "_x0001_" as the control character typed).
    expect([5, 6, 7, 8].map((r) => ws.getCell(r, 2).value)).toEqual([texts[0], '_x005F_x000D_ stays as typed', 'tab\there_x0001_', texts[3]]);
    const long = String(ws.getCell(9, 2).value);
    expect(long.length).toBe(32_767);
    expect(long.endsWith('（已截断）')).toBe(true);
    expect([ws.getCell(5, 1).value, ws.getCell(5, 3).value]).toEqual([1, 90.5]);
    expect([10, 11, 12].map((r) => ws.getCell(r, 2).value)).toEqual(texts.slice(5));
    // Spaces that a reader would otherwise drop are kept by xml:space; plain text goes without it.
    const xml = Buffer.from(unzipSync(bytes)['xl/worksheets/sheet1.xml']!).toString('utf8');
    expect(xml).toContain('<t xml:space="preserve">  indented</t>');
    expect(xml).toContain('<t>_x005F_x000D_ stays as typed</t>');
  });

  it('registers its few cell formats once, however many rows (no format per cell)', async () => {
    const formats = async (n: number) => {
      const bytes = await xlsxBytes(async (out) => {
        const sheet = sheetWithRows(n, out);
        sheet.note('end');
        sheet.signBlock();
        await sheet.finish();
      });
      return /<cellXfs count="(\d+)"/.exec(Buffer.from(unzipSync(bytes)['xl/styles.xml']!).toString('utf8'))![1];
    };
    expect(await formats(300)).toBe(await formats(1));
  });

  it('writes data cells with their font, alignment and border, and every merge', async () => {
    const bytes = await xlsxBytes(async (out) => {
      const sheet = sheetWithRows(6, out);
      sheet.mergeDown(1, 5, 7);
      sheet.mergeDown(2, 5, 7);
      sheet.mergeDown(1, 9, 10);
      sheet.note('end');
      await sheet.finish();
    });
    const wb = await openWorkbook(bytes);
    const ws = wb.getWorksheet('S')!;
    expect([...ws.model.merges].sort()).toEqual(['A1:C1', 'A2:B2', 'A4:C4', 'A5:A7', 'B5:B7', 'A9:A10', 'A11:C11'].sort());
    expect(ws.getCell('A6').master.address).toBe('A5');
    const border = { style: 'thin' };
    for (const [addr, horizontal] of [['A8', 'center'], ['B8', 'left'], ['C8', 'left'], ['C9', 'left']] as const) {
      const cell = ws.getCell(addr);
      expect(cell.font).toMatchObject({ name: '宋体', size: 10 });
      expect(cell.font.bold).toBeFalsy();
      expect(cell.alignment).toEqual({ horizontal, vertical: 'middle', wrapText: true });
      expect(cell.border).toMatchObject({ top: border, left: border, bottom: border, right: border });
    }
    expect([ws.getCell('A8').value, ws.getCell('B8').value, ws.getCell('C8').value, ws.getCell('C9').value]).toEqual([4, 'name 4', null, 'note']);
  });

  it('still refuses an overlapping merge, and takes one made out of order', async () => {
    const bytes = await xlsxBytes(async (out) => {
      const sheet = sheetWithRows(6, out);
      sheet.mergeDown(1, 5, 7);
      expect(() => sheet.mergeDown(1, 6, 8)).toThrow(/already merged/);
      sheet.mergeDown(2, 9, 10);
      sheet.mergeDown(2, 5, 6);
      await sheet.finish();
    });
    const ws = (await openWorkbook(bytes)).getWorksheet('S')!;
    expect(ws.getCell('B6').master.address).toBe('B5');
    expect(ws.getCell('B10').master.address).toBe('B9');
    expect(ws.getCell('A8').master.address).toBe('A8');
  });

  it('sets each data row\'s height to fit its wrapped text, a merged cell over the rows it spans', async () => {
    const long = '问题'.repeat(30); // 120 units in a 20-wide column (19 usable): 7 lines
    const bytes = await xlsxBytes(async (out) => {
      const sheet = sheetWithRows(0, out);
      sheet.row([1, 'a', long]);
      sheet.row([2, 'b', 'x\ny\nz']);
      sheet.row([3, '名字'.repeat(10), null]); // 40 units merged over two rows in a 9-wide column: 5 lines
      sheet.row([null, null, 'x']);
      sheet.mergeDown(2, 7, 8);
      await sheet.flush();
      await sheet.finish();
    });
    const ws = (await openWorkbook(bytes)).getWorksheet('S')!;
    expect(ws.getRow(5).height).toBe(heightForLines(7, 10));
    expect(ws.getRow(6).height).toBe(heightForLines(3, 10));
    expect(ws.getRow(7).height + ws.getRow(8).height).toBeGreaterThanOrEqual(heightForLines(5, 10));
    expect(ws.getRow(7).height).toBe(18);
  });

  it('ends with the sign-and-stamp block and prints A4 with page numbers, portrait when the columns fit', async () => {
    const bytes = await xlsxBytes(async (out) => {
      const sheet = sheetWithRows(1, out);
      sheet.signBlock();
      await sheet.finish();
    });
    const ws = (await openWorkbook(bytes)).getWorksheet('S')!;
    expect([ws.getCell('A7').value, ws.getCell('A8').value]).toEqual([
      '填表人：　　　　　　　　审核人：　　　　　　　　联系电话：',
      '日期：　　　　年　　月　　日　　　　　　　　单位盖章：',
    ]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.headerFooter.oddFooter).toBe('&C第&P页 共&N页');
  });

  it('refuses a header anywhere but under the title and info line (print titles are set up for row 3)', async () => {
    await xlsxBytes(async (out) => {
      const sheet = new TableSheet(out, 'S', COLUMNS, 'zh');
      sheet.title('T');
      expect(() => sheet.header()).toThrow(/row 3/);
      await sheet.finish();
    });
  });

  it('refuses a second sheet before the first has ended, and a workbook whose sheet has not', async () => {
    await expect(
      xlsxBytes(async (out) => {
        new TableSheet(out, 'A', COLUMNS, 'zh');
        expect(() => new TableSheet(out, 'B', COLUMNS, 'zh')).toThrow(/has not ended/);
      }),
    ).rejects.toThrow(/has not ended/);
  });

  it('refuses a sheet name Excel would repair: too long, a reserved character, or the same name twice', async () => {
    await xlsxBytes(async (out) => {
      expect(() => new TableSheet(out, 'x'.repeat(32), COLUMNS, 'zh')).toThrow(/not a valid sheet name/);
      expect(() => new TableSheet(out, 'a/b', COLUMNS, 'zh')).toThrow(/not a valid sheet name/);
      const sheet = new TableSheet(out, 'List', COLUMNS, 'zh');
      await sheet.finish();
      expect(() => new TableSheet(out, 'LIST', COLUMNS, 'zh')).toThrow(/two sheets/);
    });
  });
});
