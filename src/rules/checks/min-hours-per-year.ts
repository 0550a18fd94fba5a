import { z } from 'zod';
import { defineCheck, readAs } from '../check-kind.js';
import { hoursOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { quantityText } from './shared/number-text.js';

const Params = z
  .object({
    /** One column per year; each year is judged on its own (no carry-over). */
    years: doc(z.array(z.object({ year: z.number().int(), field: z.string().min(1) }).strict()).min(1), {
      zh: '继续教育逐年核验的年份及各年学时所在列；应以评审年度结束',
      en: 'CPD years checked one by one, each with its hours column; they end with the round year',
      yearly: true,
    }),
    minHours: doc(z.number().positive(), { zh: '每年最低继续教育学时', en: 'minimum CPD hours per year' }),
  })
  .strict();
type P = z.output<typeof Params>;

// Yearly CPD hours: each listed year must reach the minimum; every short, blank or unreadable year
// is its own finding.
export default defineCheck({
  type: 'row',
  kind: 'min-hours-per-year',
  description: 'Hours of each listed year reach a minimum (each year separately, no carry-over)',
  params: Params,
  outcomes: ['short', 'blank', 'unreadable'],
  // Each year is its own condition: a year whose column the roster lacks is reported as a missing
  // column by the engine (`each`), and the other years are still judged.
  reads: (p: P) => ({ required: [], optional: [], each: p.years.map((y) => y.field), types: readAs('hours', p.years.map((y) => y.field)) }),
  create(p: P) {
    const min = quantityText(p.minHours);
    return (app, ctx) => {
      for (const { year, field } of p.years) {
        if (!ctx.has(field)) continue;
        const hours = hoursOf(app, field);
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
    };
  },
});
