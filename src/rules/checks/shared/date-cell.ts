import type { CellValue, FieldId } from '../../../core/types.js';
import { firstDay, lastDay, parseDateText, parseDateValue, type PartialDate } from '../../../normalize/date-text.js';
import type { RowContext } from '../../check-kind.js';
import { withoutFormatChars } from '../../../normalize/text.js';

/** A roster date cell: blank, not a date, or a date as precise as written. */
export type DateCell =
  | { state: 'blank' }
  | { state: 'unreadable' }
  | { state: 'date'; date: PartialDate; first: string; last: string };

const BLANK: DateCell = { state: 'blank' };
const UNREADABLE: DateCell = { state: 'unreadable' };

function toCell(date: PartialDate | null | undefined): DateCell {
  if (date === undefined) return BLANK;
  if (date === null) return UNREADABLE;
  return { state: 'date', date, first: firstDay(date), last: lastDay(date) };
}

export function dateCellOf(v: CellValue | undefined): DateCell {
  if (v === undefined) return BLANK;
  return v.kind === 'string' ? toCell(withoutFormatChars(v.text).trim() === '' ? undefined : parseDateText(v.text)) : toCell(parseDateValue(v));
}

/** ISO of a day-precise cell, else null. */
export function dayOf(cell: DateCell): string | null {
  return cell.state === 'date' && cell.date.precision === 'day' ? cell.first : null;
}

export const EXPECT_DATE = { expected: '日期', expectedEn: 'a date' } as const;
export const EXPECT_DAY = { expected: '具体到日的日期，如2024-03-11', expectedEn: 'a full date such as 2024-03-11' } as const;

export function reportUnreadableDate(ctx: RowContext, field: FieldId, expect: typeof EXPECT_DATE | typeof EXPECT_DAY = EXPECT_DATE): void {
  ctx.report('unreadable', { field, data: { ...expect } });
}
