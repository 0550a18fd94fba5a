import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { isPoge } from './shared/poge.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import { classifier, TermsSchema } from './shared/term-match.js';

const Params = z
  .object({
    educationField: doc(z.string().min(1).default('education'), { zh: '学历所在列', en: 'education column' }),
    degreeField: doc(z.string().min(1).default('degree'), { zh: '学位所在列', en: 'degree column' }),
    pogeField: doc(z.string().min(1).default('poge'), COMMON.pogeField),
    /** 学历 that pass, 学历 known to be below, and 学历 some provinces count as passing (anything else is unreadable). */
    education: doc(
      z.object({ accept: TermsSchema, below: TermsSchema, review: TermsSchema.default({ values: [], contains: [] }) }).strict(),
      {
        zh: '学历：通过的（accept）、低于要求的（below）和须核实学历认定的（review，如技工院校预备技师班）',
        en: 'education: passing (accept), below (below), and to check how it is recognised (review, e.g. a 技工院校 预备技师 class)',
      },
    ),
    /** 学位 that pass, and values meaning "no degree" (anything else is unreadable). */
    degree: doc(z.object({ accept: TermsSchema, none: TermsSchema }).strict(), {
      zh: '学位：通过的（accept）和表示无学位的（none）',
      en: 'degree: passing (accept) and meaning none (none)',
    }),
  })
  .strict();
type P = z.output<typeof Params>;

const compile = (p: P) => ({
  education: classifier([
    // review first: 预备技师（技师）班 must not fall into below by a substring.
    { key: 'review' as const, terms: p.education.review },
    { key: 'accept' as const, terms: p.education.accept },
    { key: 'below' as const, terms: p.education.below },
  ]),
  degree: classifier([
    { key: 'none' as const, terms: p.degree.none },
    { key: 'accept' as const, terms: p.degree.accept },
  ]),
});

// 学历 or 学位 must reach the minimum; either one suffices. 破格 turns "below" into a warning.
type O = 'blank' | 'below' | 'below-poge' | 'unknown' | 'recognition';

export default defineCheck<P, O>({
  type: 'row',
  kind: 'education',
  description: 'The education (学历) or the degree (学位) reaches the minimum',
  params: Params,
  outcomes: ['blank', 'below', 'below-poge', 'unknown'],
  // A rule file without education.review need not declare its message.
  outcomesFor: (p: P) => (p.education.review.values.length + p.education.review.contains.length > 0 ? ['recognition'] : []),
  reads: (p: P) => ({
    required: [],
    optional: [p.educationField, p.degreeField, p.pogeField],
    anyOf: [[p.educationField], [p.degreeField]],
    types: { [p.educationField]: 'text', [p.degreeField]: 'text', [p.pogeField]: 'yes-no' },
  }),
  create(p: P) {
    const c = compile(p);
    return (app, ctx) => {
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
      // Counted as 大学本科 in some provinces: a person checks how it is recognised.
      if (eduHit?.key === 'review') return ctx.report('recognition', { field: p.educationField, data });
      ctx.report(isPoge(app, p.pogeField) ? 'below-poge' : 'below', { field, data });
    };
  },
});
