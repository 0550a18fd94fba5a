// A roster read by SheetJS has no package to patch: its copy is rebuilt as .xlsx with every sheet
// (order, visibility), every value on its own address with its type, and the merged ranges.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rebuildAsXlsx } from '../../src/annotate/csv-workbook.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import type { RosterInput } from '../../src/report/run-result.js';
import { writeTemp } from '../io/helpers.js';

const xml = (rows: string) =>
  '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>' +
  '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy-mm-dd"/></Style></Styles>' +
  `<Worksheet ss:Name="说明"><Table><Row><Cell><Data ss:Type="String">填表说明</Data></Cell></Row></Table></Worksheet>` +
  `<Worksheet ss:Name="花名册"><Table>${rows}</Table></Worksheet>` +
  '<Worksheet ss:Name="旧"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>' +
  '</Workbook>';

describe('rebuildAsXlsx', () => {
  it('keeps sheets, visibility, values with their types and merged ranges', async () => {
    const file = writeTemp(
      'web.xls',
      xml(
        '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">2023年度花名册</Data></Cell></Row>' +
          '<Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">身份证号</Data></Cell><Cell><Data ss:Type="String">取得时间</Data></Cell></Row>' +
          '<Row><Cell><Data ss:Type="String">张三</Data></Cell><Cell><Data ss:Type="String">330106197102114319</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="DateTime">2015-12-30T00:00:00.000</Data></Cell></Row>' +
          '<Row><Cell><Data ss:Type="Number">96</Data></Cell></Row>',
      ),
    );
    const wb = await openRosterFile(file);
    const input = { file, kind: 'legacy', sheet: '花名册', sheetIndex: 1, headerRow: 2, headerTop: 2, width: 3, applicants: 1, sha256: wb.sha256, layout: { file, sheet: '花名册', headerRow: 2, fields: new Map() }, ignoredHeaders: [] } satisfies RosterInput;
    const made = await rebuildAsXlsx(wb, input);
    expect(made.input).toMatchObject({ sheet: '花名册', sheetIndex: 1, kind: 'legacy' });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(made.bytes) as unknown as ArrayBuffer);
    expect(out.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['说明', 'visible'],
      ['花名册', 'visible'],
      ['旧', 'hidden'],
    ]);
    const ws = out.getWorksheet('花名册')!;
    expect(ws.getCell('A1').value).toBe('2023年度花名册');
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('B3').value).toBe('330106197102114319');
    expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(2015, 11, 30)));
    expect(ws.getCell('A4').value).toBe(96);
    expect(ws.getRow(2).font?.bold).toBe(true);
  });
});
