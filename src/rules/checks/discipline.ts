import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { LocalizedSchema } from '../schema.js';
import { textOf } from '../field-access.js';
import { extractDate, formatPartial, lastDay } from '../../normalize/date-text.js';
import { addMonths } from '../../normalize/iso-date.js';
import { isNoneValue } from '../../normalize/text.js';
import { perParams } from './shared/per-params.js';
import { termKey, whenMatcher, WhenSchema } from './shared/term-match.js';

const SanctionSchema = z
  .object({
    label: LocalizedSchema,
    /** Words that name it in a roster cell (substrings). */
    words: z.array(z.string().min(1)).min(1),
    /** Length of the sanction period; null = never ends (开除). */
    months: z.number().int().positive().nullable(),
    /** In force, it bars a 事业单位 employee from applying (记过 or heavier). */
    bars: z.boolean(),
  })
  .strict();

const Params = z
  .object({
    field: z.string().min(1),
    /** Who counts as 事业单位 staff (the unit-type column and its values). */
    institution: WhenSchema,
    /** Lightest first: when a cell names several, the last listed (heaviest) decides. */
    sanctions: z.array(SanctionSchema).min(1),
    /** A part starting with one of these and holding no date says "no sanction" (未受记过处分). */
    negations: z.array(z.string().min(1)).default([]),
  })
  .strict();
type P = z.output<typeof Params>;
type Sanction = z.output<typeof SanctionSchema>;

const SPLIT_RE = /[;；\n。]+/;

const compile = perParams((p: P) => ({
  isInstitution: whenMatcher(p.institution),
  words: p.sanctions.map((s, rank) => ({ rank, sanction: s, keys: s.words.map(termKey) })),
  negations: p.negations.map(termKey),
}));

// 处分情况: a sanction runs from its date for its period (事业单位工作人员处分规定). A date given to the
// month is read as the month's last day, so a sanction that may still run counts as running. The
// last day of the period is the same day N months later (counting as the civil code does: the start
// day is not counted), so it is still in force on that day.
export default defineCheck<P>({
  type: 'row',
  kind: 'discipline',
  description: 'No sanction of 记过 or heavier in force on the reference date for 事业单位 staff; other sanction entries are flagged for review',
  params: Params,
  outcomes: ['in-force', 'in-force-minor', 'in-force-other', 'expired', 'no-date', 'unrecognized', 'blank'],
  reads: (p) => ({ required: [p.field], optional: [p.institution.field] }),
  check(app, p, ctx) {
    const text = textOf(app, p.field);
    if (text === '') return ctx.report('blank', { field: p.field });
    if (isNoneValue(text)) return;
    const c = compile(p);
    const on = ctx.env.ruleSet.round.referenceDate;
    const institution = c.isInstitution(textOf(app, p.institution.field));

    for (const part of text.split(SPLIT_RE)) {
      const segment = part.trim();
      if (segment === '' || isNoneValue(segment)) continue;
      const key = termKey(segment);
      let found: Sanction | undefined;
      for (const w of c.words) if (w.keys.some((k) => key.includes(k))) found = w.sanction;
      const dated = extractDate(segment);
      if (dated === null && c.negations.some((n) => key.startsWith(n))) continue;
      if (found === undefined) {
        ctx.report('unrecognized', { field: p.field, data: { segment } });
        continue;
      }
      const names = { sanction: found.label.zh, sanctionEn: found.label.en, segment };
      if (dated === null) {
        ctx.report('no-date', { field: p.field, data: names });
        continue;
      }
      const from = lastDay(dated.date);
      const until = found.months === null ? null : addMonths(from, found.months);
      const monthOnly = dated.date.precision !== 'day';
      const data = {
        ...names,
        date: formatPartial(dated.date),
        basis: monthOnly ? `，按${dated.date.precision === 'month' ? '当月' : '当年'}最后一日${from}起算` : '',
        basisEn: monthOnly ? `, counted from ${from}, the last day it may mean` : '',
        term: until === null ? '无期限' : `${found.months}个月，至${until}届满`,
        termEn: until === null ? 'has no end' : `is ${found.months} months, ending ${until}`,
        until: until ?? '',
        on,
      };
      if (until !== null && until < on) ctx.report('expired', { field: p.field, data });
      else if (!found.bars) ctx.report('in-force-minor', { field: p.field, data });
      else if (institution) ctx.report('in-force', { field: p.field, data });
      else ctx.report('in-force-other', { field: p.field, data });
    }
  },
});
