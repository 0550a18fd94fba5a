import { getAttr, prefixOf, tagEnd } from './xml.js';
import { localName, XmlScanner } from '../ooxml/xml-tokenizer.js';
import { PackageError } from '../ooxml/package-error.js';
import { columnAt, rowNumber } from '../ooxml/cell-ref.js';

// Splits a worksheet's XML, as it streams in, into the head (up to and including <sheetData>),
// one `<row>…</row>` at a time, and the tail (from </sheetData> on). Nothing but the row being
// looked at is held, so memory does not grow with the sheet.

export interface RowChunk {
  /** Excel row number (from `r`, else one after the previous row). */
  row: number;
  xml: string;
  /** Length of the open tag `<row …>` within xml. */
  openLen: number;
  selfClosing: boolean;
  /** The open tag has an `r` attribute. */
  hasRef: boolean;
}

export interface SplitHandlers {
  /** Everything before the first row, including the <sheetData> open tag. */
  head(xml: string, prefix: string): void;
  /** A row; return false to stop reading. */
  row(chunk: RowChunk): boolean | void;
  /** Text between rows (usually whitespace). */
  between?(text: string): void;
  /** From </sheetData> (or after <sheetData/>) to the end. */
  tail?(xml: string): void;
}

export class SheetSplitter {
  private buf = '';
  private state: 'head' | 'rows' | 'tail' | 'stopped' = 'head';
  private prefix = '';
  private lastRow = 0;
  private rowOpen = '<row';
  private rowClose = '</row>';
  private dataClose = '</sheetData>';
  /** Reads the head as it arrives until the <sheetData> open tag (not one in a comment or CDATA). */
  private headScanner: XmlScanner | null = null;
  private sheetData: { name: string; end: number; selfClosing: boolean } | null = null;

  constructor(private readonly h: SplitHandlers) {}

  get stopped(): boolean {
    return this.state === 'stopped';
  }

  /** Feeds more text; returns false once a handler asked to stop. */
  push(text: string): boolean {
    if (this.state === 'stopped') return false;
    this.buf += text;
    if (this.state === 'head') this.readHead(text);
    if (this.state === 'rows') this.readRows();
    return !this.stopped;
  }

  end(): void {
    if (this.state === 'stopped') return;
    if (this.state === 'head') throw new PackageError('worksheet has no <sheetData>');
    if (this.state === 'rows') {
      // No </sheetData>: a broken part; pass what is left through as the tail.
    }
    this.h.tail?.(this.buf);
    this.buf = '';
  }

  /** `text` was just added to `buf`, which holds the whole head so far. */
  private readHead(text: string): void {
    this.headScanner ??= this.newHeadScanner();
    this.headScanner.write(text);
    const sd = this.sheetData;
    if (!sd) return;
    this.prefix = prefixOf(sd.name);
    this.rowOpen = `<${this.prefix}row`;
    this.rowClose = `</${this.prefix}row>`;
    this.dataClose = `</${this.prefix}sheetData>`;
    this.h.head(this.buf.slice(0, sd.end), this.prefix);
    this.buf = this.buf.slice(sd.end);
    this.headScanner = null;
    this.state = sd.selfClosing ? 'tail' : 'rows';
  }

  private newHeadScanner(): XmlScanner {
    // Only an open tag is looked for: nesting is the reader's to check (loose).
    const scanner: XmlScanner = new XmlScanner(
      {
        wantText: false,
        text() {},
        close() {},
        open: (name, selfClosing) => {
          if (localName(name) !== 'sheetData') return;
          this.sheetData = { name, end: scanner.tagEnd, selfClosing };
          scanner.stop();
        },
      },
      { loose: true },
    );
    return scanner;
  }

