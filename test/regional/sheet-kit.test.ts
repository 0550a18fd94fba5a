import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TableSheet, xlsxBytes, type Column } from '../../src/regional/sheet-kit.js';
import { openWorkbook } from './xlsx-read.js';

const COLUMNS: Column[] = [
  { header: 'No.', width: 5, align: 'center' },
  { header: 'Name', width: 9 },
  { header: 'Note', width: 20 },
];

function sheetWithRows(n: number): TableSheet {
  const sheet = new TableSheet(new ExcelJS.Workbook(), 'S', COLUMNS);
  sheet.title('T');
  sheet.info('left', 'right');
  sheet.header();
  sheet.band('band');
  for (let i = 1; i <= n; i++) sheet.row([i, `name ${i}`, i % 2 ? 'note' : null]);
  return sheet;
}

describe('TableSheet', () => {
  it('gives every data cell of a column one shared style object (exceljs then registers it once)', () => {
    const { ws } = sheetWithRows(3);
    // Rows 1–4: title, info, header, band; data from row 5.
    expect(ws.getCell(5, 1).style).toBe(ws.getCell(7, 1).style);
    expect(ws.getCell(5, 2).style).toBe(ws.getCell(6, 3).style);
    expect(ws.getCell(5, 1).style).not.toBe(ws.getCell(5, 2).style);
    // Shared, so frozen: a later change must assign a new style, never edit the shared one.
    expect(Object.isFrozen(ws.getCell(5, 1).style)).toBe(true);
  });

  it('writes data cells with their font, alignment and border, and every merge', async () => {
    const sheet = sheetWithRows(6);
    sheet.mergeDown(1, 5, 7);
    sheet.mergeDown(2, 5, 7);
    sheet.mergeDown(1, 9, 10);
    sheet.note('end');
    const wb = await openWorkbook(await xlsxBytes(sheet.ws.workbook));
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

  it('still refuses an overlapping merge, and takes one made out of order', () => {
    const sheet = sheetWithRows(6);
    sheet.mergeDown(1, 5, 7);
    expect(() => sheet.mergeDown(1, 6, 8)).toThrow(/already merged/);
    sheet.mergeDown(2, 9, 10);
    sheet.mergeDown(2, 5, 6);
    expect(sheet.ws.getCell('B6').master.address).toBe('B5');
    expect(sheet.ws.getCell('B10').master.address).toBe('B9');
  });
});
