import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { validateIdNumber } from '../../normalize/id-number.js';
import { idOf } from '../field-access.js';
import { ageOn } from '../../normalize/iso-date.js';
import { retirementAge, type RetirementAge, type RetirementGroup } from '../../calendar/retirement-age.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    idField: doc(z.string().min(1), COMMON.idField),
    /** Women retire from posts whose original statutory age was 55 (cadres, professional posts) or 50. */
    womenPostAge: doc(z.union([z.literal(55), z.literal(50)]).default(55), {
      zh: '女性申报人原法定退休年龄（55为管理和专业技术岗位，50为其他岗位）；按渐进式延迟退休办法（data/statutory-retirement-age.json）计算',
      en: "women's original statutory retirement age (55 for managerial and professional posts, 50 otherwise); the gradual schedule (data/statutory-retirement-age.json) applies",
    }),
  })
  .strict();
type P = z.output<typeof Params>;

function ageText(a: RetirementAge): { zh: string; en: string } {
  if (a.months === 0) return { zh: `${a.years}周岁`, en: String(a.years) };
  return { zh: `${a.years}周岁${a.months}个月`, en: `${a.years} years ${a.months} month${a.months > 1 ? 's' : ''}` };
}

// Birth date and sex from the ID number; the statutory retirement age (the gradual schedule, by sex,
// women's post type and birth month) is reached on or before round.referenceDate → warn.
// An invalid ID says nothing here: the id-number rule reports it.
export default defineCheck({
  type: 'row',
  kind: 'retirement-age',
  description: 'The applicant has not reached the statutory retirement age on the reference date (birth date and sex from the ID number)',
  params: Params,
  outcomes: ['over-age'],
  reads: (p: P) => ({ required: [p.idField], optional: [], types: { [p.idField]: 'id' } }),
  create: (p: P) => {
    const women: RetirementGroup = p.womenPostAge === 50 ? 'female-50' : 'female-55';
    return (app, ctx) => {
      const raw = idOf(app, p.idField);
      if (raw.text === '' || raw.precisionLost) return;
      const id = validateIdNumber(raw.text);
      if (!id.ok) return;
      const on = ctx.env.ruleSet.round.referenceDate;
      const retire = retirementAge(id.birth, id.sex === 'male' ? 'male' : women);
      if (retire.date > on) return;
      const limit = ageText(retire);
      ctx.report('over-age', {
        field: p.idField,
        data: {
          birth: id.birth,
          sex: id.sex === 'male' ? '男' : '女',
          sexEn: id.sex,
          on,
          age: ageOn(id.birth, on),
          limit: limit.zh,
          limitEn: limit.en,
          reached: retire.date,
        },
      });
    };
  },
});
