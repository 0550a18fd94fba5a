import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, MergeRange, RawRow } from '../core/types.js';
import type { OpenedWorkbook } from '../io/open-roster-file.js';
import { excelCellText } from '../ooxml/cell-text.js';
import type { RosterInput } from '../report/run-result.js';

// A roster we cannot patch in place — a CSV, or a workbook read by SheetJS (.xls, HTML/XML "Excel",
// .ods …) — gets its copy made anew with exceljs (streaming writer): every sheet in its order and
// visibility, each value on the cell of the same address (so applicant rows line up), merged
// ranges kept, header rows bold and frozen, text kept as text. Formatting is not carried over
// (the copy's summary sheet says so). The result then goes through the same patcher as an xlsx.

const WIDTH_SAMPLE_ROWS = 500;

/** The workbook `wb` rebuilt as .xlsx bytes, and `input` pointing into it. */
export async function rebuildAsXlsx(wb: OpenedWorkbook, input: RosterInput): Promise<{ bytes: Uint8Array; input: RosterInput }> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const out = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const names = sheetNames(wb.sheets.map((s) => s.name));
  // CSV text that is a plain decimal number becomes a number; a workbook's cells keep their type.
  const value = wb.kind === 'csv' ? csvValue : cellValue;
  for (const [index, info] of wb.sheets.entries()) {
    const roster = index === input.sheetIndex;
    const ws = out.addWorksheet(names[index], {
      state: info.hidden ? 'hidden' : 'visible',
      views: roster && input.headerRow > 0 ? [{ state: 'frozen', ySplit: input.headerRow, xSplit: 0 }] : [],
    });
    // The merges come with the first pass: exceljs's streaming writer merges only rows not yet committed.
    const { widths, merges } = await firstRows(wb, index);
    ws.columns = Array.from({ length: Math.max(widths.length, roster ? input.width : 0) }, (_, i) => ({ width: widths[i] ?? 10 }));
    for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    await wb.readRows(index, (raw) => {
      const row = ws.getRow(raw.row);
      raw.cells.forEach((c, i) => {
        if (c) setCell(row.getCell(i + 1), value(c));
      });
      if (roster && raw.row >= input.headerTop && raw.row <= input.headerRow) {
        row.font = { bold: true };
        row.alignment = { vertical: 'middle', wrapText: true };
      }
      row.commit();
    });
    ws.commit();
  }
  await out.commit();
  await done;
  const bytes = Buffer.concat(parts);
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    input: { ...input, sheet: names[input.sheetIndex]!, sheetIndex: input.sheetIndex },
  };
}

/** Column widths from the first rows of a sheet, and its merged ranges (complete even on an early stop). */
async function firstRows(wb: OpenedWorkbook, index: number): Promise<{ widths: number[]; merges: MergeRange[] }> {
  const widths: number[] = [];
  let seen = 0;
  const { merges } = await wb.readRows(index, (row: RawRow) => {
    row.cells.forEach((c, i) => {
      const w = c ? displayWidth(cellText(c)) : 0;
      widths[i] = Math.max(widths[i] ?? 8, Math.min(50, w + 2));
    });
    if (++seen >= WIDTH_SAMPLE_ROWS) return false;
  });
  return { widths, merges };
}

type Written = string | number | boolean | Date;

function setCell(cell: ExcelJS.Cell, v: Written): void {
  cell.value = v;
  if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
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
function csvValue(c: CellValue): Written {
  const t = cellText(c);
  if (/^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/.test(t)) return Number(t);
  return excelCellText(t);
}

/** A workbook cell as it was: numbers, dates (from 1900-03-01, where serials are unambiguous), booleans. */
function cellValue(c: CellValue): Written {
  switch (c.kind) {
    case 'number':
      return c.value;
    case 'boolean':
      return c.value;
    case 'date': {
      if (c.iso < '1900-03-01') return c.iso;
      const [y, m, d] = c.iso.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'error':
      return excelCellText(c.code);
    case 'string':
      return excelCellText(c.text);
  }
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.split('\n')[0] ?? '') w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], no control character, unique regardless of case. */
function sheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const clean = name.replace(/[\u0000-\u001f\ufffe\uffff]/g, '').replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet1';
    let out = clean;
    for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${clean.slice(0, 31 - String(n).length - 1)}_${n}`;
    taken.add(out.toLowerCase());
    return out;
  });
}