  private readRows(): void {
    const buf = this.buf;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break;
      if (buf.startsWith(this.dataClose, lt)) {
        if (lt > pos) this.h.between?.(buf.slice(pos, lt));
        pos = lt;
        this.state = 'tail';
        break;
      }
      if (!buf.startsWith(this.rowOpen, lt) || !isTagEnd(buf.charCodeAt(lt + this.rowOpen.length))) {
        if (lt + this.rowOpen.length + 1 > buf.length || lt + this.dataClose.length > buf.length) break;
        // Something else inside sheetData (a comment?): pass it through.
        const gt = tagEnd(buf, lt);
        if (gt < 0) break;
        this.h.between?.(buf.slice(pos, gt + 1));
        pos = gt + 1;
        continue;
      }
      // Row attributes are numbers and flags: no '>' inside them.
      const gt = buf.indexOf('>', lt);
      if (gt < 0) break;
      const selfClosing = buf[gt - 1] === '/';
      let end: number;
      if (selfClosing) end = gt + 1;
      else {
        const close = buf.indexOf(this.rowClose, gt + 1);
        if (close < 0) break;
        end = close + this.rowClose.length;
      }
      if (lt > pos) this.h.between?.(buf.slice(pos, lt));
      const xml = buf.slice(lt, end);
      const open = xml.slice(0, gt + 1 - lt);
      const r = attr(open, 'r');
      const n = rowNumber(r);
      const row = n > 0 ? n : this.lastRow + 1;
      this.lastRow = row;
      pos = end;
      if (this.h.row({ row, xml, openLen: gt + 1 - lt, selfClosing, hasRef: r !== undefined }) === false) {
        this.state = 'stopped';
        this.buf = '';
        return;
      }
    }
    this.buf = buf.slice(pos);
  }
}

export interface CellTok {
  col: number;
  start: number;
  end: number;
  open: string;
  /** The open tag had an `r` attribute. */
  hasRef: boolean;
  s: number | undefined;
  t: string | undefined;
  /** Has a value, inline string or formula (not just a style). */
  hasValue: boolean;
  selfClosing: boolean;
}

/** Cell tag names for a namespace prefix (built once per sheet). */
export class CellSyntax {
  readonly open: string;
  readonly close: string;
  readonly v: string;
  readonly is: string;
  readonly f: string;
  readonly extLst: string;

  constructor(readonly prefix: string) {
    this.open = `<${prefix}c`;
    this.close = `</${prefix}c>`;
    this.v = `<${prefix}v`;
    this.is = `<${prefix}is`;
    this.f = `<${prefix}f`;
    this.extLst = `<${prefix}extLst`;
  }
}

