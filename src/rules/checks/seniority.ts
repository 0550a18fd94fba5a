import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { IsoDateString } from '../schema.js';
import { firstDay, formatPartial, lastDay, parseDateValue } from '../../normalize/date-text.js';
import { addYears } from '../../normalize/iso-date.js';
import { isPoge } from './shared/poge.js';
import { perParams } from './shared/per-params.js';
import type { CellValue } from '../../core/types.js';

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

interface Assessment {
  outcome: 'blank' | 'unreadable' | 'late' | 'short' | 'imprecise' | null;
  data?: Record<string, string | number>;
}

function assess(v: CellValue | undefined, p: P): Assessment {
  const date = parseDateValue(v);
  if (date === undefined) return { outcome: 'blank' };
  if (date === null) return { outcome: 'unreadable', data: { expected: '日期', expectedEn: 'a date' } };
  const early = grade(firstDay(date), p);
  const late = grade(lastDay(date), p);
  if (late.level === 0) return { outcome: null };
  const data = { date: formatPartial(date), years: p.years, cutoff: p.cutoff, altCutoff: p.altCutoff, due: late.due, earliestDue: early.due };
  if (late.level === 1) return { outcome: 'late', data };
  return { outcome: early.level < late.level ? 'imprecise' : 'short', data };
}

// Dates repeat across a roster: assess each distinct cell once per rule (bounded memo).
const assessor = perParams((p: P) => {
  const memo = new Map<string, Assessment>();
  return (v: CellValue | undefined): Assessment => {
    const key =
      v === undefined ? '' : v.kind === 'string' ? `s${v.text}` : v.kind === 'number' ? `n${v.value}` : v.kind === 'date' ? `d${v.iso}` : null;
    if (key === null) return assess(v, p);
    let a = memo.get(key);
    if (a === undefined) {
      a = assess(v, p);
      if (memo.size >= 10_000) memo.clear();
      memo.set(key, a);
    }
    return a;
  };
});

/**
 * Years since the current title was obtained. A date given to the month or year covers days E…L:
 * the outcome is L's, but at most a warning when E's outcome is better (docs/rules.md §3).
 */
export default defineCheck<P>({
  type: 'row',
  kind: 'seniority',
  description: 'The current title has been held for the required years by the cut-off date',
  params: Params,
  outcomes: ['blank', 'unreadable', 'late', 'short', 'short-poge', 'imprecise'],
  reads: (p) => ({ required: [p.field], optional: [p.pogeField] }),
  check(app, p, ctx) {
    const { outcome, data } = assessor(p)(app.values.get(p.field));
    if (outcome === null) return;
    const key = outcome === 'short' && isPoge(app, p.pogeField) ? 'short-poge' : outcome;
    ctx.report(key, { field: p.field, data });
  },
});
