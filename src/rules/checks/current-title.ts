import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { isPoge } from './shared/poge.js';
import { COMMON } from './shared/param-docs.js';
import { classifier, termKey, TermsSchema } from './shared/term-match.js';

const Params = z
  .object({
    field: doc(z.string().min(1).default('currentTitle'), COMMON.field),
    specialtyField: doc(z.string().min(1).default('currentTitleSpecialty'), COMMON.specialtyField),
    pogeField: doc(z.string().min(1).default('poge'), COMMON.pogeField),
    /** The title required (高级工程师 and its spellings). */
    required: doc(TermsSchema, { zh: '要求具备的资格及其写法', en: 'the title required and its spellings' }),
    already: doc(TermsSchema, { zh: '已达到申报级别的资格（不必再申报）', en: 'titles already at the level applied for' }),
    /** Below 副高. */
    below: doc(TermsSchema, COMMON.below),
    /** Another 副高 series (转评). */
    otherSeries: doc(TermsSchema, { zh: '其他系列的副高级资格（须转评）', en: '副高 titles of another series (transfer needed)' }),
    /** 副高 without a series: the series is read from 现资格专业. */
    vague: doc(TermsSchema, { zh: '未写明系列的副高级写法', en: '副高 spellings that name no series' }),
    /** 副高 qualifications of another kind that may be appointed 高级工程师 (软考高级): a warning to check the appointment. */
    seniorQualifications: doc(TermsSchema.default({ values: [], contains: [] }), {
      zh: '可聘任为高级工程师的副高级资格（如计算机技术与软件专业技术资格高级）：须核实是否已聘任',
      en: '副高 qualifications that may be appointed 高级工程师 (e.g. the senior levels of the computer technology and software examination): check the appointment',
    }),
    seriesWords: doc(z.array(z.string().min(1)).default([]), {
      zh: '现资格专业中表明属于工程系列的字',
      en: 'words in the title specialty that place it in the engineering series',
    }),
  })
  .strict();
type P = z.output<typeof Params>;

/**
 * The categories, tried in this order (the first whose term the text contains wins): 正高级工程师
 * contains 高级工程师; 工程师（中级） contains 工程师; 高级信息系统项目管理师 contains 高级 (otherSeries).
 * The recommendation list names titles by the same order, so it shows 高级工程师 exactly where this check passed it.
 */
export const TITLE_CATEGORIES = ['seniorQualifications', 'already', 'required', 'below', 'otherSeries', 'vague'] as const;

// 现专业技术资格 must be 高级工程师 (副高, engineering series).
type O = 'blank' | 'already' | 'other-series' | 'below' | 'below-poge' | 'series-unclear' | 'unknown' | 'senior-qualification';

export default defineCheck<P, O>({
  type: 'row',
  kind: 'current-title',
  description: 'The current title is the one below the level applied for, in the engineering series',
  params: Params,
  outcomes: ['blank', 'already', 'other-series', 'below', 'below-poge', 'series-unclear', 'unknown'],
  // A rule file without seniorQualifications need not declare their message.
  outcomesFor: (p: P) => (p.seniorQualifications.values.length + p.seniorQualifications.contains.length > 0 ? ['senior-qualification'] : []),
  reads: (p: P) => ({
    required: [p.field],
    optional: [p.specialtyField, p.pogeField],
    types: { [p.field]: 'text', [p.specialtyField]: 'text', [p.pogeField]: 'yes-no' },
  }),
  create(p: P) {
    const classify = classifier(TITLE_CATEGORIES.map((key) => ({ key, terms: p[key] })));
    const seriesWords = p.seriesWords.map(termKey);
    return (app, ctx) => {
      const text = textOf(app, p.field);
      if (text === '') return ctx.report('blank', { field: p.field });
      const hit = classify(text);
      const titleSpecialty = textOf(app, p.specialtyField);
      switch (hit?.key) {
        case 'required':
          return;
        case 'seniorQualifications':
          return ctx.report('senior-qualification', { field: p.field });
        case 'already':
          return ctx.report('already', { field: p.field });
        case 'otherSeries':
          return ctx.report('other-series', { field: p.field });
        case 'below':
          return ctx.report(isPoge(app, p.pogeField) ? 'below-poge' : 'below', { field: p.field });
        case 'vague': {
          const key = termKey(titleSpecialty);
          if (key !== '' && seriesWords.some((w) => key.includes(w))) return;
          return ctx.report('series-unclear', {
            field: p.field,
            data: { titleSpecialty: titleSpecialty || '未填写', titleSpecialtyEn: titleSpecialty || 'blank' },
          });
        }
        default:
          return ctx.report('unknown', { field: p.field });
      }
    };
  },
});
