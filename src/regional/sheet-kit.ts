import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
// Only exceljs's streaming writer, not its index (which loads the readers and the in-memory
// workbook too): loading it takes ~75 ms instead of ~190 ms on every run that writes the lists.
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import type { Lang } from '../core/types.js';
import { FOOTER } from '../format/page-footer.js';
import { heightForLines, lineCount, rowHeightFor } from '../format/text-height.js';
import { parseHours } from '../normalize/hours.js';
import { writeViaTemp } from '../output/atomic-write.js';
import { excelCellText } from '../ooxml/cell-text.js';

// Print-ready table sheets for the lists the office hands on: a title row, an info line, a
// (one- or two-row) header repeated on every printed page, bordered cells, A4 (landscape when the
// columns need it), fit to width, page numbers, and the sign-and-stamp block at the end. Every
// value is written as typed text or a number, never a formula. Sheets are written as streams
// (exceljs's WorkbookWriter): rows are committed as the builder flushes them, so a list of
// 100 000 applicants never stands whole in memory.

export interface Column {
  header: string;
  /** Upper header spanning adjacent columns with the same group (继续教育学时 over its years …). */
  group?: string;
  width: number;
  align?: 'left' | 'center';
}

export type CellInput = string | number | null;

/** What the lists are written into: exceljs's streaming workbook. */
export type ListWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

const FONT = '宋体';
const DATA_SIZE = 10;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};


/** The block an office signs and stamps under a list. */
const SIGN_BLOCK: Record<Lang, string[]> = {
  zh: ['填表人：　　　　　　　　审核人：　　　　　　　　联系电话：', '日期：　　　　年　　月　　日　　　　　　　　单位盖章：'],
  en: ['Prepared by:                Checked by:                Phone:', 'Date:                          Seal of the unit:'],
};

// A4 portrait holds about this many column units at our margins; wider tables print landscape.
const PORTRAIT_UNITS = 110;
// Every sheet: title (row 1), info line (row 2), then the header.
const HEADER_TOP = 3;
// Rows committed between two pauses that let the zip and file streams drain.
const ROWS_PER_PAUSE = 500;

interface PendingRow {
  r: number;
  values: CellInput[];
}

export class TableSheet {
  readonly ws: ExcelJS.Worksheet;
  private next = 1;
  /** Per column (1-based), the last (bottom-most) row merged so far (see `merge`). */
  private readonly mergedTo: number[] = [];
  /** Last row of the header (0 until written). */
  private headerBottom = 0;
  /** Data rows written but not yet committed (their heights are set at `flush`). */
  private pending: PendingRow[] = [];
  /** Vertical merges among the pending rows: their text must fit the rows' heights together. */
  private pendingMerges: { col: number; from: number; to: number }[] = [];
  /** Last row committed to the stream; rows up to it can no longer change. */
  private committedTo = 0;
  private sincePause = 0;

  /** Data-row style per column (index = column − 1), shared by every cell of that column. */
  private readonly dataStyles: readonly Partial<ExcelJS.Style>[];

  constructor(
    wb: ListWorkbook | ExcelJS.Workbook,
    name: string,
    private readonly columns: Column[],
    private readonly lang: Lang,
  ) {
    // The streaming writer writes the sheet's print and view properties as it is added: the
    // page set-up and the frozen header (title and info line above it) are given here.
    const units = columns.reduce((sum, c) => sum + c.width, 0);
    const headerBottom = HEADER_TOP + (columns.some((c) => c.group) ? 1 : 0);
    this.ws = wb.addWorksheet(name, {
      pageSetup: {
        paperSize: 9,
        orientation: units > PORTRAIT_UNITS ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
        printTitlesRow: `${HEADER_TOP}:${headerBottom}`,
      },
      views: [{ state: 'frozen', ySplit: headerBottom, xSplit: 0 }],
    });
    this.ws.columns = columns.map((c) => ({ width: c.width }));
    this.dataStyles = columns.map((c) => DATA_STYLE[c.align ?? 'left']);
    this.ws.headerFooter = { oddFooter: FOOTER[lang] };
  }

  get width(): number {
    return this.columns.length;
  }

