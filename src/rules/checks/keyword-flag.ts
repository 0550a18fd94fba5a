import { z } from 'zod';
import { defineCheck, named, type NamedOutcome } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';
import { termKey } from './shared/term-match.js';

const Params = z
  .object({
    field: doc(z.string().min(1), COMMON.field),
    /** Substrings that mark the value (e.g. 行政, 销售). */
    flag: doc(z.array(z.string().min(1)).min(1), { zh: '含有这些字的值需要核实', en: 'values containing these words are flagged' }),
    /** Substrings that clear it even when a flag word is present (e.g. 技术 in 技术销售). */
    allow: doc(z.array(z.string().min(1)).default([]), {
      zh: '含有这些字时不再标记（即使含有 flag 中的字）',
      en: 'these words clear the flag',
    }),
    /** Outcome for a blank cell; null = blank is fine. */
    blank: doc(z.string().min(1).nullable().default('blank'), COMMON.blank),
  })
  .strict();
type P = z.output<typeof Params>;

function compile(p: P): (text: string) => string | null {
  const flag = p.flag.map((w) => ({ word: w, key: termKey(w) }));
  const allow = p.allow.map(termKey);
  // The flag word found, or null when none is (or an allow word clears it).
  return (text) => {
    const key = termKey(text);
    if (allow.some((a) => key.includes(a))) return null;
    return flag.find((f) => key.includes(f.key))?.word ?? null;
  };
}

// Free text flagged by keywords: a flag word gives `flagged` unless an allow word is also present.
export default defineCheck<P, 'flagged' | NamedOutcome>({
  type: 'row',
  kind: 'keyword-flag',
  description: 'Free text containing a flag keyword (and no allow keyword) is flagged',
  params: Params,
  outcomes: ['flagged'],
  outcomesFor: (p) => (p.blank === null ? ['flagged'] : ['flagged', p.blank]),
  reads: (p) => ({ required: [p.field], optional: [], types: { [p.field]: 'text' } }),
  create(p) {
    const flaggedBy = compile(p);
    const blank = p.blank === null ? null : named(p.blank);
    return (app, ctx) => {
      const text = textOf(app, p.field);
      if (text === '') {
        if (blank !== null) ctx.report(blank, { field: p.field });
        return;
      }
      const keyword = flaggedBy(text);
      if (keyword !== null) ctx.report('flagged', { field: p.field, data: { keyword } });
    };
  },
});
