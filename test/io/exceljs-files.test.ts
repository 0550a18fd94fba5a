import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { plain, readAll, tempDir, writeTemp } from './helpers.js';
import path from 'node:path';

// Files as exceljs writes them (the kind of package our own tools and tests produce).

describe('files written by exceljs', () => {
  it('in-memory writer: strings, numbers, dates in CJK formats, rich text, formulas, merges, hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面');
    const ws = wb.addWorksheet('花名册');
    const hidden = wb.addWorksheet('隐藏');
    hidden.state = 'hidden';
    ws.mergeCells('A1:E1');
    ws.getCell('A1').value = '2023年度正高级工程师申报人员花名册';
    ws.addRow(['序号', '姓名', '身份证号', '出生年月', '取得时间', '是否', '学时', '合计', '错误']);
    const r = ws.addRow([1, '张三', '110101199003071234', new Date(Date.UTC(1990, 2, 7)), new Date(Date.UTC(2019, 5, 30)), true, 90.5]);
    r.getCell(4).numFmt = 'yyyy"年"m"月"';
    r.getCell(5).numFmt = 'yyyy-mm-dd';
    r.getCell(8).value = { formula: 'G3*2', result: 181 };
    r.getCell(9).value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('B4').value = { richText: [{ text: '李', font: { bold: true } }, { text: '四' }] };
    const file = path.join(tempDir(), 'exceljs.xlsx');
    await wb.xlsx.writeFile(file);

    const opened = await openRosterFile(file);
    expect(opened.sheets).toEqual([
      { name: '封面', hidden: false },
      { name: '花名册', hidden: false },
      { name: '隐藏', hidden: true },
    ]);
    const { rows, merges } = await readAll(opened, 1);
    expect(merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
    expect(rows.map((x) => x.row)).toEqual([1, 2, 3, 4]);
    expect(plain(rows[0]!)).toEqual(['2023年度正高级工程师申报人员花名册']);
    expect(plain(rows[2]!)).toEqual([1, '张三', '110101199003071234', 'D:1990-03-07', 'D:2019-06-30', true, 90.5, 181, '!#DIV/0!']);
    expect(plain(rows[3]!)).toEqual([null, '李四']);
  });

  it('streaming writer (inline and shared strings)', async () => {
    for (const useSharedStrings of [false, true]) {
      const file = path.join(tempDir(), `exceljs-stream-${useSharedStrings}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
      const ws = wb.addWorksheet('S');
      for (let i = 1; i <= 2000; i++) {
        const row = ws.addRow([i, `申报人${i}`, new Date(Date.UTC(2000, 0, i))]);
        row.getCell(3).numFmt = 'yyyy/m/d';
        row.commit();
      }
      ws.commit();
      await wb.commit();
      const { rows } = await readAll(await openRosterFile(file));
      expect(rows).toHaveLength(2000);
      expect(plain(rows[1999]!)).toEqual([2000, '申报人2000', 'D:2005-06-22']);
    }
  });

  it('a CSV-like text file named .xlsx is read as CSV, not refused', async () => {
    const wb = await openRosterFile(writeTemp('csv-named.xlsx', 'a,b\n1,2\n'));
    expect(wb.kind).toBe('csv');
  });
});
