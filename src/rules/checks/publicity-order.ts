import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { addDays } from '../../normalize/iso-date.js';
import { formatPartial } from '../../normalize/date-text.js';
import { dateOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import { readPublicity } from './shared/publicity-period.js';

const Params = z
  .object({
    startField: doc(z.string().min(1), COMMON.startField),
    endField: doc(z.string().min(1), COMMON.endField),
    periodField: doc(z.string().min(1), COMMON.periodField),
    recommendField: doc(z.string().min(1), { zh: '单位推荐日期所在列', en: 'employer recommendation date column' }),
    applyField: doc(z.string().min(1), { zh: '个人申报日期所在列', en: 'application date column' }),
  })
  .strict();
type P = z.output<typeof Params>;

// Order of the procedure: individual application → in-unit 公示 → employer recommendation.
// Before the 公示's last day is an error. On that day it is for a person to check (the notice asks
// for the recommendation after the 公示; the round's own latest schedule, 公示 to 3月21日 and the
// employer deadline 3月21日, leaves only that day), never a failure the notice does not state.
// Blank and unreadable cells are left to publicity-days and the deadline rules (no double reports);
// month-only dates count only when every day they cover is out of order.
export default defineCheck({
  type: 'row',
  kind: 'publicity-order',
  description: 'The employer recommends after the publicity period has ended; the publicity starts no earlier than the application',
  params: Params,
  outcomes: ['recommended-early', 'recommended-last-day', 'recommended-early-unclear', 'started-before-apply'],
  reads: (p: P) => ({
    required: [],
    optional: [p.startField, p.endField, p.periodField, p.recommendField, p.applyField],
    // Runs when at least one comparison is possible.
    anyOf: [
      [p.startField, p.endField, p.recommendField],
      [p.periodField, p.recommendField],
      [p.startField, p.endField, p.applyField],
      [p.periodField, p.applyField],
    ],
    types: { [p.startField]: 'date', [p.endField]: 'date', [p.periodField]: 'text', [p.recommendField]: 'date', [p.applyField]: 'date' },
  }),
  create: (p: P) => (app, ctx) => {
    const period = readPublicity(app, p, ctx);
    const { start, end } = period;

    const rec = ctx.has(p.recommendField) ? dateOf(app, p.recommendField) : undefined;
    if (end !== undefined && rec?.state === 'date') {
      const data = { recommend: formatPartial(rec.date), end, after: addDays(end, 1) };
      if (rec.last < end) ctx.report('recommended-early', { field: p.recommendField, data });
      else if (rec.first === end && rec.last === end) ctx.report('recommended-last-day', { field: p.recommendField, data });
      else if (rec.first <= end) ctx.report('recommended-early-unclear', { field: p.recommendField, data });
    }

    const apply = ctx.has(p.applyField) ? dateOf(app, p.applyField) : undefined;
    if (start !== undefined && apply?.state === 'date' && start < apply.first) {
      ctx.report('started-before-apply', { field: period.startField, data: { start, apply: formatPartial(apply.date) } });
    }
  },
});
