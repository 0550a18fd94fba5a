import type { OpenedWorkbook } from '../io/open-roster-file.js';
import { cellText } from '../normalize/text.js';
import { readPackageMarker } from './marker.js';
import { PackageReader } from './package-reader.js';
import { ourSheetByContent } from './summary-sheets.js';
import { ourSheetRole } from './texts.js';

// Whether a workbook is an annotated copy of ours: by our marker (docProps/custom.xml), or — when
// a program that drops custom properties (openpyxl) saved it — by our sheets: named as ours and
// holding what we write there. The run's notes and the copy's writer ask the same question here,
// so the notes say what the copy does.

export interface EarlierScreening {
  /** The workbook carries our marker. */
  marked: boolean;
  /** Sheets named as ours whose content is ours (recognised without the marker). */
  sheets: string[];
}

/** Rows read from each candidate sheet: our summary's tool and SHA-256 rows come within these. */
const ROWS = 16;

export async function earlierScreening(wb: OpenedWorkbook): Promise<EarlierScreening> {
  if (wb.kind !== 'xlsx') return { marked: false, sheets: [] };
  let marked: boolean;
  try {
    marked = (await readPackageMarker(new PackageReader(wb.file, wb.bytes))).marker !== null;
  } catch {
    marked = false;
  }
  const sheets: string[] = [];
  for (const [index, s] of wb.sheets.entries()) {
    const role = ourSheetRole(s.name);
    if (!role) continue;
    const rows: string[][] = [];
    await wb.readRows(index, (r) => {
      const texts: string[] = [];
      r.cells.forEach((c, i) => (texts[i] = cellText(c).trim()));
      while (rows.length < r.row - 1 && rows.length < ROWS) rows.push([]);
      rows.push(Array.from(texts, (t) => t ?? ''));
      return rows.length >= ROWS ? false : undefined;
    });
    if (ourSheetByContent(rows) === role) sheets.push(s.name);
  }
  return { marked, sheets };
}

/** Whether the workbook is recognised as an earlier copy of ours (marker, or our sheets by content). */
export function isEarlierCopy(e: EarlierScreening): boolean {
  return e.marked || e.sheets.length > 0;
}
