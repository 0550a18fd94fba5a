import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { formatPartial } from '../../normalize/date-text.js';
import { idFromCell, validateIdNumber } from '../../normalize/id-number.js';
import { ageOn } from '../../normalize/iso-date.js';
import { readDateCell, reportUnreadableDate, type DateCell } from './shared/date-cell.js';

const Params = z
  .object({
    idField: z.string().min(1),
    birthField: z.string().min(1),
    gradField: z.string().min(1),
    workField: z.string().min(1),
    titleField: z.string().min(1),
    minGradAge: z.number().int().nonnegative(),
    minWorkAge: z.number().int().nonnegative(),
    /** Dates of past events: none may lie after the as-of date (planned procedure dates may). */
    notAfterAsOf: z.array(z.string().min(1)).default([]),
    /** Fields whose unreadable values this rule reports (those no other rule reads as dates). */
    reportUnreadable: z.array(z.string().min(1)).default([]),
  })
  .strict();
type P = z.output<typeof Params>;

type Dated = Extract<DateCell, { state: 'date' }>;

// Dates that cannot all be true. A month or year stands for every day it covers, and is flagged
// only when the order is impossible for all of them.
export default defineCheck<P>({
  type: 'row',
  kind: 'date-sanity',
  description: 'Dates of birth, graduation, first job and title are in a possible order and not in the future',
  params: Params,
  outcomes: ['future', 'title-before-grad', 'grad-too-young', 'work-too-young', 'unreadable'],
  reads: (p) => ({
    required: [],
    optional: [...new Set([p.idField, p.birthField, p.gradField, p.workField, p.titleField, ...p.notAfterAsOf])],
  }),
  check(app, p, ctx) {
    // readDateCell remembers parsed texts, so reading a field twice costs a lookup.
    const dated = (field: string): Dated | undefined => {
      const c = readDateCell(app, field);
      return c.state === 'date' ? c : undefined;
    };

    for (const field of p.reportUnreadable) if (readDateCell(app, field).state === 'unreadable') reportUnreadableDate(ctx, field);
    for (const field of p.notAfterAsOf) {
      const c = dated(field);
      if (c && c.first > ctx.env.asOf) ctx.report('future', { field, data: { date: formatPartial(c.date), asOf: ctx.env.asOf } });
    }

    const birth = birthOf(app, p, dated(p.birthField));
    const grad = dated(p.gradField);
    const work = dated(p.workField);
    const title = dated(p.titleField);
    if (birth && grad && ageOn(birth.first, grad.last) < p.minGradAge) {
      ctx.report('grad-too-young', { field: p.gradField, data: { grad: formatPartial(grad.date), min: p.minGradAge, ...birth.data } });
    }
    if (birth && work && ageOn(birth.first, work.last) < p.minWorkAge) {
      ctx.report('work-too-young', { field: p.workField, data: { work: formatPartial(work.date), min: p.minWorkAge, ...birth.data } });
    }
    if (grad && title && title.last < grad.first) {
      ctx.report('title-before-grad', { field: p.titleField, data: { title: formatPartial(title.date), grad: formatPartial(grad.date) } });
    }
  },
});

// Birth date from a valid ID number (exact), else from the birth-date column.
function birthOf(app: Parameters<typeof readDateCell>[0], p: P, column: Dated | undefined) {
  const raw = idFromCell(app.values.get(p.idField));
  const id = raw.text !== '' && !raw.precisionLost ? validateIdNumber(raw.text) : undefined;
  if (id?.ok) return { first: id.birth, data: { birth: id.birth, birthSource: '身份证号', birthSourceEn: 'the ID number' } };
  if (column) {
    return { first: column.first, data: { birth: formatPartial(column.date), birthSource: '出生年月', birthSourceEn: 'the date of birth' } };
  }
  return undefined;
}
