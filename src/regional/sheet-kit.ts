import type ExcelJS from 'exceljs';
import { protectXString } from '../output/xlsx-text.js';

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
  /** Rows of the header (for print titles and freezing). */
  private headerTop = 0;
  private headerBottom = 0;

  constructor(
    wb: ExcelJS.Workbook,
    name: string,
    private readonly columns: Column[],
  ) {
    this.ws = wb.addWorksheet(name);
    this.ws.columns = columns.map((c) => ({ width: c.width }));
  }

  get width(): number {
    return this.columns.length;
  }

  /** Row 1: the title, merged across the table. */
  title(text: string): void {
    const r = this.next++;
    this.ws.mergeCells(r, 1, r, this.width);
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
    this.ws.mergeCells(r, 1, r, split);
    this.ws.mergeCells(r, split + 1, r, this.width);
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
        this.ws.mergeCells(top, c + 1, bottom, c + 1);
        this.text(top, c + 1, col.header, style);
        continue;
      }
      this.text(bottom, c + 1, col.header, style);
      if (this.columns[c - 1]?.group === col.group) continue;
      let end = c;
      while (this.columns[end + 1]?.group === col.group) end++;
      if (end > c) this.ws.mergeCells(top, c + 1, top, end + 1);
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
    this.ws.mergeCells(r, 1, r, this.width);
    this.text(r, 1, text, { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, fill: BAND });
    for (let c = 1; c <= this.width; c++) this.ws.getCell(r, c).border = THIN;
    this.ws.getRow(r).height = 22;
    return r;
  }

  /** One bordered data row; returns its row number. */
  row(values: CellInput[]): number {
    const r = this.next++;
    values.forEach((v, i) => {
      const col = this.columns[i];
      this.text(r, i + 1, v, {
        font: { name: FONT, size: 10 },
        alignment: { horizontal: col?.align ?? 'left', vertical: 'middle', wrapText: true },
      });
    });
    for (let c = 1; c <= this.width; c++) this.ws.getCell(r, c).border = THIN;
    return r;
  }

  /** Merges column `col` (1-based) from row `from` to `to` (one applicant over several findings). */
  mergeDown(col: number, from: number, to: number): void {
    if (to > from) this.ws.mergeCells(from, col, to, col);
  }

  /** An unbordered line below the table (合计, notes). */
  note(text: string): void {
    const r = this.next++;
    this.ws.mergeCells(r, 1, r, this.width);
    this.text(r, 1, text, { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
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
    // A plain JS string is stored as a string cell by exceljs (never a formula, never re-parsed).
    // "_xHHHH_" in the text is protected, or Excel would show it as the character it encodes.
    cell.value = v === null || v === '' ? null : typeof v === 'string' ? protectXString(v) : v;
    Object.assign(cell, style);
  }
}

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const BAND: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

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
