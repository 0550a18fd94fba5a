import type ExcelJS from 'exceljs';
import type { Lang } from '../core/types.js';
import { FOOTER, LIST_SIDE_MARGIN, needsLandscape, PAGE_MARGINS } from '../format/page-footer.js';

// The template is written by exceljs, not as our own XML: this is printSetupXml's set-up (A4,
// landscape when the columns need it, one page wide, centred, the lists' margins, 第x页 共y页) in
// exceljs's terms, from the same constants, so the template's 填写说明 prints like our lists.

/** exceljs page set-up and footer for a sheet with these column widths; `titleRows` repeat on every page ("5:5"). */
export function listPrintSetup(widths: readonly number[], lang: Lang, titleRows?: string): { pageSetup: Partial<ExcelJS.PageSetup>; headerFooter: Partial<ExcelJS.HeaderFooter> } {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: needsLandscape(widths.reduce((a, b) => a + b, 0)) ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: LIST_SIDE_MARGIN, right: LIST_SIDE_MARGIN, ...PAGE_MARGINS },
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
    },
    headerFooter: { oddFooter: FOOTER[lang] },
  };
}
