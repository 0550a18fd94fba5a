import { z } from 'zod';
import { defineCheck, readAs } from '../check-kind.js';
import { formatPartial } from '../../normalize/date-text.js';
import { validateIdNumber } from '../../normalize/id-number.js';
import { ageOn } from '../../normalize/iso-date.js';
import { reportUnreadableDate, type DateCell } from './shared/date-cell.js';
import { dateOf, idOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import type { Applicant } from '../../core/types.js';

const Params = z
  .object({
    idField: doc(z.string().min(1), COMMON.idField),
    birthField: doc(z.string().min(1), COMMON.birthField),
    gradField: doc(z.string().min(1), { zh: '毕业时间所在列', en: 'graduation-date column' }),
    workField: doc(z.string().min(1), { zh: '参加工作时间所在列', en: 'work-start column' }),
    titleField: doc(z.string().min(1), { zh: '现资格取得时间所在列', en: 'current-title date column' }),
    minGradAge: doc(z.number().int().nonnegative(), { zh: '毕业时的最小合理年龄', en: 'lowest plausible age at graduation' }),
    minWorkAge: doc(z.number().int().nonnegative(), { zh: '参加工作时的最小合理年龄', en: 'lowest plausible age at starting work' }),
    /** Dates of past events: none may lie after the as-of date (planned procedure dates may). */
    notAfterAsOf: doc(z.array(z.string().min(1)).default([]), {
      zh: '不应晚于核验日期的列（已发生的事项）',
      en: 'columns that cannot be after the as-of date (past events)',
    }),
    /** Fields whose unreadable values this rule reports (those no other rule reads as dates). */
    reportUnreadable: doc(z.array(z.string().min(1)).default([]), {
      zh: '由本规则报告“无法识别”的列',
      en: 'columns whose unreadable values this rule reports',
    }),
  })
  .strict();
type P = z.output<typeof Params>;

type Dated = Extract<DateCell, { state: 'date' }>;

// Dates that cannot all be true. A month or year stands for every day it covers, and is flagged
// only when the order is impossible for all of them.
export default defineCheck({
  type: 'row',
  kind: 'date-sanity',
  description: 'Dates of birth, graduation, first job and title are in a possible order and not in the future',
  params: Params,
  outcomes: ['future', 'title-before-grad', 'grad-too-young', 'work-too-young', 'unreadable'],
  reads: (p: P) => ({
    required: [],
    optional: [...new Set([p.idField, p.birthField, p.gradField, p.workField, p.titleField, ...p.notAfterAsOf])],
    types: {
      ...readAs('date', [p.birthField, p.gradField, p.workField, p.titleField, ...p.notAfterAsOf]),
      [p.idField]: 'id',
    },
  }),
  create: (p: P) => (app, ctx) => {
    const dated = (field: string): Dated | undefined => {
      const c = dateOf(app, field);
      return c.state === 'date' ? c : undefined;
    };

    for (const field of p.reportUnreadable) if (dateOf(app, field).state === 'unreadable') reportUnreadableDate(ctx, field);
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
function birthOf(app: Applicant, p: P, column: Dated | undefined) {
  const raw = idOf(app, p.idField);
  const id = raw.text !== '' && !raw.precisionLost ? validateIdNumber(raw.text) : undefined;
  if (id?.ok) return { first: id.birth, data: { birth: id.birth, birthSource: '身份证号', birthSourceEn: 'the ID number' } };
  if (column) {
    return { first: column.first, data: { birth: formatPartial(column.date), birthSource: '出生年月', birthSourceEn: 'the date of birth' } };
  }
  return undefined;
}
