import type { Applicant, FieldId } from '../../../core/types.js';
import { firstDay, isoOf, lastDay, parseDateValue, type PartialDate } from '../../../normalize/date-text.js';
import type { RowContext } from '../../check-kind.js';

/** A roster date cell: blank, not a date, or a date as precise as written. */
export type DateCell =
  | { state: 'blank' }
  | { state: 'unreadable' }
  | { state: 'date'; date: PartialDate; first: string; last: string };

export function readDateCell(app: Applicant, field: FieldId): DateCell {
  const date = parseDateValue(app.values.get(field));
  if (date === undefined) return { state: 'blank' };
  if (date === null) return { state: 'unreadable' };
  return { state: 'date', date, first: firstDay(date), last: lastDay(date) };
}

/** ISO of a day-precise cell, else null. */
export function dayOf(cell: DateCell): string | null {
  return cell.state === 'date' && cell.date.precision === 'day' ? isoOf(cell.date) : null;
}

export const EXPECT_DATE = { expected: '日期', expectedEn: 'a date' } as const;
export const EXPECT_DAY = { expected: '具体到日的日期，如2024-03-11', expectedEn: 'a full date such as 2024-03-11' } as const;

export function reportUnreadableDate(ctx: RowContext, field: FieldId, expect: typeof EXPECT_DATE | typeof EXPECT_DAY = EXPECT_DATE): void {
  ctx.report('unreadable', { field, data: { ...expect } });
}
