import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/types.js';
import { decodeText } from '../io/csv/csv-decode.js';
import { parseCsv } from '../io/csv/csv-parse.js';
import { excelCellText } from '../ooxml/cell-text.js';
import type { RosterInput } from '../report/run-result.js';

// A CSV roster has no workbook to annotate, so we make one with exceljs (streaming writer):
// each CSV record on the Excel row of the same number (so applicant rows line up), header rows
// bold and frozen, text kept as text. The result then goes through the same patcher as an xlsx.

const WIDTH_SAMPLE_ROWS = 500;

export async function csvToXlsx(bytes: Uint8Array, input: RosterInput): Promise<{ bytes: Uint8Array; input: RosterInput }> {
  const { text } = decodeText(bytes);
  const sheet = sheetName(input.sheet);

  // Column widths from the first rows.
  const widths: number[] = [];
  let seen = 0;
  parseCsv(text, (row) => {
    row.cells.forEach((c, i) => {
      const w = c ? displayWidth(cellText(c)) : 0;
      widths[i] = Math.max(widths[i] ?? 8, Math.min(50, w + 2));
    });
    if (++seen >= WIDTH_SAMPLE_ROWS) return false;
  });

  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet, {
    views: input.headerRow > 0 ? [{ state: 'frozen', ySplit: input.headerRow, xSplit: 0 }] : [],
  });
  ws.columns = Array.from({ length: Math.max(widths.length, input.width) }, (_, i) => ({ width: widths[i] ?? 10 }));
  parseCsv(text, (raw) => {
    const row = ws.getRow(raw.row);
    raw.cells.forEach((c, i) => {
      if (c) row.getCell(i + 1).value = excelValue(c);
    });
    if (raw.row >= input.headerTop && raw.row <= input.headerRow) {
      row.font = { bold: true };
      row.alignment = { vertical: 'middle', wrapText: true };
    }
    row.commit();
  });
  ws.commit();
  await wb.commit();
  await done;
  const out = Buffer.concat(parts);
  return {
    bytes: new Uint8Array(out.buffer, out.byteOffset, out.length),
    input: { ...input, kind: 'xlsx', sheet, sheetIndex: 0 },
  };
}

function cellText(c: CellValue): string {
  switch (c.kind) {
    case 'string':
      return c.text;
    case 'number':
      return String(c.value);
    case 'date':
      return c.iso;
    case 'boolean':
      return String(c.value);
    case 'error':
      return c.code;
  }
}

/**
 * Plain decimal numbers become numbers; IDs, codes with leading zeros, dates stay text — with
 * "_xHHHH_" protected (exceljs would write it as an escape of another character), characters XML
 * forbids escaped, and cut at Excel's cell limit.
 */
function excelValue(c: CellValue): string | number {
  const t = cellText(c);
  if (/^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/.test(t)) return Number(t);
  return excelCellText(t);
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.split('\n')[0] ?? '') w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], no control character. */
function sheetName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\ufffe\uffff]/g, '').replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31);
  return clean || 'Sheet1';
}