  /** Row 1: the title, merged across the table. */
  title(text: string): void {
    const r = this.next++;
    this.merge(r, 1, r, this.width);
    const cell = this.ws.getCell(r, 1);
    cell.value = excelCellText(text);
    cell.font = { name: '黑体', size: 16, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    this.ws.getRow(r).height = rowHeightFor([{ text, width: this.span(1, this.width) }], 16, 36);
  }

  /** A line above the table (填报单位 / 填报日期): left text and right text, unbordered. */
  info(left: string, right = ''): void {
    const r = this.next++;
    // Halves by width, not by column count: a sheet whose wide columns come first (按单位汇总) would
    // leave the right-hand text a sliver and wrap it.
    const total = this.span(1, this.width);
    let split = 1;
    while (split < this.width - 1 && this.span(1, split) < total / 2) split++;
    this.merge(r, 1, r, split);
    this.merge(r, split + 1, r, this.width);
    this.text(r, 1, left, { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
    this.text(r, split + 1, right, { font: { name: FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle', wrapText: true } });
    this.ws.getRow(r).height = rowHeightFor(
      [
        { text: left, width: this.span(1, split) },
        { text: right, width: this.span(split + 1, this.width) },
      ],
      11,
      24,
    );
  }

  /** The header: two rows when any column has a group, else one. */
  header(): void {
    const twoRows = this.columns.some((c) => c.group);
    const top = this.next;
    // Print titles and the frozen pane were set up for this row (see the constructor).
    if (top !== HEADER_TOP) throw new Error(`TableSheet: the header must follow the title and the info line (row ${HEADER_TOP}), not row ${top}`);
    const bottom = twoRows ? top + 1 : top;
    this.next = bottom + 1;
    const style = { font: { name: FONT, size: DATA_SIZE, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, fill: GREY } as const;
    for (let c = 0; c < this.width; c++) {
      const col = this.columns[c]!;
      if (!twoRows) {
        this.text(top, c + 1, col.header, style);
        continue;
      }
      if (!col.group) {
        this.merge(top, c + 1, bottom, c + 1);
        this.text(top, c + 1, col.header, style);
        continue;
      }
      this.text(bottom, c + 1, col.header, style);
      if (this.columns[c - 1]?.group === col.group) continue;
      let end = c;
      while (this.columns[end + 1]?.group === col.group) end++;
      if (end > c) this.merge(top, c + 1, top, end + 1);
      this.text(top, c + 1, col.group, style);
      for (let k = c + 1; k <= end; k++) this.ws.getCell(top, k + 1).border = THIN;
    }
    // Each header row fits its own texts; a header merged over both rows fits the two together.
    const own = (grouped: boolean) => this.columns.filter((c) => !twoRows || Boolean(c.group) === grouped).map((c) => ({ text: c.header, width: c.width }));
    const heights = twoRows ? [rowHeightFor(groupCells(this.columns), DATA_SIZE, 20), rowHeightFor(own(true), DATA_SIZE, 20)] : [rowHeightFor(own(false), DATA_SIZE, 30)];
    const spanning = rowHeightFor(own(false), DATA_SIZE, 0);
    if (twoRows && heights[0]! + heights[1]! < spanning) heights[1] = spanning - heights[0]!;
    for (let r = top; r <= bottom; r++) {
      this.ws.getRow(r).height = heights[r - top]!;
      for (let c = 1; c <= this.width; c++) this.ws.getCell(r, c).border = THIN;
    }
    this.headerBottom = bottom;
  }

  /** A band naming a group (一、信息技术 …), merged across the table. */
  band(text: string, options: { pageBreakBefore?: boolean } = {}): number {
    const r = this.next++;
    if (options.pageBreakBefore && r > this.headerBottom + 1) {
      // Row.addPageBreak would need the row above, which may be committed already.
      (this.ws as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks.push({ id: r - 1, max: 16383, man: 1 });
    }
    this.merge(r, 1, r, this.width);
    this.text(r, 1, text, { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, fill: BAND });
    for (let c = 1; c <= this.width; c++) this.ws.getCell(r, c).border = THIN;
    this.ws.getRow(r).height = rowHeightFor([{ text, width: this.span(1, this.width) }], 11, 22);
    return r;
  }

  /**
   * One bordered data row; returns its row number. Every cell is given its column's shared style
   * object: exceljs caches a style's id by object identity, so one object per column is
   * registered once instead of every cell's style being serialised to be deduplicated. The row
   * stays open (for `mergeDown`) until `flush`.
   */
  row(values: CellInput[]): number {
    const r = this.next++;
    const row = this.ws.getRow(r);
    // The row's own style (always empty here; untyped in exceljs's .d.ts) is shared likewise: a
    // fresh {} per row would cost the same serialise-to-deduplicate step at write time.
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = NO_STYLE;
    const n = Math.max(values.length, this.width);
    for (let i = 0; i < n; i++) {
      const cell = row.getCell(i + 1);
      if (i < values.length) cell.value = cellValue(values[i]!);
      // Past the table's width a value is unbordered; past the values a cell is only bordered.
      cell.style = i >= this.width ? DATA_STYLE_UNBORDERED : i >= values.length ? BORDER_ONLY : this.dataStyles[i]!;
    }
    this.pending.push({ r, values });
    return r;
  }

  /** Merges column `col` (1-based) from row `from` to `to` (one applicant over several findings). */
  mergeDown(col: number, from: number, to: number): void {
    if (to <= from) return;
    this.merge(from, col, to, col);
    this.pendingMerges.push({ col, from, to });
  }

  /**
   * Sets the heights of the open data rows from their measured text and commits them: nothing
   * above the next row can change afterwards. Pauses now and then so the streams can drain.
   */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const first = this.pending[0]!.r;
    const heights = new Map<number, number>();
    const mergedMaster = new Set(this.pendingMerges.map((m) => `${m.from}:${m.col}`));
    for (const p of this.pending) {
      const cells = p.values.slice(0, this.width).flatMap((v, i) =>
        v === null || mergedMaster.has(`${p.r}:${i + 1}`) ? [] : [{ text: String(v), width: this.columns[i]!.width }],
      );
      heights.set(p.r, rowHeightFor(cells, DATA_SIZE, 18));
    }
    // A merged cell's text fits the rows it spans together; the last row takes what is missing.
    for (const m of this.pendingMerges) {
      const v = this.pending[m.from - first]?.values[m.col - 1];
      if (v === null || v === undefined) continue;
      const need = heightForLines(lineCount(String(v), this.columns[m.col - 1]!.width), DATA_SIZE);
      let have = 0;
      for (let r = m.from; r <= m.to; r++) have += heights.get(r) ?? 0;
      if (have < need) heights.set(m.to, (heights.get(m.to) ?? 0) + need - have);
    }
    for (const [r, h] of heights) this.ws.getRow(r).height = h;
    const last = this.pending[this.pending.length - 1]!.r;
    this.sincePause += this.pending.length;
    this.pending = [];
    this.pendingMerges = [];
    this.commitTo(last);
    if (this.sincePause >= ROWS_PER_PAUSE) {
      this.sincePause = 0;
      await new Promise((resolve) => setImmediate(resolve));
      await drained(this.ws);
    }
  }

  /** An unbordered line below the table (合计, notes). */
  note(text: string): void {
    const r = this.next++;
    this.merge(r, 1, r, this.width);
    this.text(r, 1, text, { font: { name: FONT, size: DATA_SIZE }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
    this.ws.getRow(r).height = rowHeightFor([{ text, width: this.span(1, this.width) }], DATA_SIZE, 18);
  }

  /** The lines an office fills in, signs and stamps, under the table. */
  signBlock(): void {
    this.next++; // one blank row between the table and the block
    for (const line of SIGN_BLOCK[this.lang]) {
      const r = this.next++;
      this.merge(r, 1, r, this.width);
      this.text(r, 1, line, { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
      this.ws.getRow(r).height = rowHeightFor([{ text: line, width: this.span(1, this.width) }], 11, 30);
    }
  }

  /**
   * Merges a range. exceljs's mergeCells checks a new merge against every earlier one of the
   * sheet, which is quadratic over a long list (the return list merges five cells per applicant
   * with several reasons). Every merge of a sheet goes through here and, in practice, top to
   * bottom: a range below every earlier merge in its columns cannot overlap one, so exceljs is
   * then shown an empty merge index to check against and the new merge is added to the real one.
   * Anything else takes exceljs's checked path. (Merging on `ws` directly would bypass the
   * bookkeeping: don't.)
   */
  private merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return; // one cell: nothing to merge
    let below = true;
    for (let c = left; c <= right && below; c++) below = (this.mergedTo[c] ?? 0) < top;
    const ws = this.ws as unknown as { _merges?: unknown[] | Record<string, unknown> };
    const index = ws._merges;
    if (below && index && typeof index === 'object') {
      // An array in the streaming writer, an object keyed by master address in the in-memory one.
      ws._merges = Array.isArray(index) ? [] : {};
      try {
        this.ws.mergeCells(top, left, bottom, right);
      } finally {
        const added = ws._merges;
        if (Array.isArray(index)) index.push(...(added as unknown[]));
        else Object.assign(index, added);
        ws._merges = index;
      }
    } else {
      this.ws.mergeCells(top, left, bottom, right);
    }
    for (let c = left; c <= right; c++) this.mergedTo[c] = Math.max(this.mergedTo[c] ?? 0, bottom);
  }

  /**
   * Ends the sheet (set up for print when it was made: A4, landscape when the columns need it,
   * one page wide, header rows on every page, page numbers): commits the rest, after which
   * nothing can be added.
   */
  async finish(): Promise<void> {
    await this.flush();
    this.commitTo(this.next - 1);
    const writer = this.ws as unknown as { commit?: () => void };
    if (typeof writer.commit === 'function') writer.commit();
  }

  private commitTo(r: number): void {
    if (r <= this.committedTo) return;
    const row = this.ws.getRow(r) as unknown as { commit?: () => void };
    // Rows of the in-memory workbook (tests) have nothing to commit.
    if (typeof row.commit === 'function') row.commit();
    this.committedTo = r;
  }

  /** Width in column units of columns `from`..`to` (1-based). */
  private span(from: number, to: number): number {
    let w = 0;
    for (let c = from; c <= to; c++) w += this.columns[c - 1]?.width ?? 0;
    return w;
  }

  private text(r: number, c: number, v: CellInput, style: Partial<ExcelJS.Style>): void {
    const cell = this.ws.getCell(r, c);
    cell.value = cellValue(v);
    // Assigned into the cell's own style object: a merged follower shares that object with its master.
    Object.assign(cell, style);
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

// A plain JS string is stored as a string cell by exceljs (never a formula, never re-parsed).
// "_xHHHH_" in the text is protected, or Excel would show it as the character it encodes.
function cellValue(v: CellInput): ExcelJS.CellValue {
  return v === null || v === '' ? null : typeof v === 'string' ? excelCellText(v) : v;
}

// Shared by many cells, so frozen: a style change must assign a new object, never edit these.
function frozen<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') frozen(v as object);
  return Object.freeze(o);
}

const DATA_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10 };
const dataAlignment = (horizontal: 'left' | 'center'): Partial<ExcelJS.Alignment> => ({ horizontal, vertical: 'middle', wrapText: true });
const DATA_STYLE: Record<'left' | 'center', Partial<ExcelJS.Style>> = {
  left: frozen({ font: DATA_FONT, alignment: dataAlignment('left'), border: THIN }),
  center: frozen({ font: DATA_FONT, alignment: dataAlignment('center'), border: THIN }),
};
const DATA_STYLE_UNBORDERED: Partial<ExcelJS.Style> = frozen({ font: DATA_FONT, alignment: dataAlignment('left') });
const BORDER_ONLY: Partial<ExcelJS.Style> = frozen({ border: THIN });
const NO_STYLE: Partial<ExcelJS.Style> = frozen({});

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const BAND: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/**
 * Waits until the zip has taken what the sheet wrote so far. exceljs hands the sheet's XML to the
 * zip without heeding back-pressure, so rows committed faster than they are deflated and written
 * would pile up in memory (~80 MB for a 100 000-row list); the zip's input (the sheet stream's
 * pipe) says when it is full, and the file stream pushes back on the zip in turn.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  // The zip's streams are readable-stream's (archiver), which keep the flag only in their state.
  type ZipInput = Writable & { _writableState?: { needDrain?: boolean } };
  const pipes = (ws as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) if (pipe._writableState?.needDrain) await once(pipe, 'drain');
}

// Deflate level 1 instead of the default 6: the lists are mostly repeated row XML, which level 1
// still packs well, at a fraction of the cost.
function listWorkbook(stream: Writable): ListWorkbook {
  return new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
}

/** A list built by `build` as .xlsx bytes (for tests and callers that want the bytes). */
export async function xlsxBytes(build: (wb: ListWorkbook) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject));
  const wb = listWorkbook(sink);
  await build(wb);
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** A list built by `build`, streamed to a temp file beside `target` and renamed into place. */
export async function writeXlsxFile(target: string, build: (wb: ListWorkbook) => Promise<void>): Promise<void> {
  await writeViaTemp(target, async (tmp) => {
    const file = createWriteStream(tmp);
    const closed = new Promise<void>((resolve, reject) => file.on('close', resolve).on('error', reject));
    const wb = listWorkbook(file);
    try {
      await build(wb);
      await wb.commit();
    } finally {
      if (!file.writableEnded) file.end();
      await closed;
    }
  });
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
