import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { resolveSpecialty } from './specialty.js';

const Params = z
  .object({
    /** The column the note is about (e.g. 主要业绩成果). */
    field: z.string().min(1),
    /** 申报专业: names the specialty's condition document in the note. */
    specialtyField: z.string().min(1).default('specialty'),
  })
  .strict();
type P = z.output<typeof Params>;

// One note per applicant about what this tool does not judge, naming the condition document that
// applies to the applicant's specialty (resolved through the rule set's `specialty` rule).
export default defineCheck<P>({
  type: 'row',
  kind: 'info-note',
  description: 'A note per applicant naming the condition document of the specialty',
  params: Params,
  outcomes: ['note', 'blank', 'note-unknown-specialty', 'blank-unknown-specialty'],
  // 主要业绩成果 is a stage column: without it the note is not given and the rule is listed as not checked.
  reads: (p) => ({ required: [p.field], optional: [p.specialtyField] }),
  check(app, p, ctx) {
    const resolved = resolveSpecialty(ctx.env.ruleSet, textOf(app, p.specialtyField));
    const doc = resolved?.conditionDoc ?? null;
    const blank = ctx.has(p.field) && textOf(app, p.field) === '';
    const field = ctx.has(p.field) ? p.field : undefined;
    if (doc === null) return ctx.report(blank ? 'blank-unknown-specialty' : 'note-unknown-specialty', { field });
    ctx.report(blank ? 'blank' : 'note', {
      field,
      data: { conditionDoc: doc, specialty: resolved?.canonical ?? '', committee: resolved?.committee ?? '' },
    });
  },
});
