import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Lang } from '../core/types.js';
import { needsLandscape } from '../format/page-footer.js';
import { heightForLines, lineCount, rowHeightFor } from '../format/text-height.js';
import { parseHours } from '../normalize/hours.js';
import { writeViaTemp } from '../output/atomic-write.js';
import { excelCellText } from '../ooxml/cell-text.js';
import { colLetters, parseRange } from '../ooxml/cell-ref.js';
import { escapeXml } from '../ooxml/xml-text.js';
import { ListWorkbook, XF, type SheetPart } from './list-workbook.js';

export { ListWorkbook } from './list-workbook.js';

// Print-ready table sheets for the lists the office hands on: a title row, an info line, a
// (one- or two-row) header repeated on every printed page, bordered cells, A4 (landscape when the
// columns need it), fit to width, page numbers, and the sign-and-stamp block at the end. Every
// value is written as typed text or a number, never a formula. Rows are written to the sheet's
// part as the builder flushes them, so a list of 100 000 applicants never stands whole in memory.

export interface Column {
  header: string;
  /** Upper header spanning adjacent columns with the same group (继续教育学时 over its years …). */
  group?: string;
  width: number;
  align?: 'left' | 'center';
}

export type CellInput = string | number | null;

const DATA_SIZE = 10;

/** The block an office signs and stamps under a list. */
const SIGN_BLOCK: Record<Lang, string[]> = {
  zh: ['填表人：　　　　　　　　审核人：　　　　　　　　联系电话：', '日期：　　　　年　　月　　日　　　　　　　　单位盖章：'],
  en: ['Prepared by:                Checked by:                Phone:', 'Date:                          Seal of the unit:'],
};

// Every sheet: title (row 1), info line (row 2), then the header.
const HEADER_TOP = 3;
// Rows' XML is handed to the zip in pieces of about this many characters (one push per row costs more).
const SEND_AT = 1 << 16;

/** A cell to write: its value (null: empty) and format (XF). */
interface CellOut {
  v: CellInput;
  s: number;
}

/** A row not yet written: its cells by column (index = column − 1) and height in points. */
interface RowOut {
  r: number;
  cells: (CellOut | undefined)[];
  height: number;
  /** A data row's values, measured at `flush` for its height. */
  values?: CellInput[];
}

export class TableSheet {
  private next = 1;
  /** Per column (1-based), the last (bottom-most) row merged so far (see `merge`). */
  private readonly mergedTo: number[] = [];
  /** Every merged range (A1:B2), in the order made. */
  private readonly merges: string[] = [];
  /** Rows a manual page break follows. */
  private readonly breaksAfter: number[] = [];
  /** Last row of the header (0 until written). */
  private headerBottom = 0;
  /** Rows made but not yet written, in row order. */
  private open: RowOut[] = [];
  /** Vertical merges among the open data rows: their text must fit the rows' heights together. */
  private openMerges: { col: number; from: number; to: number }[] = [];
  private readonly part: SheetPart;
  /** Rows made into XML but not yet handed to the part (see writeOpen). */
  private unsent = '';
  private readonly letters: string[];
  /** Data-cell format per column (index = column − 1). */
  private readonly dataXf: number[];

  constructor(
    private readonly wb: ListWorkbook,
    name: string,
    private readonly columns: Column[],
    private readonly lang: Lang,
  ) {
    const units = columns.reduce((sum, c) => sum + c.width, 0);
    const headerBottom = HEADER_TOP + (columns.some((c) => c.group) ? 1 : 0);
    this.part = wb.addSheet({
      name,
      widths: columns.map((c) => c.width),
      landscape: needsLandscape(units),
      titleRows: { top: HEADER_TOP, bottom: headerBottom },
      lang,
    });
    this.dataXf = columns.map((c) => (c.align === 'center' ? XF.dataCenter : XF.dataLeft));
    this.letters = columns.map((_, i) => colLetters(i));
  }

  get width(): number {
    return this.columns.length;
  }

  /** Row 1: the title, merged across the table. */
  title(text: string): void {
    const r = this.newRow(rowHeightFor([{ text, width: this.span(1, this.width) }], 16, 36));
    this.spanCell(r, 1, this.width, text, XF.title);
  }

