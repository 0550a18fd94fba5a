import { z } from 'zod';
import { defineCheck, readAs } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { termKey } from './shared/term-match.js';

const Params = z
  .object({
    years: doc(z.array(z.object({ year: z.number().int(), field: z.string().min(1) }).strict()).min(1), {
      zh: '年度考核核验的年份及所在列',
      en: 'assessment years checked, with their columns',
      yearly: true,
    }),
    pass: doc(z.array(z.string().min(1)).min(1), { zh: '合格的考核等次', en: 'assessment grades that pass' }),
    concern: doc(z.array(z.string().min(1)).default([]), { zh: '需人工核实的考核等次', en: 'grades a person must look at' }),
    /** Words after the grade that do not change it (优秀等次, 合格档次). */
    suffixes: doc(z.array(z.string().min(1)).default([]), { zh: '等次后可忽略的字（如 等次、档次）', en: 'words after the grade that do not change it' }),
  })
  .strict();
type P = z.output<typeof Params>;

// 年度考核: each year present in the roster is judged on its own; a year whose column the roster
// lacks is reported by the engine as a missing column (`each`: under 未核验项 for a stage column).
// Without any year column the rule does not run.
export default defineCheck({
  type: 'row',
  kind: 'annual-assessment',
  description: 'Each year\'s annual assessment grade is a passing grade',
  params: Params,
  outcomes: ['concern', 'unrecognized', 'blank'],
  reads: (p: P) => ({
    required: [],
    optional: [],
    each: p.years.map((y) => y.field),
    types: readAs('text', p.years.map((y) => y.field)),
  }),
  create(p: P) {
    const pass = new Set(p.pass.map(termKey));
    const concern = new Set(p.concern.map(termKey));
    const suffixes = p.suffixes.map(termKey).sort((a, b) => b.length - a.length);
    return (app, ctx) => {
      for (const { year, field } of p.years) {
        if (!ctx.has(field)) continue;
        const text = textOf(app, field);
        if (text === '') {
          ctx.report('blank', { field, data: { year } });
          continue;
        }
        let key = termKey(text);
        for (const s of suffixes) {
          if (key.length > s.length && key.endsWith(s)) {
            key = key.slice(0, -s.length);
            break;
          }
        }
        if (pass.has(key)) continue;
        ctx.report(concern.has(key) ? 'concern' : 'unrecognized', { field, data: { year } });
      }
    };
  },
});
