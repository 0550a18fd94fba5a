import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { idFromCell, validateIdNumber } from '../../normalize/id-number.js';
import { addDays, addYears, ageOn } from '../../normalize/iso-date.js';

const Params = z
  .object({
    idField: z.string().min(1),
    /** Statutory retirement ages in whole years, judged on the round's reference date. */
    maleAge: z.number().int().positive(),
    femaleAge: z.number().int().positive(),
  })
  .strict();
type P = z.output<typeof Params>;

// Age from the ID number (birth date, and sex from the 17th digit) on round.referenceDate.
// An invalid ID says nothing here: the id-number rule reports it.
export default defineCheck<P>({
  type: 'row',
  kind: 'retirement-age',
  description: 'The applicant has not reached retirement age on the reference date (birth date and sex from the ID number)',
  params: Params,
  outcomes: ['over-age'],
  reads: (p) => ({ required: [p.idField], optional: [] }),
  check(app, p, ctx) {
    const raw = idFromCell(app.values.get(p.idField));
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
