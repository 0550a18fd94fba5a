import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { IsoDateString } from '../schema.js';
import { formatPartial } from '../../normalize/date-text.js';
import { addYears } from '../../normalize/iso-date.js';
import { isPoge } from './shared/poge.js';
import { dateOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import type { DateCell } from './shared/date-cell.js';

const Params = z
  .object({
    field: doc(z.string().min(1).default('currentTitleDate'), COMMON.field),
    pogeField: doc(z.string().min(1).default('poge'), COMMON.pogeField),
    /** Whole years the current title must have been held. */
    years: doc(z.number().int().positive(), { zh: '取得现资格后须满的年数', en: 'whole years the current title must have been held' }),
    /** The day by which they must be complete. */
    cutoff: doc(IsoDateString, { zh: '年限计算截止日 YYYY-MM-DD', en: 'day by which the years must be complete, YYYY-MM-DD', yearly: true }),
    /** A later day: complete only by this one → review (which cut-off applies is unconfirmed). */
    altCutoff: doc(IsoDateString, {
      zh: '较晚的备选截止日：仅按此日才满足的列为待复核',
      en: 'later alternative cut-off: meeting only this one → review',
      yearly: true,
    }),
  })
  .strict()
  .refine((p) => p.altCutoff >= p.cutoff, { message: 'altCutoff must not be before cutoff', path: ['altCutoff'] });
type P = z.output<typeof Params>;

// 0 = complete by the cut-off, 1 = only by the alternative cut-off, 2 = not even then.
function grade(day: string, p: P): { level: 0 | 1 | 2; due: string } {
  const due = addYears(day, p.years);
  return { level: due <= p.cutoff ? 0 : due <= p.altCutoff ? 1 : 2, due };
}

interface Assessment {
  outcome: 'blank' | 'unreadable' | 'late' | 'short' | 'imprecise' | null;
  data?: Record<string, string | number>;
}

function assess(cell: DateCell, p: P): Assessment {
  if (cell.state === 'blank') return { outcome: 'blank' };
  if (cell.state === 'unreadable') return { outcome: 'unreadable', data: { expected: '日期', expectedEn: 'a date' } };
  const early = grade(cell.first, p);
  const late = grade(cell.last, p);
  if (late.level === 0) return { outcome: null };
  const data = { date: formatPartial(cell.date), years: p.years, cutoff: p.cutoff, altCutoff: p.altCutoff, due: late.due, earliestDue: early.due };
  if (late.level === 1) return { outcome: 'late', data };
  return { outcome: early.level < late.level ? 'imprecise' : 'short', data };
}

/**
 * Years since the current title was obtained. A date given to the month or year covers days E…L:
 * the outcome is L's, but at most a warning when E's outcome is better (docs/rules.md §3).
 */
export default defineCheck({
  type: 'row',
  kind: 'seniority',
  description: 'The current title has been held for the required years by the cut-off date',
  params: Params,
  outcomes: ['blank', 'unreadable', 'late', 'short', 'short-poge', 'imprecise'],
  reads: (p: P) => ({ required: [p.field], optional: [p.pogeField], types: { [p.field]: 'date', [p.pogeField]: 'yes-no' } }),
  create: (p: P) => (app, ctx) => {
    const { outcome, data } = assess(dateOf(app, p.field), p);
    if (outcome === null) return;
    const key = outcome === 'short' && isPoge(app, p.pogeField) ? 'short-poge' : outcome;
    ctx.report(key, { field: p.field, data });
  },
});
