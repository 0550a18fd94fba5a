import type { Applicant, CellValue, FieldId } from '../core/types.js';
import { cellText } from '../normalize/text.js';
import { parseHours } from '../normalize/hours.js';
import { parseYesNoValue } from '../normalize/yes-no.js';
import { dateCellOf, type DateCell } from './checks/shared/date-cell.js';

// Typed reads of an applicant's cells, one per value type the kinds judge. Each parses the cell
// when asked: at 10 000 rows parsing again is cheaper than any cache (measured when the per-kind
// memos were removed).

export function valueOf(app: Applicant, field: FieldId): CellValue | undefined {
  return app.values.get(field);
}

/** The cell's display text, trimmed; '' when blank or absent. */
export function textOf(app: Applicant, field: FieldId): string {
  return cellText(app.values.get(field)).trim();
}

/** A date cell: blank, unreadable, or a date as precise as written. */
export function dateOf(app: Applicant, field: FieldId): DateCell {
  return dateCellOf(app.values.get(field));
}

/** Hours: undefined = blank; null = not a number of hours. */
export function hoursOf(app: Applicant, field: FieldId): number | null | undefined {
  return parseHours(app.values.get(field));
}

/** 是/否: undefined = blank; null = not a yes/no answer. */
export function yesNoOf(app: Applicant, field: FieldId): boolean | null | undefined {
  return parseYesNoValue(app.values.get(field));
}
