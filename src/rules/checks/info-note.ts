import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { specialtyResolver } from './specialty.js';

const Params = z
  .object({
    /** The column the note is about (e.g. 主要业绩成果). */
    field: doc(z.string().min(1), { zh: '读取的列（列编号）', en: 'column read (column id)' }),
    /** 申报专业: names the specialty's condition document in the note. */
    specialtyField: doc(z.string().min(1).default('specialty'), { zh: '专业所在列', en: 'specialty column' }),
  })
  .strict();
type P = z.output<typeof Params>;

// One note per applicant about what this tool does not judge, naming the condition document that
// applies to the applicant's specialty (resolved through the rule set's `specialty` rule).
export default defineCheck({
  type: 'row',
  kind: 'info-note',
  description: 'A note per applicant naming the condition document of the specialty',
  params: Params,
  outcomes: ['note', 'blank', 'note-unknown-specialty', 'blank-unknown-specialty'],
  // 主要业绩成果 is a stage column: without it the note is not given and the rule is listed as not checked.
  reads: (p: P) => ({ required: [p.field], optional: [p.specialtyField], types: { [p.field]: 'text', [p.specialtyField]: 'text' } }),
  create(p: P, ruleSet) {
    const resolveSpecialty = specialtyResolver(ruleSet);
    return (app, ctx) => {
      const resolved = resolveSpecialty(textOf(app, p.specialtyField));
      const conditionDoc = resolved?.conditionDoc ?? null;
      const blank = ctx.has(p.field) && textOf(app, p.field) === '';
      const field = ctx.has(p.field) ? p.field : undefined;
      if (conditionDoc === null) return ctx.report(blank ? 'blank-unknown-specialty' : 'note-unknown-specialty', { field });
      ctx.report(blank ? 'blank' : 'note', {
        field,
        data: { conditionDoc, specialty: resolved?.canonical ?? '', committee: resolved?.committee ?? '' },
      });
    };
  },
});
