import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { parseHours } from '../../normalize/hours.js';
import { quantityText } from './shared/number-text.js';

const Params = z
  .object({
    /** One column per year; each year is judged on its own (no carry-over). */
    years: z.array(z.object({ year: z.number().int(), field: z.string().min(1) }).strict()).min(1),
    minHours: z.number().positive(),
  })
  .strict();
type P = z.output<typeof Params>;

// Yearly CPD hours: each listed year must reach the minimum; every short, blank or unreadable year
// is its own finding.
export default defineCheck<P>({
  type: 'row',
  kind: 'min-hours-per-year',
  description: 'Hours of each listed year reach a minimum (each year separately, no carry-over)',
  params: Params,
  outcomes: ['short', 'blank', 'unreadable'],
  reads: (p) => ({ required: p.years.map((y) => y.field), optional: [] }),
  check(app, p, ctx) {
    const min = quantityText(p.minHours);
    for (const { year, field } of p.years) {
      const hours = parseHours(app.values.get(field));
      if (hours === undefined) {
        ctx.report('blank', { field, data: { year, min } });
      } else if (hours === null) {
        ctx.report('unreadable', { field, data: { year, expected: '学时数，如90', expectedEn: 'a number of hours such as 90' } });
      } else if (hours < p.minHours) {
        ctx.report('short', {
          field,
          data: { year, hours: quantityText(hours), min, gap: quantityText(p.minHours - hours) },
        });
      }
    }
  },
});
