import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { addDays } from '../../normalize/iso-date.js';
import { formatPartial } from '../../normalize/date-text.js';
import { readDateCell } from './shared/date-cell.js';
import { readPublicity } from './shared/publicity-period.js';

const Params = z
  .object({
    startField: z.string().min(1),
    endField: z.string().min(1),
    periodField: z.string().min(1),
    recommendField: z.string().min(1),
    applyField: z.string().min(1),
  })
  .strict();
type P = z.output<typeof Params>;

// Order of the procedure: individual application → in-unit 公示 → employer recommendation.
// The 公示 includes its last day, so recommending on that day is recommending before it ended.
// Blank and unreadable cells are left to publicity-days and the deadline rules (no double reports);
// month-only dates count only when every day they cover is out of order.
export default defineCheck<P>({
  type: 'row',
  kind: 'publicity-order',
  description: 'The employer recommends after the publicity period has ended; the publicity starts no earlier than the application',
  params: Params,
  outcomes: ['recommended-early', 'recommended-early-unclear', 'started-before-apply'],
  reads: (p) => ({
    required: [],
    optional: [p.startField, p.endField, p.periodField, p.recommendField, p.applyField],
    // Runs when at least one comparison is possible.
    anyOf: [
      [p.startField, p.endField, p.recommendField],
      [p.periodField, p.recommendField],
      [p.startField, p.endField, p.applyField],
      [p.periodField, p.applyField],
    ],
  }),
  check(app, p, ctx) {
    const period = readPublicity(app, p, ctx);
    const { start, end } = period;

    const rec = ctx.has(p.recommendField) ? readDateCell(app, p.recommendField) : undefined;
    if (end !== undefined && rec?.state === 'date') {
      const data = { recommend: formatPartial(rec.date), end, after: addDays(end, 1) };
      if (rec.last <= end) ctx.report('recommended-early', { field: p.recommendField, data });
      else if (rec.first <= end) ctx.report('recommended-early-unclear', { field: p.recommendField, data });
    }

    const apply = ctx.has(p.applyField) ? readDateCell(app, p.applyField) : undefined;
    if (start !== undefined && apply?.state === 'date' && start < apply.first) {
      ctx.report('started-before-apply', { field: period.startField, data: { start, apply: formatPartial(apply.date) } });
    }
  },
});
