import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { validateIdNumber } from '../../normalize/id-number.js';
import { idOf } from '../field-access.js';
import { addDays, addYears, ageOn } from '../../normalize/iso-date.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    idField: doc(z.string().min(1), COMMON.idField),
    /** Statutory retirement ages in whole years, judged on the round's reference date. */
    maleAge: doc(z.number().int().positive(), { zh: '男性法定退休年龄（按核验基准日计算）', en: 'statutory retirement age for men (on the reference date)' }),
    femaleAge: doc(z.number().int().positive(), { zh: '女性法定退休年龄（按核验基准日计算）', en: 'statutory retirement age for women (on the reference date)' }),
  })
  .strict();
type P = z.output<typeof Params>;

// Age from the ID number (birth date, and sex from the 17th digit) on round.referenceDate.
// An invalid ID says nothing here: the id-number rule reports it.
export default defineCheck({
  type: 'row',
  kind: 'retirement-age',
  description: 'The applicant has not reached retirement age on the reference date (birth date and sex from the ID number)',
  params: Params,
  outcomes: ['over-age'],
  reads: (p: P) => ({ required: [p.idField], optional: [], types: { [p.idField]: 'id' } }),
  create: (p: P) => (app, ctx) => {
    const raw = idOf(app, p.idField);
    if (raw.text === '' || raw.precisionLost) return;
    const id = validateIdNumber(raw.text);
    if (!id.ok) return;
    const on = ctx.env.ruleSet.round.referenceDate;
    const limit = id.sex === 'male' ? p.maleAge : p.femaleAge;
    const age = ageOn(id.birth, on);
    if (age >= limit) {
      // The day the limit was reached (a 02-29 birthday is reached on 03-01 in common years).
      let reached = addYears(id.birth, limit);
      if (ageOn(id.birth, reached) < limit) reached = addDays(reached, 1);
      ctx.report('over-age', {
        field: p.idField,
        data: { birth: id.birth, sex: id.sex === 'male' ? '男' : '女', sexEn: id.sex, on, age, limit, reached },
      });
    }
  },
});
