import type { Lang } from '../core/types.js';
import { escapeXml } from '../ooxml/xml-text.js';

// A4 portrait holds about this many column units at our margins; wider tables print landscape.
export const PORTRAIT_UNITS = 110;

/** Whether columns this wide (Excel units, summed) need A4 landscape to stay legible fitted to the width. */
export function needsLandscape(units: number): boolean {
  return units > PORTRAIT_UNITS;
}

/** Left and right margin (inches) of the lists, and of the roster sheet of a copy we rebuilt. */
export const LIST_SIDE_MARGIN = 0.4;

/** Top and bottom margins (inches) of every sheet we write; the sides are the caller's (sideMargin). */
export const PAGE_MARGINS = { top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const;

/** Page footer of every sheet we write: 第x页 共y页 (Excel's &P / &N codes), centred. */
export const FOOTER: Record<Lang, string> = { zh: '&C第&P页 共&N页', en: '&CPage &P of &N' };

/**
 * The print set-up every sheet we write as XML ends with (the lists, the annotated copy's
 * 预审汇总 and 预审规则, and the roster sheet of a copy we rebuilt from a CSV, .xls or .ods): centred, A4 (paperSize 9), one page across and as many down as needed,
 * page numbers in the footer.
 */
export function printSetupXml(o: { landscape: boolean; sideMargin: number; lang: Lang; /** The sheet's prefix for its main namespace ("x:"), if any. */ prefix?: string }): string {
  const m = PAGE_MARGINS;
  const p = o.prefix ?? '';
  return (
    `<${p}printOptions horizontalCentered="1"/>` +
    `<${p}pageMargins left="${o.sideMargin}" right="${o.sideMargin}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<${p}pageSetup paperSize="9" orientation="${o.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    `<${p}headerFooter><${p}oddFooter>${escapeXml(FOOTER[o.lang])}</${p}oddFooter></${p}headerFooter>`
  );
}

/** Manual page breaks after these rows (`<rowBreaks>`, after the print set-up in schema order); '' for none. */
export function rowBreaksXml(breaksAfter: readonly number[]): string {
  if (breaksAfter.length === 0) return '';
  const brks = breaksAfter.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('');
  return `<rowBreaks count="${breaksAfter.length}" manualBreakCount="${breaksAfter.length}">${brks}</rowBreaks>`;
}

// A4 in points, and Excel's column unit in points (7 px a character plus 5 px padding, at 96 dpi).
const A4 = { long: 841.9, short: 595.3 };
const PT_PER_UNIT = 5.25;
const COL_PADDING_PT = 3.75;

/**
 * Points of rows (at the sheet's own scale) that fit down one page printed with printSetupXml's
 * set-up: the page less its top and bottom margins, divided by the scale fitting the columns to
 * the width (never above 100 %: fitToWidth only shrinks).
 */
export function printableHeight(o: { landscape: boolean; sideMargin: number; widths: readonly number[] }): number {
  const [w, h] = o.landscape ? [A4.long, A4.short] : [A4.short, A4.long];
  const sheetWidth = o.widths.reduce((sum, u) => sum + u * PT_PER_UNIT + COL_PADDING_PT, 0);
  const scale = Math.min(1, (w - 2 * o.sideMargin * 72) / sheetWidth);
  return (h - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72) / scale;
}
