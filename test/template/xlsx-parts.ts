// An independent look inside an .xlsx: unzip with fflate and read the XML with regular expressions —
// neither exceljs (which wrote the template) nor the tool's own reader is involved.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { colIndex, colLetters } from '../../src/ooxml/cell-ref.js';

export interface XlsxParts {
  entries: Record<string, Uint8Array>;
  text(name: string): string;
  /** Sheet names in workbook order, with their part paths and state. */
  sheets: { name: string; path: string; state: string }[];
  sharedStrings: string[];
  /** Cell texts of a sheet: address → text (shared and inline strings resolved, numbers as written). */
  cells(sheetName: string): Map<string, string>;
  /** The number format code of a cell style index (built-in ids 14, 49 named as Excel does). */
  numFmtOfStyle(style: number): string;
}

const BUILTIN_FMT: Record<number, string> = { 0: 'General', 14: 'm/d/yyyy', 49: '@' };

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
}

export function readXlsx(bytes: Uint8Array): XlsxParts {
  const entries = unzipSync(bytes);
  const text = (name: string) => {
    const e = entries[name];
    if (!e) throw new Error(`no part ${name}`);
    return strFromU8(e);
  };
  const rels = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], 'name') ?? '',
    path: rels.get(attr(m[0], 'r:id') ?? '') ?? '',
    state: attr(m[0], 'state') ?? 'visible',
  }));
  const sharedStrings = entries['xl/sharedStrings.xml']
    ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1]!)).join(''),
      )
    : [];
  const styles = text('xl/styles.xml');
  const customFmts = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) customFmts.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xfFmt = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => Number(attr(m[0], 'numFmtId') ?? 0));

  return {
    entries,
    text,
    sheets,
    sharedStrings,
    cells(sheetName) {
      const sheet = sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const out = new Map<string, string>();
      for (const m of text(sheet.path).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const r = attr(m[0], 'r') ?? '';
        const t = attr(m[0], 't');
        const body = m[2] ?? '';
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        if (t === 's' && v !== undefined) out.set(r, sharedStrings[Number(v)] ?? '');
        else if (t === 'inlineStr') out.set(r, [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => decodeXml(x[1]!)).join(''));
        else if (v !== undefined) out.set(r, decodeXml(v));
      }
      return out;
    },
    numFmtOfStyle(style) {
      const id = xfFmt[style] ?? 0;
      return customFmts.get(id) ?? BUILTIN_FMT[id] ?? `builtin:${id}`;
    },
  };
}

export interface ColumnInfo {
  min: number;
  max: number;
  width?: number;
  style?: number;
}

/** The <col> elements of a sheet. */
export function columnsOf(sheetXml: string): ColumnInfo[] {
  return [...sheetXml.matchAll(/<col\b[^>]*>/g)].map((m) => ({
    min: Number(attr(m[0], 'min')),
    max: Number(attr(m[0], 'max')),
    width: attr(m[0], 'width') === undefined ? undefined : Number(attr(m[0], 'width')),
    style: attr(m[0], 'style') === undefined ? undefined : Number(attr(m[0], 'style')),
  }));
}

export interface ValidationInfo {
  type: string;
  sqref: string;
  formula1: string;
  errorStyle: string;
}

export function validationsOf(sheetXml: string): ValidationInfo[] {
  return [...sheetXml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    type: attr(m[0], 'type') ?? 'none',
    sqref: attr(m[0], 'sqref') ?? '',
    formula1: decodeXml(/<formula1>([\s\S]*?)<\/formula1>/.exec(m[2]!)?.[1] ?? ''),
    errorStyle: attr(m[0], 'errorStyle') ?? 'stop',
  }));
}

/** 1-based column number → letters. */
export function letterOf(n: number): string {
  return colLetters(n - 1);
}

/** Letters → 1-based column number. */
export function columnNumber(letters: string): number {
  return colIndex(letters) + 1;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value typed into the template: text, a number, or a calendar date (stored as an Excel serial). */
export type TypedValue = string | number | { date: string };

export function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y!, m! - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * Fills rows into the roster sheet the way a spreadsheet program does when a user types into the
 * template: each new cell takes its column's style (so a number typed under a date column is a date).
 * `rows[i]` maps 1-based column numbers to values; row 2 is the first.
 */
export function fillSheet(bytes: Uint8Array, sheetName: string, rows: Map<number, TypedValue>[]): Uint8Array {
  const parts = readXlsx(bytes);
  const sheet = parts.sheets.find((s) => s.name === sheetName)!;
  const xml = parts.text(sheet.path);
  const styleOf = new Map<number, number>();
  for (const c of columnsOf(xml)) for (let n = c.min; n <= c.max; n++) if (c.style !== undefined) styleOf.set(n, c.style);
  const rowXml = rows
    .map((cells, i) => {
      const r = i + 2;
      const cs = [...cells.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([col, v]) => {
          const ref = `${letterOf(col)}${r}`;
          const s = styleOf.has(col) ? ` s="${styleOf.get(col)}"` : '';
          if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
          if (typeof v === 'object') return `<c r="${ref}"${s}><v>${serialOf(v.date)}</v></c>`;
          return `<c r="${ref}"${s} t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  const filled = xml.replace('</sheetData>', `${rowXml}</sheetData>`);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts.entries)) out[name] = name === sheet.path ? strToU8(filled) : data;
  return zipSync(out);
}
