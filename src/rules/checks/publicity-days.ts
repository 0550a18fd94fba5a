import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { IsoDateString } from '../schema.js';
import { EXPECT_DAY } from './shared/date-cell.js';
import { readPublicity } from './shared/publicity-period.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    startField: doc(z.string().min(1), COMMON.startField),
    endField: doc(z.string().min(1), COMMON.endField),
    periodField: doc(z.string().min(1), COMMON.periodField),
    /** Working days in [start, end], both ends included. */
    minWorkingDays: doc(z.number().int().positive(), { zh: '公示最少工作日数（起止当天都算）', en: 'minimum working days of publicity (both ends included)' }),
    /** A 公示 starting earlier belongs to another round; default: the notice's issue date. */
    earliestStart: doc(IsoDateString.optional(), {
      zh: '公示最早开始日（更早的属于上一轮）；默认为通知印发日期',
      en: 'earliest publicity start (earlier belongs to another round); default: the notice date',
      yearly: true,
    }),
  })
  .strict();
type P = z.output<typeof Params>;

const RANGE = { expected: '起止日期，如2024年3月11日至3月15日', expectedEn: 'a date range such as 2024-03-11 to 2024-03-15' };

// The in-unit 公示 lasts at least N working days by the State Council calendar (docs/rules.md §4).
// Years without a loaded calendar are counted Monday–Friday, with a warning saying so.
export default defineCheck({
  type: 'row',
  kind: 'publicity-days',
  description: 'The publicity period has at least N working days (official calendar), ends after it starts, and starts in this round',
  params: Params,
  outcomes: ['short', 'reversed', 'early-start', 'no-calendar', 'blank', 'unreadable'],
  reads: (p: P) => ({
    required: [],
    optional: [p.startField, p.endField, p.periodField],
    anyOf: [[p.startField, p.endField], [p.periodField]],
    // The period column is a range written as text ("2024.3.1-2024.3.7").
    types: { [p.startField]: 'date', [p.endField]: 'date', [p.periodField]: 'text' },
  }),
  create(p: P) {
    // The one memo kept (issue 16): most rows of a roster share their 公示 dates, and counting a
    // period day by day for every row cost ~0.1 s per 10 000 rows. Made per screening (one calendar).
    const counts = new Map<string, { count: number; unknownYears: number[] }>();
    return (app, ctx) => {
      const period = readPublicity(app, p, ctx);
      for (const problem of period.problems) {
        if (problem.outcome === 'blank') ctx.report('blank', { field: problem.field, data: { min: p.minWorkingDays } });
        else ctx.report('unreadable', { field: problem.field, data: problem.field === p.periodField ? RANGE : EXPECT_DAY });
      }
      const { start, end } = period;
      if (start === undefined || end === undefined) return;

      const earliest = p.earliestStart ?? ctx.env.ruleSet.notice.issued;
      if (start < earliest) ctx.report('early-start', { field: period.startField, data: { start, earliest } });
      if (end < start) return ctx.report('reversed', { field: period.endField, data: { start, end } });

      const calendar = ctx.env.calendar;
      const key = `${start}|${end}`;
      let counted = counts.get(key);
      if (counted === undefined) {
        if (counts.size >= 10_000) counts.clear();
        counts.set(key, (counted = calendar.countWorkingDays(start, end)));
      }
      const { count, unknownYears } = counted;
      if (unknownYears.length > 0) {
        ctx.report('no-calendar', {
          field: period.startField,
          data: { start, end, count, years: unknownYears.join('、'), yearsEn: unknownYears.join(', ') },
        });
      }
      if (count < p.minWorkingDays) {
        ctx.report('short', {
          field: period.startField,
          data: { start, end, count, min: p.minWorkingDays, needEnd: calendar.nthWorkingDay(start, p.minWorkingDays) },
        });
      }
    };
  },
});