  /** A line above the table (填报单位 / 填报日期): left text and right text, unbordered. */
  info(left: string, right = ''): void {
    // Halves by width, not by column count: a sheet whose wide columns come first (按单位汇总) would
    // leave the right-hand text a sliver and wrap it.
    const total = this.span(1, this.width);
    let split = 1;
    while (split < this.width - 1 && this.span(1, split) < total / 2) split++;
    const height = rowHeightFor(
      [
        { text: left, width: this.span(1, split) },
        { text: right, width: this.span(split + 1, this.width) },
      ],
      11,
      24,
    );
    const r = this.newRow(height);
    this.spanCell(r, 1, split, left, XF.lineLeft);
    this.spanCell(r, split + 1, this.width, right, XF.lineRight);
  }

  /** The header: two rows when any column has a group, else one. */
  header(): void {
    const twoRows = this.columns.some((c) => c.group);
    if (this.next !== HEADER_TOP) throw new Error(`TableSheet: the header must follow the title and the info line (row ${HEADER_TOP}), not row ${this.next}`);
    // Each header row fits its own texts; a header merged over both rows fits the two together.
    const own = (grouped: boolean) => this.columns.filter((c) => !twoRows || Boolean(c.group) === grouped).map((c) => ({ text: c.header, width: c.width }));
    const heights = twoRows ? [rowHeightFor(groupCells(this.columns), DATA_SIZE, 20), rowHeightFor(own(true), DATA_SIZE, 20)] : [rowHeightFor(own(false), DATA_SIZE, 30)];
    const spanning = rowHeightFor(own(false), DATA_SIZE, 0);
    if (twoRows && heights[0]! + heights[1]! < spanning) heights[1] = spanning - heights[0]!;
    const top = this.newRow(heights[0]!);
    const bottom = twoRows ? this.newRow(heights[1]!) : top;
    // Every header cell is bordered and grey, merged followers too (their borders print).
    for (let r = top; r <= bottom; r++) for (let c = 1; c <= this.width; c++) this.set(r, c, null, XF.header);
    for (let c = 0; c < this.width; c++) {
      const col = this.columns[c]!;
      if (!twoRows) {
        this.set(top, c + 1, col.header, XF.header);
        continue;
      }
      if (!col.group) {
        this.merge(top, c + 1, bottom, c + 1);
        this.set(top, c + 1, col.header, XF.header);
        continue;
      }
      this.set(bottom, c + 1, col.header, XF.header);
      if (this.columns[c - 1]?.group === col.group) continue;
      let end = c;
      while (this.columns[end + 1]?.group === col.group) end++;
      if (end > c) this.merge(top, c + 1, top, end + 1);
      this.set(top, c + 1, col.group, XF.header);
    }
    this.headerBottom = bottom;
  }

  /** A band naming a group (一、信息技术 …), merged across the table. */
  band(text: string, options: { pageBreakBefore?: boolean } = {}): number {
    const r = this.newRow(rowHeightFor([{ text, width: this.span(1, this.width) }], 11, 22));
    if (options.pageBreakBefore && r > this.headerBottom + 1) this.breaksAfter.push(r - 1);
    this.spanCell(r, 1, this.width, text, XF.band);
    return r;
  }

  /** One bordered data row; returns its row number. The row stays open (for `mergeDown`) until `flush`. */
  row(values: CellInput[]): number {
    const n = Math.max(values.length, this.width);
    const cells: CellOut[] = new Array<CellOut>(n);
    for (let i = 0; i < n; i++) {
      // Past the table's width a value is unbordered; past the values a cell is only bordered.
      const s = i >= this.width ? XF.plain : i >= values.length ? XF.borderOnly : this.dataXf[i]!;
      cells[i] = { v: i < values.length ? values[i]! : null, s };
    }
    const row: RowOut = { r: this.next++, cells, height: 0, values };
    this.open.push(row);
    this.wb.onRow?.();
    return row.r;
  }

  /** Merges column `col` (1-based) from row `from` to `to` (one applicant over several findings). */
  mergeDown(col: number, from: number, to: number): void {
    if (to <= from) return;
    this.merge(from, col, to, col);
    this.openMerges.push({ col, from, to });
  }

