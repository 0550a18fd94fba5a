import type ExcelJS from 'exceljs';
import { protectXString } from '../ooxml/xstring.js';

// Print-ready table sheets for the lists the office hands on: a title row, an info line, a
// (one- or two-row) header repeated on every printed page, bordered cells, A4 landscape, fit to
// width. Every value is written as typed text or a number, never a formula.

export interface Column {
  header: string;
  /** Upper header spanning adjacent columns with the same group (继续教育学时 over 2021年 …). */
  group?: string;
  width: number;
  align?: 'left' | 'center';
}

export type CellInput = string | number | null;

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export class TableSheet {
  readonly ws: ExcelJS.Worksheet;
  private next = 1;
  /** Per column (1-based), the last (bottom-most) row merged so far (see `merge`). */
  private readonly mergedTo: number[] = [];
  /** Rows of the header (for print titles and freezing). */
  private headerTop = 0;
  private headerBottom = 0;

  /** Data-row style per column (index = column − 1), shared by every cell of that column. */
  private readonly dataStyles: readonly Partial<ExcelJS.Style>[];

  constructor(
    wb: ExcelJS.Workbook,
    name: string,
    private readonly columns: Column[],
  ) {
    this.ws = wb.addWorksheet(name);
    this.ws.columns = columns.map((c) => ({ width: c.width }));
    this.dataStyles = columns.map((c) => DATA_STYLE[c.align ?? 'left']);
  }

  get width(): number {
    return this.columns.length;
  }

  /** Row 1: the title, merged across the table. */
  title(text: string): void {
    const r = this.next++;
    this.merge(r, 1, r, this.width);
    const cell = this.ws.getCell(r, 1);
    cell.value = protectXString(text);
    cell.font = { name: '黑体', size: 16, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    this.ws.getRow(r).height = 36;
  }

  /** A line above the table (填报单位 / 填报日期): left text and right text, unbordered. */
  info(left: string, right = ''): void {
    const r = this.next++;
    const split = Math.max(1, Math.ceil(this.width / 2));
    this.merge(r, 1, r, split);
    this.merge(r, split + 1, r, this.width);
    this.text(r, 1, left, { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } });
    this.text(r, split + 1, right, { font: { name: FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' } });
    this.ws.getRow(r).height = 24;
  }

  /** The header: two rows when any column has a group, else one. */
  header(): void {
    const twoRows = this.columns.some((c) => c.group);
    const top = this.next;
    const bottom = twoRows ? top + 1 : top;
    this.next = bottom + 1;
    const style = { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, fill: GREY } as const;
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
    for (let r = top; r <= bottom; r++) {
      this.ws.getRow(r).height = twoRows ? 20 : 30;
      for (let c = 1; c <= this.width; c++) this.ws.getCell(r, c).border = THIN;
    }
    this.headerTop = top;
    this.headerBottom = bottom;
  }

  /** A band naming a group (一、信息技术 …), merged across the table. */
  band(text: string, options: { pageBreakBefore?: boolean } = {}): number {
    const r = this.next++;
    if (options.pageBreakBefore && r > this.headerBottom + 1) this.ws.getRow(r - 1).addPageBreak();
    this.merge(r, 1, r, this.width);
    this.text(r, 1, text, { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, fill: BAND });
    for (let c = 1; c <= this.width; c++) this.ws.getCell(r, c).border = THIN;
    this.ws.getRow(r).height = 22;
    return r;
  }

  /**
   * One bordered data row; returns its row number. Every cell is given its column's shared style
   * object: exceljs caches a style's id by object identity, so one object per column is
   * registered once instead of every cell's style being serialised to be deduplicated.
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
    return r;
  }

  /** Merges column `col` (1-based) from row `from` to `to` (one applicant over several findings). */
  mergeDown(col: number, from: number, to: number): void {
    if (to > from) this.merge(from, col, to, col);
  }

  /** An unbordered line below the table (合计, notes). */
  note(text: string): void {
    const r = this.next++;
    this.merge(r, 1, r, this.width);
    this.text(r, 1, text, { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
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
    let below = true;
    for (let c = left; c <= right && below; c++) below = (this.mergedTo[c] ?? 0) < top;
    const ws = this.ws as unknown as { _merges?: Record<string, unknown> };
    const index = ws._merges;
    if (below && index && typeof index === 'object') {
      ws._merges = {};
      try {
        this.ws.mergeCells(top, left, bottom, right);
      } finally {
        Object.assign(index, ws._merges);
        ws._merges = index;
      }
    } else {
      this.ws.mergeCells(top, left, bottom, right);
    }
    for (let c = left; c <= right; c++) this.mergedTo[c] = Math.max(this.mergedTo[c] ?? 0, bottom);
  }

  /** A4 landscape, fit to one page wide, header rows on every page, page numbers, frozen header. */
  printReady(footer: string): void {
    this.ws.pageSetup = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(this.headerTop ? { printTitlesRow: `${this.headerTop}:${this.headerBottom}` } : {}),
    };
    this.ws.headerFooter = { oddFooter: footer };
    if (this.headerBottom) this.ws.views = [{ state: 'frozen', ySplit: this.headerBottom, xSplit: 0 }];
  }

  private text(r: number, c: number, v: CellInput, style: Partial<ExcelJS.Style>): void {
    const cell = this.ws.getCell(r, c);
    cell.value = cellValue(v);
    // Assigned into the cell's own style object: a merged follower shares that object with its master.
    Object.assign(cell, style);
  }
}

// A plain JS string is stored as a string cell by exceljs (never a formula, never re-parsed).
// "_xHHHH_" in the text is protected, or Excel would show it as the character it encodes.
function cellValue(v: CellInput): ExcelJS.CellValue {
  return v === null || v === '' ? null : typeof v === 'string' ? protectXString(v) : v;
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
 * The workbook as .xlsx bytes. Deflate level 1 instead of JSZip's default 6: the lists are
 * mostly repeated row XML, which level 1 still packs well, at a fraction of the (pure-JS) cost.
 */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
}

/** Numbers typed as text in a roster (`96`, `90.5`) become numbers; anything else stays text. */
export function numberOrText(s: string): CellInput {
  const t = s.trim();
  if (t === '') return null;
  return /^\d{1,6}(\.\d{1,3})?$/.test(t) ? Number(t) : t;
}

/** Chinese list numbering: 一、二、… 十、十一、… */
export function chineseOrdinal(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}
