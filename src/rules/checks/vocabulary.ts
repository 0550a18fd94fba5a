import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { classifier, TermsSchema } from './shared/term-match.js';
import { perParams } from './shared/per-params.js';

const Params = z
  .object({
    field: z.string().min(1),
    /** Values that pass. */
    accept: TermsSchema,
    /** Values that give an outcome; tried before `accept` for substrings (more specific first). */
    outcomes: z.array(TermsSchema.extend({ outcome: z.string().min(1) }).strict()).default([]),
    /** Outcome for a value in no list; null = accept anything else. */
    otherwise: z.string().min(1).nullable().default(null),
    /** Outcome for a blank cell; null = blank is fine. */
    blank: z.string().min(1).nullable().default(null),
  })
  .strict();
type P = z.output<typeof Params>;

const compile = perParams((p: P) =>
  classifier<string | null>([
    ...p.outcomes.map((o) => ({ key: o.outcome, terms: o })),
    { key: null, terms: p.accept },
  ]),
);

// A closed vocabulary (申报资格, 单位性质 …). Outcome keys come from params, so the rule file must
// declare each one it names (a meta-test checks the bundled rules).
export default defineCheck<P>({
  type: 'row',
  kind: 'vocabulary',
  description: 'The value is one of a closed vocabulary; other listed values give their outcome',
  params: Params,
  outcomes: [],
  outcomesFor: (p) => vocabularyOutcomes(p),
  reads: (p) => ({ required: [p.field], optional: [] }),
  check(app, p, ctx) {
    const text = textOf(app, p.field);
    if (text === '') {
      if (p.blank !== null) ctx.report(p.blank, { field: p.field });
      return;
    }
    const hit = compile(p)(text);
    if (hit === null) {
      if (p.otherwise !== null) ctx.report(p.otherwise, { field: p.field });
      return;
    }
    if (hit.key !== null) ctx.report(hit.key, { field: p.field, data: { matched: hit.term } });
  },
});

/** Every outcome key a vocabulary rule's params can report (for rule-file meta-tests). */
export function vocabularyOutcomes(params: unknown): string[] {
  const p = Params.parse(params);
  return [...new Set([...p.outcomes.map((o) => o.outcome), p.otherwise, p.blank].filter((o): o is string => o !== null))];
}
