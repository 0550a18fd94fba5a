import type { Applicant, FieldId } from '../../../core/types.js';
import { isoOf, parseDateRange } from '../../../normalize/date-text.js';
import type { RowContext } from '../../check-kind.js';
import { dayOf, type DateCell } from './date-cell.js';
import { dateOf, valueOf } from '../../field-access.js';

export interface PublicityFields {
  startField: FieldId;
  endField: FieldId;
  /** One cell holding the range, e.g. `2024年3月11日至3月15日`. */
  periodField: FieldId;
}

export interface PublicityPeriod {
  /** ISO days, set when readable to the day. */
  start?: string;
  end?: string;
  /** Cells to point at: the pair, or the period cell for both. */
  startField: FieldId;
  endField: FieldId;
  problems: { outcome: 'blank' | 'unreadable'; field: FieldId }[];
}

const BLANK: DateCell = { state: 'blank' };

/**
 * The 公示 period of an applicant from 公示开始/公示结束 or one 公示时间 cell. The pair wins when
 * both of its cells are filled; otherwise a filled period cell; otherwise whatever the pair has.
 * Only dates precise to the day count: `2024年3月` cannot be counted in working days.
 */
export function readPublicity(app: Applicant, f: PublicityFields, ctx: Pick<RowContext, 'has'>): PublicityPeriod {
  const pair = ctx.has(f.startField) && ctx.has(f.endField);
  const s = pair ? dateOf(app, f.startField) : BLANK;
  const e = pair ? dateOf(app, f.endField) : BLANK;
  const periodCell = ctx.has(f.periodField) ? valueOf(app, f.periodField) : undefined;
  const periodFilled = periodCell !== undefined && !(periodCell.kind === 'string' && periodCell.text.trim() === '');

  if (!(pair && s.state !== 'blank' && e.state !== 'blank') && periodFilled) {
    const out: PublicityPeriod = { startField: f.periodField, endField: f.periodField, problems: [] };
    const range = periodCell.kind === 'string' ? rangeOf(periodCell.text) : null;
    if (range === null) {
      out.problems.push({ outcome: 'unreadable', field: f.periodField });
    } else {
      out.start = range.start;
      out.end = range.end;
    }
    return out;
  }

  const out: PublicityPeriod = { startField: f.startField, endField: f.endField, problems: [] };
  if (!pair) {
    out.startField = out.endField = f.periodField;
    out.problems.push({ outcome: 'blank', field: f.periodField });
    return out;
  }
  if (s.state === 'blank' && e.state === 'blank') {
    out.problems.push({ outcome: 'blank', field: f.startField });
    return out;
  }
  out.start = take(s, f.startField, out);
  out.end = take(e, f.endField, out);
  return out;
}

// A range precise to the day at both ends, else null.
function rangeOf(text: string): { start: string; end: string } | null {
  const range = parseDateRange(text);
  if (range === null || range.start.precision !== 'day' || range.end.precision !== 'day') return null;
  return { start: isoOf(range.start), end: isoOf(range.end) };
}

function take(cell: DateCell, field: FieldId, out: PublicityPeriod): string | undefined {
  if (cell.state === 'blank') out.problems.push({ outcome: 'blank', field });
  else {
    const day = dayOf(cell);
    if (day !== null) return day;
    out.problems.push({ outcome: 'unreadable', field });
  }
  return undefined;
}
