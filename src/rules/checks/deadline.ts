import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { diffDays } from '../../normalize/iso-date.js';
import { formatPartial } from '../../normalize/date-text.js';
import { reportUnreadableDate } from './shared/date-cell.js';
import { dateOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import { roundDeadline } from './shared/round-dates.js';

const Params = z
  .object({
    field: doc(z.string().min(1), COMMON.field),
    /** Id of a deadline in the rule set's round.deadlines (the date is kept there, once). */
    deadline: doc(z.string().min(1), {
      zh: '截止时间编号（round.deadlines 中的 id，日期在那里修改）',
      en: 'deadline id (in round.deadlines; change the date there)',
    }),
  })
  .strict();
type P = z.output<typeof Params>;

const PRECISION = {
  month: { zh: '月', en: 'the month' },
  year: { zh: '年', en: 'the year' },
} as const;

// A step of the procedure done by the round's deadline. A date given only to the month or year is
// late when every day it covers is late, and `maybe-late` when only some are.
export default defineCheck({
  type: 'row',
  kind: 'deadline',
  validate: (p: P, ruleSet) =>
    ruleSet.round.deadlines.some((d) => d.id === p.deadline)
      ? null
      : `deadline "${p.deadline}" is not one of round.deadlines (${ruleSet.round.deadlines.map((d) => d.id).join(', ')})`,
  description: 'The date is on or before one of the round deadlines',
  params: Params,
  outcomes: ['late', 'maybe-late', 'blank', 'unreadable'],
  reads: (p: P) => ({ required: [p.field], optional: [], types: { [p.field]: 'date' } }),
  create(p: P, ruleSet) {
    const { date: deadline, label } = roundDeadline(ruleSet, p.deadline);
    // The English label starts a sentence in the rule file ("Employer recommendation deadline"); here
    // it sits mid-sentence.
    const labels = { deadline, deadlineLabel: label.zh, deadlineLabelEn: label.en.charAt(0).toLowerCase() + label.en.slice(1) };
    return (app, ctx) => {
      const cell = dateOf(app, p.field);
      if (cell.state === 'blank') return ctx.report('blank', { field: p.field, data: labels });
      if (cell.state === 'unreadable') return reportUnreadableDate(ctx, p.field);
      if (cell.first > deadline) {
        ctx.report('late', {
          field: p.field,
          data: { ...labels, date: formatPartial(cell.date), daysLate: diffDays(deadline, cell.first) },
        });
      } else if (cell.last > deadline) {
        const precision = cell.date.precision === 'year' ? PRECISION.year : PRECISION.month;
        ctx.report('maybe-late', {
          field: p.field,
          data: { ...labels, date: formatPartial(cell.date), precision: precision.zh, precisionEn: precision.en },
        });
      }
    };
  },
});
