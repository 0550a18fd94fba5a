import { z } from 'zod';
import { defineCheck, readAs } from '../check-kind.js';
import { hoursOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { quantityText } from './shared/number-text.js';

const Params = z
  .object({
    /** Per year: the 公需科目 and 专业科目 columns (either may be absent from a roster). */
    years: doc(z.array(z.object({ year: z.number().int(), publicField: z.string().min(1), proField: z.string().min(1) }).strict()).min(1), {
      zh: '公需/专业科目学时逐年核验的年份及所在列；应以评审年度结束',
      en: 'years whose general/professional hours are checked, with their columns; they end with the round year',
      yearly: true,
    }),
    minPublic: doc(z.number().nonnegative(), { zh: '每年公需科目最低学时', en: 'minimum general-subject hours per year' }),
    minPro: doc(z.number().nonnegative(), { zh: '每年专业科目最低学时', en: 'minimum professional-subject hours per year' }),
  })
  .strict();
type P = z.output<typeof Params>;

// The split of yearly CPD hours, judged only where the roster gives it: a blank or absent split
// column says nothing (the yearly total is checked by min-hours-per-year).
export default defineCheck({
  type: 'row',
  kind: 'hours-split',
  description: 'Where the split is given: general-subject and professional-subject hours of each year reach their minima',
  params: Params,
  outcomes: ['public-short', 'pro-short', 'unreadable'],
  reads: (p: P) => {
    const fields = p.years.flatMap((y) => [y.publicField, y.proField]);
    return { required: [], optional: fields, types: readAs('hours', fields) };
  },
  create: (p: P) => (app, ctx) => {
    for (const y of p.years) {
      part(y.year, y.proField, p.minPro, 'pro-short');
      part(y.year, y.publicField, p.minPublic, 'public-short');
    }
    function part(year: number, field: string, min: number, outcome: 'pro-short' | 'public-short'): void {
      const hours = hoursOf(app, field);
      if (hours === undefined) return;
      if (hours === null) {
        ctx.report('unreadable', { field, data: { year, expected: '学时数，如60', expectedEn: 'a number of hours such as 60' } });
      } else if (hours < min) {
        ctx.report(outcome, {
          field,
          data: { year, hours: quantityText(hours), min: quantityText(min), gap: quantityText(min - hours) },
        });
      }
    }
  },
});
