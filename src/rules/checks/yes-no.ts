import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf, yesNoOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import { WhenSchema, whenMatcher } from './shared/term-match.js';

const Params = z
  .object({
    field: doc(z.string().min(1), COMMON.field),
    /**
     * Applies only to applicants whose `when.field` matches (e.g. 单位性质 = 事业单位). Without that
     * column, or with it blank, the rule does not apply (the rule reading that column reports it).
     */
    when: doc(WhenSchema.optional(), COMMON.when),
  })
  .strict();
type P = z.output<typeof Params>;

// A 是/否 column whose answer must be 是: 否 and blank give their outcomes, other text is unreadable.
export default defineCheck({
  type: 'row',
  kind: 'yes-no',
  description: 'A yes/no column must say yes (optionally only for applicants matching another column)',
  params: Params,
  outcomes: ['no', 'blank', 'unreadable'],
  reads: (p: P) => ({
    required: [p.field],
    optional: p.when ? [p.when.field] : [],
    types: { [p.field]: 'yes-no', ...(p.when ? { [p.when.field]: 'text' } : {}) },
  }),
  create(p: P) {
    const applies = p.when ? whenMatcher(p.when) : () => true;
    return (app, ctx) => {
      if (p.when && !applies(textOf(app, p.when.field))) return;
      const answer = yesNoOf(app, p.field);
      if (answer === true) return;
      const data = p.when ? { condition: textOf(app, p.when.field) } : {};
      if (answer === undefined) return ctx.report('blank', { field: p.field, data });
      if (answer === null) {
        return ctx.report('unreadable', { field: p.field, data: { ...data, expected: '是/否', expectedEn: 'yes/no' } });
      }
      ctx.report('no', { field: p.field, data });
    };
  },
});