function isTagEnd(ch: number): boolean {
  // space, tab, LF, CR, '>' or '/'
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/** The cell whose open tag starts at `lt`; `col` is -1 when it has no `r`. */
export function parseCellAt(xml: string, lt: number, x: CellSyntax): CellTok | null {
  const gt = xml.indexOf('>', lt);
  if (gt < 0) return null;
  const tag = xml.slice(lt, gt + 1);
  const selfClosing = xml.charCodeAt(gt - 1) === 47;
  let end = gt + 1;
  let hasValue = false;
  if (!selfClosing) {
    const c = xml.indexOf(x.close, gt + 1);
    end = c < 0 ? xml.length : c + x.close.length;
    const contentEnd = c < 0 ? xml.length : c;
    hasValue = within(xml, x.v, gt, contentEnd) || within(xml, x.is, gt, contentEnd) || within(xml, x.f, gt, contentEnd);
  }
  const r = attr(tag, 'r');
  // The screening reader's parse (columnAt): a malformed reference (`F`, `$H$5`) must name the same
  // column here as there, or a mark would land on another cell than the one screened.
  const col = r === undefined ? -1 : columnAt(r);
  const sAttr = attr(tag, 's');
  const s = sAttr !== undefined && /^\d+$/.test(sAttr) ? Number(sAttr) : undefined;
  return { col, start: lt, end, open: tag, hasRef: r !== undefined, s, t: attr(tag, 't'), hasValue, selfClosing };
}

/** The cells of a row chunk, in document order. Hot path: plain string scanning, no regexes. */
export function parseCells(chunk: RowChunk, x: CellSyntax): CellTok[] {
  const cells: CellTok[] = [];
  if (chunk.selfClosing) return cells;
  const xml = chunk.xml;
  let i = chunk.openLen;
  let prev = -1;
  for (;;) {
    const lt = xml.indexOf(x.open, i);
    if (lt < 0) break;
    if (!isTagEnd(xml.charCodeAt(lt + x.open.length))) {
      i = lt + x.open.length;
      continue;
    }
    const cell = parseCellAt(xml, lt, x);
    if (!cell) break;
    if (cell.col < 0) cell.col = prev + 1;
    cells.push(cell);
    prev = cell.col;
    i = cell.end;
  }
  return cells;
}

/**
 * The last cell of a row, when it carries its reference (null for an empty row; undefined when
 * the row must be parsed in full: cells without `r`).
 */
export function lastCell(chunk: RowChunk, x: CellSyntax): CellTok | null | undefined {
  if (chunk.selfClosing) return null;
  const xml = chunk.xml;
  let at = xml.length;
  for (;;) {
    const lt = xml.lastIndexOf(x.open, at - 1);
    if (lt < chunk.openLen) return null;
    if (!isTagEnd(xml.charCodeAt(lt + x.open.length))) {
      at = lt;
      continue;
    }
    const cell = parseCellAt(xml, lt, x);
    return cell && cell.col >= 0 ? cell : undefined;
  }
}

/** Column of the right-most cell with a value, scanning from the end of the row. */
export function lastValueCol(chunk: RowChunk, x: CellSyntax): number {
  if (chunk.selfClosing) return -1;
  const xml = chunk.xml;
  let at = xml.length;
  for (;;) {
    const lt = xml.lastIndexOf(x.open, at - 1);
    if (lt < chunk.openLen) return -1;
    at = lt;
    if (!isTagEnd(xml.charCodeAt(lt + x.open.length))) continue;
    const cell = parseCellAt(xml, lt, x);
    if (!cell) return -1;
    if (cell.col < 0) {
      const all = parseCells(chunk, x);
      for (let i = all.length - 1; i >= 0; i--) if (all[i]!.hasValue) return all[i]!.col;
      return -1;
    }
    if (cell.hasValue) return cell.col;
  }
}

/** The cell at a column, found by its reference (undefined when the row has no such cell). */
export function findCell(chunk: RowChunk, x: CellSyntax, ref: string): CellTok | undefined {
  const xml = chunk.xml;
  const key = ` r="${ref}"`;
  let at = xml.indexOf(key, chunk.openLen);
  while (at >= 0) {
    const lt = xml.lastIndexOf('<', at);
    if (xml.startsWith(x.open, lt) && isTagEnd(xml.charCodeAt(lt + x.open.length))) {
      const cell = parseCellAt(xml, lt, x);
      return cell ?? undefined;
    }
    at = xml.indexOf(key, at + 1);
  }
  return undefined;
}

/**
 * The cell at a column, parsing the whole row only when that cannot be helped: found by its
 * reference; else, when the row's last cell carries a reference left of `col`, there is none (cells
 * come in column order, and a roster's last columns are often left empty: parsing every row to learn
 * that took a third of the annotated copy's time). Rows with cells that lack a reference are parsed.
 */
export function cellInRow(chunk: RowChunk, x: CellSyntax, ref: string, col: number): CellTok | undefined {
  const found = findCell(chunk, x, ref);
  if (found) return found;
  const last = lastCell(chunk, x);
  if (last === null || (last !== undefined && last.col < col)) return undefined;
  return parseCells(chunk, x).find((c) => c.col === col);
}

/**
 * Whether `tag` (followed by space, '>' or '/') occurs in xml[from, to). Only the range is looked
 * at: searching on to the end of the row made a wide row quadratic (each empty cell scanned every
 * cell after it; 16 384 columns took seconds).
 */
function within(xml: string, tag: string, from: number, to: number): boolean {
  for (let at = xml.indexOf('<', from); at >= 0 && at + tag.length < to; at = xml.indexOf('<', at + 1)) {
    if (!xml.startsWith(tag, at)) continue;
    const ch = xml.charCodeAt(at + tag.length);
    if (ch === 62 || ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) return true;
  }
  return false;
}

const ATTR_KEYS = { r: ' r="', s: ' s="', t: ' t="' } as const;

/** An attribute of a short open tag: ` name="…"` by plain search, else the general parser. */
function attr(tag: string, name: 'r' | 's' | 't'): string | undefined {
  // Called for every cell of the roster: the search keys are made once.
  const key = ATTR_KEYS[name];
  const at = tag.indexOf(key);
  if (at >= 0) {
    const end = tag.indexOf('"', at + key.length);
    const v = tag.slice(at + key.length, end);
    return v.includes('&') ? getAttr(tag, name) : v;
  }
  return mayHave(tag, name) ? getAttr(tag, name) : undefined;
}

/** Whether `name` is followed by `=` somewhere in the tag, blanks allowed between (`r = 'A1'`). */
function mayHave(tag: string, name: string): boolean {
  for (let at = tag.indexOf(name); at >= 0; at = tag.indexOf(name, at + name.length)) {
    let i = at + name.length;
    while (i < tag.length && tag.charCodeAt(i) <= 32) i++;
    if (tag.charCodeAt(i) === 61 /* = */) return true;
  }
  return false;
}
