import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { isPoge } from './shared/poge.js';
import { perParams } from './shared/per-params.js';
import { classifier, TermsSchema } from './shared/term-match.js';

const Params = z
  .object({
    educationField: z.string().min(1).default('education'),
    degreeField: z.string().min(1).default('degree'),
    pogeField: z.string().min(1).default('poge'),
    /** 学历 that pass, and 学历 known to be below (anything else is unreadable). */
    education: z.object({ accept: TermsSchema, below: TermsSchema }).strict(),
    /** 学位 that pass, and values meaning "no degree" (anything else is unreadable). */
    degree: z.object({ accept: TermsSchema, none: TermsSchema }).strict(),
  })
  .strict();
type P = z.output<typeof Params>;

const compile = perParams((p: P) => ({
  education: classifier([
    { key: 'accept' as const, terms: p.education.accept },
    { key: 'below' as const, terms: p.education.below },
  ]),
  degree: classifier([
    { key: 'none' as const, terms: p.degree.none },
    { key: 'accept' as const, terms: p.degree.accept },
  ]),
}));

// 学历 or 学位 must reach the minimum; either one suffices. 破格 turns "below" into a warning.
export default defineCheck<P>({
  type: 'row',
  kind: 'education',
  description: 'The education (学历) or the degree (学位) reaches the minimum',
  params: Params,
  outcomes: ['blank', 'below', 'below-poge', 'unknown'],
  reads: (p) => ({
    required: [],
    optional: [p.educationField, p.degreeField, p.pogeField],
    anyOf: [[p.educationField], [p.degreeField]],
  }),
  check(app, p, ctx) {
    const c = compile(p);
    const edu = textOf(app, p.educationField);
    const deg = textOf(app, p.degreeField);
    const eduHit = edu === '' ? null : c.education(edu);
    const degHit = deg === '' ? null : c.degree(deg);
    if (eduHit?.key === 'accept' || degHit?.key === 'accept') return;
    // The cell to point at: 学历 if the roster has it and it is filled, else 学位.
    const field = edu !== '' || (deg === '' && ctx.has(p.educationField)) ? p.educationField : p.degreeField;
    const data = {
      education: edu || '未填写',
      educationEn: edu || 'blank',
      degree: deg || '未填写',
      degreeEn: deg || 'blank',
    };
    if (edu === '' && deg === '') return ctx.report('blank', { field, data });
    if ((edu !== '' && eduHit === null) || (deg !== '' && degHit === null)) {
      const unknownField = edu !== '' && eduHit === null ? p.educationField : p.degreeField;
      return ctx.report('unknown', { field: unknownField, data });
    }
    ctx.report(isPoge(app, p.pogeField) ? 'below-poge' : 'below', { field, data });
  },
});
