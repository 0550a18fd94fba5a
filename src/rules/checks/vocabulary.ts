import { z } from 'zod';
import { defineCheck, named, type NamedOutcome } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { classifier, TermsSchema } from './shared/term-match.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    field: doc(z.string().min(1), COMMON.field),
    /** Values that pass. */
    accept: doc(TermsSchema, COMMON.accept),
    /** Values that give an outcome; tried before `accept` for substrings (more specific first). */
    outcomes: doc(z.array(TermsSchema.extend({ outcome: z.string().min(1) }).strict()).default([]), {
      zh: '取值 → 结果：命中则报告对应结果（先于 accept 比较）',
      en: 'values → outcome: a match reports that outcome (tried before accept)',
    }),
    /** Outcome for a value in no list; null = accept anything else. */
    otherwise: doc(z.string().min(1).nullable().default(null), {
      zh: '不在任何列表中的取值报告的结果；null = 其他值都接受',
      en: 'outcome for a value in no list; null = accept anything else',
    }),
    /** Outcome for a blank cell; null = blank is fine. */
    blank: doc(z.string().min(1).nullable().default(null), COMMON.blank),
  })
  .strict();
type P = z.output<typeof Params>;

// A closed vocabulary (申报资格, 单位性质 …). Outcome keys come from params, so the rule file must
// declare each one it names (the loader checks `outcomesFor`).
export default defineCheck<P, NamedOutcome>({
  type: 'row',
  kind: 'vocabulary',
  description: 'The value is one of a closed vocabulary; other listed values give their outcome',
  params: Params,
  outcomes: [],
  outcomesFor: (p) => outcomesOf(p),
  reads: (p) => ({ required: [p.field], optional: [], types: { [p.field]: 'text' } }),
  create(p) {
    const classify = classifier<NamedOutcome | null>([...p.outcomes.map((o) => ({ key: named(o.outcome), terms: o })), { key: null, terms: p.accept }]);
    const blank = p.blank === null ? null : named(p.blank);
    const otherwise = p.otherwise === null ? null : named(p.otherwise);
    return (app, ctx) => {
      const text = textOf(app, p.field);
      if (text === '') {
        if (blank !== null) ctx.report(blank, { field: p.field });
        return;
      }
      const hit = classify(text);
      if (hit === null) {
        if (otherwise !== null) ctx.report(otherwise, { field: p.field });
        return;
      }
      if (hit.key !== null) ctx.report(hit.key, { field: p.field, data: { matched: hit.term } });
    };
  },
});

function outcomesOf(p: P): string[] {
  return [...new Set([...p.outcomes.map((o) => o.outcome), p.otherwise, p.blank].filter((o): o is string => o !== null))];
}

/** Every outcome key a vocabulary rule's params can report (for rule-file meta-tests). */
export function vocabularyOutcomes(params: unknown): string[] {
  return outcomesOf(Params.parse(params));
}
