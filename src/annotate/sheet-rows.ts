import { colIndex } from './cell-ref.js';
import { getAttr, tagEnd } from './xml.js';

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

  constructor(private readonly h: SplitHandlers) {}

  get stopped(): boolean {
    return this.state === 'stopped';
  }

  /** Feeds more text; returns false once a handler asked to stop. */
  push(text: string): boolean {
    if (this.state === 'stopped') return false;
    this.buf += text;
    if (this.state === 'head') this.readHead();
    if (this.state === 'rows') this.readRows();
    return !this.stopped;
  }

  end(): void {
    if (this.state === 'stopped') return;
    if (this.state === 'head') throw new Error('worksheet has no <sheetData>');
    if (this.state === 'rows') {
      // No </sheetData>: a broken part; pass what is left through as the tail.
    }
    this.h.tail?.(this.buf);
    this.buf = '';
  }

  private readHead(): void {
    const m = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(?=[\s/>])/.exec(this.buf);
    if (!m) return;
    const gt = tagEnd(this.buf, m.index);
    if (gt < 0) return;
    this.prefix = m[1] ?? '';
    this.rowOpen = `<${this.prefix}row`;
    this.rowClose = `</${this.prefix}row>`;
    this.dataClose = `</${this.prefix}sheetData>`;
    this.h.head(this.buf.slice(0, gt + 1), this.prefix);
    const selfClosing = this.buf[gt - 1] === '/';
    this.buf = this.buf.slice(gt + 1);
    this.state = selfClosing ? 'tail' : 'rows';
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
      if (!buf.startsWith(this.rowOpen, lt) || !/[\s/>]/.test(buf[lt + this.rowOpen.length] ?? '')) {
        if (lt + this.rowOpen.length + 1 > buf.length || lt + this.dataClose.length > buf.length) break;
        // Something else inside sheetData (a comment?): pass it through.
        const gt = tagEnd(buf, lt);
        if (gt < 0) break;
        this.h.between?.(buf.slice(pos, gt + 1));
        pos = gt + 1;
        continue;
      }
      const gt = tagEnd(buf, lt);
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
      const r = getAttr(open, 'r');
      const row = r !== undefined && /^\d+$/.test(r) ? Number(r) : this.lastRow + 1;
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

/** The cells of a row chunk, in document order. */
export function parseCells(chunk: RowChunk, prefix: string): CellTok[] {
  const cells: CellTok[] = [];
  if (chunk.selfClosing) return cells;
  const xml = chunk.xml;
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  let i = chunk.openLen;
  let prev = -1;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0) break;
    const next = xml[lt + open.length];
    if (next !== ' ' && next !== '>' && next !== '/' && next !== '\t' && next !== '\n' && next !== '\r') {
      i = lt + open.length;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt < 0) break;
    const tag = xml.slice(lt, gt + 1);
    const selfClosing = xml[gt - 1] === '/';
    let end = gt + 1;
    let hasValue = false;
    if (!selfClosing) {
      const c = xml.indexOf(close, gt + 1);
      end = c < 0 ? xml.length : c + close.length;
      hasValue = end - close.length > gt + 1 && /<(?:\w+:)?(?:v|is|f)[\s>/]/.test(xml.slice(gt + 1, end - close.length));
    }
    const r = getAttr(tag, 'r');
    let col = prev + 1;
    if (r !== undefined) {
      const m = /^\$?([A-Za-z]{1,3})/.exec(r);
      if (m) col = colIndex(m[1]!.toUpperCase());
    }
    const sAttr = getAttr(tag, 's');
    cells.push({
      col,
      start: lt,
      end,
      open: tag,
      hasRef: r !== undefined,
      s: sAttr !== undefined && /^\d+$/.test(sAttr) ? Number(sAttr) : undefined,
      t: getAttr(tag, 't'),
      hasValue,
      selfClosing,
    });
    prev = col;
    i = end;
  }
  return cells;
}
