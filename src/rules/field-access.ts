import type { Applicant, CellValue, FieldId } from '../core/types.js';
import { cellText } from '../normalize/text.js';
import { parseHours } from '../normalize/hours.js';
import { parseYesNoValue } from '../normalize/yes-no.js';
import { idFromCell, type IdCell } from '../normalize/id-number.js';
import { dateCellOf, type DateCell } from './checks/shared/date-cell.js';

// Typed reads of an applicant's cells, one per value type the kinds judge (ValueType in
// ./check-kind.ts): this is how a kind reads a field, and its `reads()` names the type of each. Each parses the cell when asked,
// except dates (below).

/** The cell as read, for kinds that judge how it was written (e.g. a date's precision). */
export function valueOf(app: Applicant, field: FieldId): CellValue | undefined {
  return app.values.get(field);
}

/** The cell's display text, trimmed; '' when blank or absent. */
export function textOf(app: Applicant, field: FieldId): string {
  return cellText(app.values.get(field)).trim();
}

// Dates are read by many kinds (date-sanity alone reads a row's four dates twice; the deadlines,
// seniority and the 公示 kinds read them again): each date cell of the row being checked is parsed
// once. Rows are checked one at a time (each a new Applicant object), so this holds one row:
// without it the checks of 10 000 rows took ~0.3 s longer (measured against the per-kind memos
// it replaces).
let rowDates: { app: Applicant; cells: Map<FieldId, DateCell> } | undefined;

/** A date cell: blank, unreadable, or a date as precise as written. */
export function dateOf(app: Applicant, field: FieldId): DateCell {
  if (rowDates?.app !== app) rowDates = { app, cells: new Map() };
  let cell = rowDates.cells.get(field);
  if (cell === undefined) rowDates.cells.set(field, (cell = dateCellOf(app.values.get(field))));
  return cell;
}

/** Hours: undefined = blank; null = not a number of hours. */
export function hoursOf(app: Applicant, field: FieldId): number | null | undefined {
  return parseHours(app.values.get(field));
}

/** 是/否: undefined = blank; null = not a yes/no answer. */
export function yesNoOf(app: Applicant, field: FieldId): boolean | null | undefined {
  return parseYesNoValue(app.values.get(field));
}

/** An ID number as written: its text, and whether Excel stored it as a number (digits may be lost). */
export function idOf(app: Applicant, field: FieldId): IdCell {
  return idFromCell(app.values.get(field));
}
