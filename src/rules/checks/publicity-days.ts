import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { IsoDateString } from '../schema.js';
import { EXPECT_DAY } from './shared/date-cell.js';
import { readPublicity } from './shared/publicity-period.js';
import { boundedMemo } from '../../core/bounded-memo.js';
import type { WorkingCalendar } from '../../calendar/working-days.js';

const Params = z
  .object({
    startField: z.string().min(1),
    endField: z.string().min(1),
    periodField: z.string().min(1),
    /** Working days in [start, end], both ends included. */
    minWorkingDays: z.number().int().positive(),
    /** A 公示 starting earlier belongs to another round; default: the notice's issue date. */
    earliestStart: IsoDateString.optional(),
  })
  .strict();
type P = z.output<typeof Params>;

const RANGE = { expected: '起止日期，如2024年3月11日至3月15日', expectedEn: 'a date range such as 2024-03-11 to 2024-03-15' };

// Most rows of a roster share their 公示 dates: count each period once per calendar.
interface Counts {
  count(key: string): { count: number; unknownYears: number[] };
  nth(key: string): string;
}
const counters = new WeakMap<WorkingCalendar, Counts>();
function countsOf(calendar: WorkingCalendar): Counts {
  let c = counters.get(calendar);
  if (c === undefined) {
    c = {
      count: boundedMemo((key) => calendar.countWorkingDays(key.slice(0, 10), key.slice(11))),
      nth: boundedMemo((key) => calendar.nthWorkingDay(key.slice(0, 10), Number(key.slice(11)))),
    };
    counters.set(calendar, c);
  }
  return c;
}

// The in-unit 公示 lasts at least N working days by the State Council calendar (docs/rules.md §4).
// Years without a loaded calendar are counted Monday–Friday, with a warning saying so.
export default defineCheck<P>({
  type: 'row',
  kind: 'publicity-days',
  description: 'The publicity period has at least N working days (official calendar), ends after it starts, and starts in this round',
  params: Params,
  outcomes: ['short', 'reversed', 'early-start', 'no-calendar', 'blank', 'unreadable'],
  reads: (p) => ({
    required: [],
    optional: [p.startField, p.endField, p.periodField],
    anyOf: [[p.startField, p.endField], [p.periodField]],
  }),
  check(app, p, ctx) {
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

    const counts = countsOf(ctx.env.calendar);
    const { count, unknownYears } = counts.count(`${start}|${end}`);
    if (unknownYears.length > 0) {
      ctx.report('no-calendar', {
        field: period.startField,
        data: { start, end, count, years: unknownYears.join('、'), yearsEn: unknownYears.join(', ') },
      });
    }
    if (count < p.minWorkingDays) {
      ctx.report('short', {
        field: period.startField,
        data: { start, end, count, min: p.minWorkingDays, needEnd: counts.nth(`${start}|${p.minWorkingDays}`) },
      });
    }
  },
});
