import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { LocalizedSchema } from '../schema.js';
import { textOf } from '../field-access.js';
import { extractDate, formatPartial, lastDay, type PartialDate } from '../../normalize/date-text.js';
import { addMonths } from '../../normalize/iso-date.js';
import { isNoneValue } from '../../normalize/text.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import { termKey, whenMatcher, WhenSchema } from './shared/term-match.js';

const SanctionSchema = z
  .object({
    label: LocalizedSchema,
    /** Words that name it in a roster cell (substrings). */
    words: doc(z.array(z.string().min(1)).min(1), { zh: '识别用的字词', en: 'words that identify it' }),
    /** Length of the sanction period; null = never ends (开除). */
    months: doc(z.number().int().positive().nullable(), { zh: '影响期（月）；null = 不限', en: 'months it bars; null = no limit' }),
    /** In force, it bars a 事业单位 employee from applying (记过 or heavier). */
    bars: z.boolean(),
  })
  .strict();

const Params = z
  .object({
    field: doc(z.string().min(1), COMMON.field),
    /** Who counts as 事业单位 staff (the unit-type column and its values). */
    institution: doc(WhenSchema, {
      zh: '哪些人属于事业单位人员（单位性质列及取值）',
      en: 'who counts as public-institution staff (unit-type column and values)',
    }),
    /** Lightest first: when a cell names several, the last listed (heaviest) decides. */
    sanctions: doc(z.array(SanctionSchema).min(1), {
      zh: '处分种类，由轻到重，及其影响期（月）',
      en: 'sanction kinds, lightest first, with the months they bar',
    }),
    /** A part starting with one of these and holding no date says "no sanction" (未受记过处分). */
    negations: doc(z.array(z.string().min(1)).default([]), { zh: '表示“未受处分”的写法', en: 'phrases meaning “no sanction”' }),
  })
  .strict();
type P = z.output<typeof Params>;
type Sanction = z.output<typeof SanctionSchema>;

const SPLIT_RE = /[;；\n。]+/;

/** What one part of a 处分情况 cell says; depends only on the text and the params. */
type Entry =
  | { kind: 'unrecognized'; segment: string }
  | { kind: 'no-date'; segment: string; sanction: Sanction }
  | { kind: 'dated'; segment: string; sanction: Sanction; date: PartialDate; from: string; until: string | null };

function compile(p: P) {
  const isInstitution = whenMatcher(p.institution);
  const words = p.sanctions.map((s) => ({ sanction: s, keys: s.words.map(termKey) }));
  const negations = p.negations.map(termKey);
  const entriesOf = (text: string): Entry[] => {
    const entries: Entry[] = [];
    if (isNoneValue(text)) return entries;
    for (const part of text.split(SPLIT_RE)) {
      const segment = part.trim();
      if (segment === '' || isNoneValue(segment)) continue;
      const key = termKey(segment);
      let found: Sanction | undefined;
      for (const w of words) if (w.keys.some((k) => key.includes(k))) found = w.sanction;
      const dated = extractDate(segment);
      if (dated === null && negations.some((n) => key.startsWith(n))) continue;
      if (found === undefined) entries.push({ kind: 'unrecognized', segment });
      else if (dated === null) entries.push({ kind: 'no-date', segment, sanction: found });
      else {
        const from = lastDay(dated.date);
        const until = found.months === null ? null : addMonths(from, found.months);
        entries.push({ kind: 'dated', segment, sanction: found, date: dated.date, from, until });
      }
    }
    return entries;
  };
  return { isInstitution, entriesOf };
}

// 处分情况: a sanction runs from its date for its period (事业单位工作人员处分规定). A date given to the
// month is read as the month's last day, so a sanction that may still run counts as running. The
// last day of the period is the same day N months later (counting as the civil code does: the start
// day is not counted), so it is still in force on that day.
export default defineCheck({
  type: 'row',
  kind: 'discipline',
  description: 'No sanction of 记过 or heavier in force on the reference date for 事业单位 staff; other sanction entries are flagged for review',
  params: Params,
  outcomes: ['in-force', 'in-force-minor', 'in-force-other', 'expired', 'no-date', 'unrecognized', 'blank'],
  reads: (p: P) => ({ required: [p.field], optional: [p.institution.field], types: { [p.field]: 'text', [p.institution.field]: 'text' } }),
  create(p: P) {
    const c = compile(p);
    return (app, ctx) => {
      const text = textOf(app, p.field);
      if (text === '') return ctx.report('blank', { field: p.field });
      const entries = c.entriesOf(text);
      if (entries.length === 0) return;
      const on = ctx.env.ruleSet.round.referenceDate;
      const institution = c.isInstitution(textOf(app, p.institution.field));

      for (const e of entries) {
        if (e.kind === 'unrecognized') {
          ctx.report('unrecognized', { field: p.field, data: { segment: e.segment } });
          continue;
        }
        const names = { sanction: e.sanction.label.zh, sanctionEn: e.sanction.label.en, segment: e.segment, on };
        if (e.kind === 'no-date') {
          ctx.report('no-date', { field: p.field, data: names });
          continue;
        }
        const monthOnly = e.date.precision !== 'day';
        const data = {
          ...names,
          date: formatPartial(e.date),
          basis: monthOnly ? `，按${e.date.precision === 'month' ? '当月' : '当年'}最后一日${e.from}起算` : '',
          basisEn: monthOnly ? `, counted from ${e.from}, the last day it may mean` : '',
          term: e.until === null ? '无期限' : `${e.sanction.months}个月，至${e.until}届满`,
          termEn: e.until === null ? 'has no end' : `is ${e.sanction.months} months, ending ${e.until}`,
          until: e.until ?? '',
        };
        if (e.until !== null && e.until < on) ctx.report('expired', { field: p.field, data });
        else if (!e.sanction.bars) ctx.report('in-force-minor', { field: p.field, data });
        else if (institution) ctx.report('in-force', { field: p.field, data });
        else ctx.report('in-force-other', { field: p.field, data });
      }
    };
  },
});