  /**
   * Sets the heights of the open data rows from their measured text and writes every open row:
   * nothing above the next row can change afterwards.
   */
  async flush(): Promise<void> {
    const merged = this.openMerges.length ? new Set(this.openMerges.map((m) => `${m.from}:${m.col}`)) : null;
    for (const o of this.open) {
      if (!o.values) continue;
      // rowHeightFor over the row's texts, without building the list: a merged cell's text is
      // measured over its rows below.
      let lines = 1;
      const n = Math.min(o.values.length, this.width);
      for (let i = 0; i < n; i++) {
        const v = o.values[i];
        if (v === null || v === undefined || merged?.has(`${o.r}:${i + 1}`)) continue;
        const text = typeof v === 'string' ? v : String(v);
        if (text) lines = Math.max(lines, lineCount(text, this.columns[i]!.width));
      }
      o.height = Math.max(18, heightForLines(lines, DATA_SIZE));
    }
    // A merged cell's text fits the rows it spans together; the last row takes what is missing.
    for (const m of this.openMerges) {
      const rows = this.open.filter((o) => o.r >= m.from && o.r <= m.to);
      const v = rows[0]?.r === m.from ? rows[0].values?.[m.col - 1] : undefined;
      if (v === null || v === undefined) continue;
      const need = heightForLines(lineCount(String(v), this.columns[m.col - 1]!.width), DATA_SIZE);
      const have = rows.reduce((sum, o) => sum + o.height, 0);
      const last = rows[rows.length - 1];
      if (last?.r === m.to && have < need) last.height += need - have;
    }
    this.openMerges = [];
    await this.writeOpen();
  }

  /** An unbordered line below the table (合计, notes). */
  note(text: string): void {
    const r = this.newRow(rowHeightFor([{ text, width: this.span(1, this.width) }], DATA_SIZE, 18));
    this.spanCell(r, 1, this.width, text, XF.plain);
  }

  /** The lines an office fills in, signs and stamps, under the table. */
  signBlock(): void {
    this.next++; // one blank row between the table and the block
    for (const line of SIGN_BLOCK[this.lang]) {
      const r = this.newRow(rowHeightFor([{ text: line, width: this.span(1, this.width) }], 11, 30));
      this.spanCell(r, 1, this.width, line, XF.lineLeft);
    }
  }

  /** Ends the sheet: writes the rest, its merges and page breaks; nothing can be added after. */
  async finish(): Promise<void> {
    await this.flush();
    await this.writeOpen(true);
    await this.part.end(this.merges, this.breaksAfter);
  }

  /** A row of fixed height (title, info, header, band, note, sign lines). */
  private newRow(height: number): number {
    const r = this.next++;
    this.open.push({ r, cells: [], height });
    return r;
  }

  private set(r: number, c: number, v: CellInput, s: number): void {
    const row = this.open.find((o) => o.r === r);
    if (!row) throw new Error(`TableSheet: row ${r} is written already`);
    row.cells[c - 1] = { v, s };
  }

  /** Text in columns `from`..`to` of row `r`, merged: the followers carry the format (borders, fill) too. */
  private spanCell(r: number, from: number, to: number, text: string, s: number): void {
    this.merge(r, from, r, to);
    for (let c = from; c <= to; c++) this.set(r, c, c === from ? text : null, s);
  }

