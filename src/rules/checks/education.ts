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
    /** 学历 that pass, and 学历 known to be below (anything else is unreadable). */
    education: doc(z.object({ accept: TermsSchema, below: TermsSchema }).strict(), {
      zh: '学历：通过的（accept）和低于要求的（below）',
      en: 'education: passing (accept) and below (below)',
    }),
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
    { key: 'accept' as const, terms: p.education.accept },
    { key: 'below' as const, terms: p.education.below },
  ]),
  degree: classifier([
    { key: 'none' as const, terms: p.degree.none },
    { key: 'accept' as const, terms: p.degree.accept },
  ]),
});

// 学历 or 学位 must reach the minimum; either one suffices. 破格 turns "below" into a warning.
export default defineCheck({
  type: 'row',
  kind: 'education',
  description: 'The education (学历) or the degree (学位) reaches the minimum',
  params: Params,
  outcomes: ['blank', 'below', 'below-poge', 'unknown'],
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
      ctx.report(isPoge(app, p.pogeField) ? 'below-poge' : 'below', { field, data });
    };
  },
});
