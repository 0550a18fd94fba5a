import * as XLSX from '@e965/xlsx';
import type { CellObject, ParsingOptions, WorkBook, WorkSheet } from '@e965/xlsx';
import type { CellValue, MergeRange, RawRow } from '../core/types.js';
import { decodeText } from './csv/csv-decode.js';
import { fileEncrypted, fileEt, fileLegacyFailed, fileNoSheets, fileTooLarge, fileXlsb } from './errors.js';
import { classifyFormatCode } from './xlsx/date-formats.js';
import { serialToIso } from './xlsx/serial-date.js';
import { formatBytes } from '../ooxml/zip/zip-limits.js';

// Formats our streaming reader does not speak (Excel 97-2003 .xls, the HTML tables and
// SpreadsheetML 2003 XML that web platforms save as ".xls", OpenDocument .ods, .xlsb, WPS .et)
// are read with SheetJS CE (@e965/xlsx, see the README). This module (and so the library, required
// from node_modules outside the bundle) is imported only when such a file comes.
// It parses a whole workbook in memory, so the limits are checked before and after parsing.

export type LegacyFormat = 'xls' | 'html' | 'spreadsheetml' | 'ods' | 'xlsb';

export interface LegacyLimits {
  /** Largest file handed to the parser (it holds the whole workbook in memory). */
  maxFileBytes: number;
  /** Rows of one sheet. */
  maxRows: number;
  /** Non-empty cells of the whole workbook. */
  maxCells: number;
}

export const DEFAULT_LEGACY_LIMITS: LegacyLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxRows: 1_048_576,
  maxCells: 5_000_000,
};

export interface LegacySheet {
  name: string;
  hidden: boolean;
  rows: RawRow[];
  merges: MergeRange[];
}

export interface LegacyBook {
  sheets: LegacySheet[];
  date1904: boolean;
}

const FORMAT_NAME: Record<LegacyFormat, { zh: string; en: string }> = {
  xls: { zh: ' Excel 97-2003 (.xls) ', en: 'Excel 97-2003 (.xls)' },
  html: { zh: '网页（HTML）表格', en: 'web-page (HTML) table' },
  spreadsheetml: { zh: ' Excel XML（SpreadsheetML）', en: 'Excel XML (SpreadsheetML)' },
  ods: { zh: ' OpenDocument (.ods) ', en: 'OpenDocument (.ods)' },
  xlsb: { zh: ' Excel 二进制 (.xlsb) ', en: 'Excel binary (.xlsb)' },
};

/** Reads a whole workbook of one of the legacy formats; failures are UserErrors saying what to do. */
export function readLegacy(file: string, bytes: Uint8Array, format: LegacyFormat, limits = DEFAULT_LEGACY_LIMITS): LegacyBook {
  if (bytes.length > limits.maxFileBytes) throw fileTooLarge(file, `${formatBytes(bytes.length)} > ${formatBytes(limits.maxFileBytes)}`);
  const options: ParsingOptions = {
    // Values only: no formulas (cached results are read, nothing is evaluated), no HTML, no styles.
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellDates: false,
    cellNF: true,
    // Text in HTML/XML stays text: an ID number must not become a rounded number.
    raw: true,
    dense: true,
    // One row past the limit, to tell "at the limit" from "beyond it".
    sheetRows: limits.maxRows + 1,
  };
  let wb: WorkBook;
  try {
    // Markup is decoded by us (UTF-8, or GB18030 as Chinese platforms save it).
    wb = withoutLibraryChatter(() =>
      format === 'html' || format === 'spreadsheetml' ? XLSX.read(decodeText(bytes).text, { ...options, type: 'string' }) : XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...options, type: 'buffer' }),
    );
  } catch (err) {
    throw failure(file, format, err);
  }
  if (wb.SheetNames.length === 0) throw format === 'xlsb' || /\.et$/i.test(file) ? failure(file, format, null) : fileNoSheets(file);
  let cells = 0;
  const sheets = wb.SheetNames.map((name, i): LegacySheet => {
    const ws = wb.Sheets[name] ?? {};
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    const rows = rowsOf(ws, Boolean(wb.Workbook?.WBProps?.date1904), limits);
    if (rows.length > limits.maxRows) throw fileTooLarge(file, `sheet "${name}": more than ${limits.maxRows} rows`);
    for (const r of rows) cells += r.cells.reduce((n, c) => n + (c ? 1 : 0), 0);
    if (cells > limits.maxCells) throw fileTooLarge(file, `more than ${limits.maxCells} cells`);
    return { name, hidden, rows, merges: (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 })) };
  });
  return { sheets, date1904: Boolean(wb.Workbook?.WBProps?.date1904) };
}

/**
 * SheetJS reports what it skips in a file (`Missing Info for XLS Record 0xffff`, `ODS number format
 * may be incorrect` 24 times) with console.error: English, HTML-escaped, nothing a user can act on,
 * in the office's console window. The read is synchronous, so silencing the console for its
 * duration touches nothing else; what it could not read shows in the values we check.
 */
function withoutLibraryChatter<T>(read: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return read();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

function rowsOf(ws: WorkSheet, date1904: boolean, limits: LegacyLimits): RawRow[] {
  const data = (ws as { '!data'?: (CellObject[] | undefined)[] })['!data'] ?? [];
  // Hidden rows (folded away, filtered out) are screened and flagged, as in .xlsx rosters.
  const info = ws['!rows'] ?? [];
  const rows: RawRow[] = [];
  for (let r = 0; r < data.length && r <= limits.maxRows; r++) {
    const src = data[r];
    if (!src) continue;
    const cells: (CellValue | undefined)[] = [];
    let any = false;
    for (let c = 0; c < src.length; c++) {
      const v = src[c] ? cellValue(src[c]!, date1904) : undefined;
      if (v) {
        cells[c] = v;
        any = true;
      }
    }
    if (any) rows.push(info[r]?.hidden ? { row: r + 1, cells, hidden: true } : { row: r + 1, cells });
  }
  return rows;
}

function cellValue(cell: CellObject, date1904: boolean): CellValue | undefined {
  switch (cell.t) {
    case 's': {
      const text = String(cell.v ?? '');
      return text === '' ? undefined : { kind: 'string', text };
    }
    case 'n': {
      const n = Number(cell.v);
      if (!Number.isFinite(n)) return undefined;
      if (typeof cell.z === 'string' && classifyFormatCode(cell.z) === 'date') {
        const iso = serialToIso(n, date1904);
        if (iso !== null) return { kind: 'date', iso, serial: n };
      }
      return { kind: 'number', value: n };
    }
    case 'b':
      return { kind: 'boolean', value: Boolean(cell.v) };
    case 'e':
      return { kind: 'error', code: cell.w ?? '#N/A' };
    case 'd':
      // Not produced with cellDates off; kept as the text the file shows.
      return cell.w ? { kind: 'string', text: cell.w } : undefined;
    default:
      return undefined;
  }
}

// The library's messages are English internals; the user gets ours (its text stays the cause).
function failure(file: string, format: LegacyFormat, err: unknown): Error {
  const msg = err instanceof Error ? err.message : '';
  // An .xls with an open password ("File is password-protected"); OOXML encryption is found by the sniffer.
  if (/password/i.test(msg)) return fileEncrypted(file);
  if (/\.et$/i.test(file)) return fileEt(file);
  if (format === 'xlsb') return fileXlsb(file);
  return fileLegacyFailed(file, FORMAT_NAME[format], err);
}