  /**
   * Records a merged range. Merges are made top to bottom in practice: a range below every
   * earlier merge in its columns cannot overlap one. One made out of order is checked against
   * every earlier merge, and an overlap (a mistake in a list's layout) is refused.
   */
  private merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return; // one cell: nothing to merge
    let below = true;
    for (let c = left; c <= right && below; c++) below = (this.mergedTo[c] ?? 0) < top;
    const ref = `${colLetters(left - 1)}${top}:${colLetters(right - 1)}${bottom}`;
    if (!below) {
      for (const m of this.merges) {
        const o = parseRange(m)!;
        if (o.top <= bottom && top <= o.bottom && o.left <= right - 1 && left - 1 <= o.right) throw new Error(`TableSheet: ${ref} overlaps ${m}, already merged`);
      }
    }
    this.merges.push(ref);
    for (let c = left; c <= right; c++) this.mergedTo[c] = Math.max(this.mergedTo[c] ?? 0, bottom);
  }

  /** Writes the open rows to the sheet's part, in order, about 64 KiB of text at a time. */
  private async writeOpen(force = false): Promise<void> {
    for (const o of this.open) this.unsent += this.rowXml(o);
    this.open = [];
    if (this.unsent.length >= SEND_AT || (force && this.unsent)) {
      const xml = this.unsent;
      this.unsent = '';
      await this.part.push(xml);
    }
  }

  private rowXml(o: RowOut): string {
    let xml = `<row r="${o.r}" ht="${o.height}" customHeight="1">`;
    for (let i = 0; i < o.cells.length; i++) {
      const cell = o.cells[i];
      if (!cell) continue;
      const ref = `${this.letters[i] ?? colLetters(i)}${o.r}`;
      xml += cellXml(ref, cell);
    }
    return `${xml}</row>`;
  }

  /** Width in column units of columns `from`..`to` (1-based). */
  private span(from: number, to: number): number {
    let w = 0;
    for (let c = from; c <= to; c++) w += this.columns[c - 1]?.width ?? 0;
    return w;
  }
}

/** The upper header row's texts: each group once, over the width of its columns; ungrouped columns none. */
function groupCells(columns: Column[]): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  columns.forEach((c, i) => {
    if (!c.group) return;
    if (columns[i - 1]?.group === c.group) out[out.length - 1]!.width += c.width;
    else out.push({ text: c.group, width: c.width });
  });
  return out;
}

const NEEDS_ESCAPE = /[&<>"\r]/;

// A string is stored as inline text (never a formula, never re-parsed); a number as a number.
// excelCellText cuts to Excel's limit, protects "_xHHHH_" (or Excel would show the character it
// encodes) and makes the text XML-safe.
function cellXml(ref: string, { v, s }: CellOut): string {
  if (v === null || v === '') return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
  const text = excelCellText(String(v));
  const body = NEEDS_ESCAPE.test(text) ? escapeXml(text) : text;
  return `<c r="${ref}" s="${s}" t="inlineStr"><is>${keepsSpaces(text) ? '<t xml:space="preserve">' : '<t>'}${body}</t></is></c>`;
}

/** Whether a text needs xml:space="preserve" to keep its spaces: leading, trailing, doubled, or lines. */
function keepsSpaces(text: string): boolean {
  return /^\s|\s$|\s\s|[\n\t]/.test(text);
}

/** A list built by `build` as .xlsx bytes (for tests and callers that want the bytes). */
export async function xlsxBytes(build: (wb: ListWorkbook) => Promise<void>): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'roster-screen-list-'));
  try {
    const file = path.join(dir, 'list.xlsx');
    await writeListFile(file, build);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A list built by `build`, written to a temp file beside `target` and renamed into place;
 * `onRows` hears how many table rows are written, every thousand (progress).
 */
export async function writeXlsxFile(target: string, build: (wb: ListWorkbook) => Promise<void>, onRows?: (rows: number) => void): Promise<void> {
  await writeViaTemp(target, (tmp) => writeListFile(tmp, build, onRows));
}

async function writeListFile(file: string, build: (wb: ListWorkbook) => Promise<void>, onRows?: (rows: number) => void): Promise<void> {
  const wb = await ListWorkbook.create(file);
  let rows = 0;
  if (onRows) wb.onRow = () => void (++rows % 1000 === 0 && onRows(rows));
  try {
    await build(wb);
    await wb.commit();
  } catch (err) {
    await wb.abort();
    throw err;
  }
}

/**
 * Numbers typed as text in a roster become numbers, with a unit or in full-width digits too
 * (`96`, `90.5`, `90学时`, `９０`): the lists show hours as numbers. Anything else stays text.
 */
export function numberOrText(s: string): CellInput {
  const t = s.trim();
  if (t === '') return null;
  const h = parseHours({ kind: 'string', text: t });
  return typeof h === 'number' ? h : t;
}

/** Chinese list numbering: 一、二、… 十、十一、… */
export function chineseOrdinal(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}
