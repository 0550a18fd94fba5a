import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { valueOf } from '../field-access.js';
import { IsoDateString } from '../schema.js';
import { firstDay, formatPartial, lastDay, parseDateValue } from '../../normalize/date-text.js';
import { addYears } from '../../normalize/iso-date.js';
import { isPoge } from './shared/poge.js';

const Params = z
  .object({
    field: z.string().min(1).default('currentTitleDate'),
    pogeField: z.string().min(1).default('poge'),
    /** Whole years the current title must have been held. */
    years: z.number().int().positive(),
    /** The day by which they must be complete. */
    cutoff: IsoDateString,
    /** A later day: complete only by this one → review (which cut-off applies is unconfirmed). */
    altCutoff: IsoDateString,
  })
  .strict()
  .refine((p) => p.altCutoff >= p.cutoff, { message: 'altCutoff must not be before cutoff', path: ['altCutoff'] });
type P = z.output<typeof Params>;

// 0 = complete by the cut-off, 1 = only by the alternative cut-off, 2 = not even then.
function grade(day: string, p: P): { level: 0 | 1 | 2; due: string } {
  const due = addYears(day, p.years);
  return { level: due <= p.cutoff ? 0 : due <= p.altCutoff ? 1 : 2, due };
}

/**
 * Years since the current title was obtained. A date given to the month or year covers days E…L:
 * the outcome is L's, but at most a warning when E's outcome is better (rules-2023.md §3).
 */
export default defineCheck<P>({
  type: 'row',
  kind: 'seniority',
  description: 'The current title has been held for the required years by the cut-off date',
  params: Params,
  outcomes: ['blank', 'unreadable', 'late', 'short', 'short-poge', 'imprecise'],
  reads: (p) => ({ required: [p.field], optional: [p.pogeField] }),
  check(app, p, ctx) {
    const date = parseDateValue(valueOf(app, p.field));
    if (date === undefined) return ctx.report('blank', { field: p.field });
    if (date === null) {
      return ctx.report('unreadable', { field: p.field, data: { expected: '日期', expectedEn: 'a date' } });
    }
    const early = grade(firstDay(date), p);
    const late = grade(lastDay(date), p);
    const data = {
      date: formatPartial(date),
      years: p.years,
      cutoff: p.cutoff,
      altCutoff: p.altCutoff,
      due: late.due,
      earliestDue: early.due,
    };
    if (late.level === 0) return;
    if (late.level === 1) return ctx.report('late', { field: p.field, data });
    if (early.level < late.level) return ctx.report('imprecise', { field: p.field, data });
    ctx.report(isPoge(app, p.pogeField) ? 'short-poge' : 'short', { field: p.field, data });
  },
});
