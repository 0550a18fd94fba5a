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
export function printSetupXml(o: { landscape: boolean; sideMargin: number; lang: Lang }): string {
  const m = PAGE_MARGINS;
  return (
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${o.sideMargin}" right="${o.sideMargin}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="${o.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${escapeXml(FOOTER[o.lang])}</oddFooter></headerFooter>`
  );
}
