import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf, valueOf } from '../field-access.js';
import { parseYesNoValue } from '../../normalize/yes-no.js';
import { perParams } from './shared/per-params.js';
import { WhenSchema, whenMatcher } from './shared/term-match.js';

const Params = z
  .object({
    field: z.string().min(1),
    /**
     * Applies only to applicants whose `when.field` matches (e.g. 单位性质 = 事业单位). Without that
     * column, or with it blank, the rule does not apply (the rule reading that column reports it).
     */
    when: WhenSchema.optional(),
  })
  .strict();
type P = z.output<typeof Params>;

const applies = perParams((p: P) => (p.when ? whenMatcher(p.when) : () => true));

// A 是/否 column whose answer must be 是: 否 and blank give their outcomes, other text is unreadable.
export default defineCheck<P>({
  type: 'row',
  kind: 'yes-no',
  description: 'A yes/no column must say yes (optionally only for applicants matching another column)',
  params: Params,
  outcomes: ['no', 'blank', 'unreadable'],
  reads: (p) => ({ required: [p.field], optional: p.when ? [p.when.field] : [] }),
  check(app, p, ctx) {
    if (p.when && !applies(p)(textOf(app, p.when.field))) return;
    const answer = parseYesNoValue(valueOf(app, p.field));
    if (answer === true) return;
    const data = p.when ? { condition: textOf(app, p.when.field) } : {};
    if (answer === undefined) return ctx.report('blank', { field: p.field, data });
    if (answer === null) {
      return ctx.report('unreadable', { field: p.field, data: { ...data, expected: '是/否', expectedEn: 'yes/no' } });
    }
    ctx.report('no', { field: p.field, data });
  },
});
