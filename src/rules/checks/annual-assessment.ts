import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { perParams } from './shared/per-params.js';
import { termKey } from './shared/term-match.js';

const Params = z
  .object({
    years: z.array(z.object({ year: z.number().int(), field: z.string().min(1) }).strict()).min(1),
    /** Grades that pass. */
    pass: z.array(z.string().min(1)).min(1),
    /** Grades a person must look at. */
    concern: z.array(z.string().min(1)).default([]),
    /** Words after the grade that do not change it (优秀等次, 合格档次). */
    suffixes: z.array(z.string().min(1)).default([]),
  })
  .strict();
type P = z.output<typeof Params>;

const compile = perParams((p: P) => ({
  pass: new Set(p.pass.map(termKey)),
  concern: new Set(p.concern.map(termKey)),
  suffixes: p.suffixes.map(termKey).sort((a, b) => b.length - a.length),
}));

// 年度考核: each year present in the roster is judged on its own; a year whose column the roster
// lacks is not judged (the rule runs when at least one year column exists).
export default defineCheck<P>({
  type: 'row',
  kind: 'annual-assessment',
  description: 'Each year\'s annual assessment grade is a passing grade',
  params: Params,
  outcomes: ['concern', 'unrecognized', 'blank'],
  reads: (p) => ({
    required: [],
    optional: p.years.map((y) => y.field),
    anyOf: p.years.map((y) => [y.field]),
  }),
  check(app, p, ctx) {
    const c = compile(p);
    for (const { year, field } of p.years) {
      if (!ctx.has(field)) continue;
      const text = textOf(app, field);
      if (text === '') {
        ctx.report('blank', { field, data: { year } });
        continue;
      }
      let key = termKey(text);
      for (const s of c.suffixes) {
        if (key.length > s.length && key.endsWith(s)) {
          key = key.slice(0, -s.length);
          break;
        }
      }
      if (c.pass.has(key)) continue;
      ctx.report(c.concern.has(key) ? 'concern' : 'unrecognized', { field, data: { year } });
    }
  },
});
