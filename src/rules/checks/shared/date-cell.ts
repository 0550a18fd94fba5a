import type { Applicant, CellValue, FieldId } from '../../../core/types.js';
import { firstDay, lastDay, parseDateText, parseDateValue, type PartialDate } from '../../../normalize/date-text.js';
import type { RowContext } from '../../check-kind.js';
import { boundedMemo } from '../../../core/bounded-memo.js';

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

// Same answers as parseDateValue, remembered per text (results are shared: treat them as read-only).
const fromText = boundedMemo((text: string) => toCell(text.trim() === '' ? undefined : parseDateText(text)));

// Several rules read the same date cell of an applicant (date-sanity, seniority, deadlines…), and
// the reader hands every rule the same CellValue object: remember the answers for the last few
// cells seen. A ring compared by identity, not a WeakMap: rules read a row's dates one row at a
// time, and a WeakMap entry per date cell (a million at 100 000 rows) cost more than parsing.
const RING = 32; // more than the date columns of one row
const ringKeys: (CellValue | undefined)[] = new Array<CellValue | undefined>(RING).fill(undefined);
const ringCells: DateCell[] = new Array<DateCell>(RING).fill(BLANK);
let ringNext = 0;

export function dateCellOf(v: CellValue | undefined): DateCell {
  if (v === undefined) return BLANK;
  for (let i = 0; i < RING; i++) if (ringKeys[i] === v) return ringCells[i]!;
  const cell = v.kind === 'string' ? fromText(v.text) : toCell(parseDateValue(v));
  ringKeys[ringNext] = v;
  ringCells[ringNext] = cell;
  ringNext = (ringNext + 1) % RING;
  return cell;
}

export function readDateCell(app: Applicant, field: FieldId): DateCell {
  return dateCellOf(app.values.get(field));
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
