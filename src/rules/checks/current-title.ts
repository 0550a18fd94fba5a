import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { isPoge } from './shared/poge.js';
import { perParams } from './shared/per-params.js';
import { classifier, termKey, TermsSchema } from './shared/term-match.js';

const Params = z
  .object({
    field: z.string().min(1).default('currentTitle'),
    specialtyField: z.string().min(1).default('currentTitleSpecialty'),
    pogeField: z.string().min(1).default('poge'),
    /** The title required (高级工程师 and its spellings). */
    required: TermsSchema,
    /** Already at the level applied for. */
    already: TermsSchema,
    /** Below 副高. */
    below: TermsSchema,
    /** Another 副高 series (转评). */
    otherSeries: TermsSchema,
    /** 副高 without a series: the series is read from 现资格专业. */
    vague: TermsSchema,
    /** Words in 现资格专业 that place a vague 副高 in the engineering series. */
    seriesWords: z.array(z.string().min(1)).default([]),
  })
  .strict();
type P = z.output<typeof Params>;

type Category = 'required' | 'already' | 'below' | 'otherSeries' | 'vague';

const compile = perParams((p: P) => ({
  // Substrings in this order: 正高级工程师 contains 高级工程师; 工程师（中级） contains 工程师.
  classify: classifier<Category>(
    (['already', 'required', 'below', 'otherSeries', 'vague'] as const).map((key) => ({ key, terms: p[key] })),
  ),
  seriesWords: p.seriesWords.map(termKey),
}));

// 现专业技术资格 must be 高级工程师 (副高, engineering series).
export default defineCheck<P>({
  type: 'row',
  kind: 'current-title',
  description: 'The current title is the one below the level applied for, in the engineering series',
  params: Params,
  outcomes: ['blank', 'already', 'other-series', 'below', 'below-poge', 'series-unclear', 'unknown'],
  reads: (p) => ({ required: [p.field], optional: [p.specialtyField, p.pogeField] }),
  check(app, p, ctx) {
    const text = textOf(app, p.field);
    if (text === '') return ctx.report('blank', { field: p.field });
    const c = compile(p);
    const hit = c.classify(text);
    const titleSpecialty = textOf(app, p.specialtyField);
    switch (hit?.key) {
      case 'required':
        return;
      case 'already':
        return ctx.report('already', { field: p.field });
      case 'otherSeries':
        return ctx.report('other-series', { field: p.field });
      case 'below':
        return ctx.report(isPoge(app, p.pogeField) ? 'below-poge' : 'below', { field: p.field });
      case 'vague': {
        const key = termKey(titleSpecialty);
        if (key !== '' && c.seriesWords.some((w) => key.includes(w))) return;
        return ctx.report('series-unclear', {
          field: p.field,
          data: { titleSpecialty: titleSpecialty || '未填写', titleSpecialtyEn: titleSpecialty || 'blank' },
        });
      }
      default:
        return ctx.report('unknown', { field: p.field });
    }
  },
});
