import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { perParams } from './shared/per-params.js';
import { boundedMemo } from '../../core/bounded-memo.js';
import { termKey } from './shared/term-match.js';

const Params = z
  .object({
    field: z.string().min(1),
    /** Substrings that mark the value (e.g. 行政, 销售). */
    flag: z.array(z.string().min(1)).min(1),
    /** Substrings that clear it even when a flag word is present (e.g. 技术 in 技术销售). */
    allow: z.array(z.string().min(1)).default([]),
    /** Outcome for a blank cell; null = blank is fine. */
    blank: z.string().min(1).nullable().default('blank'),
  })
  .strict();
type P = z.output<typeof Params>;

const compile = perParams((p: P) => {
  const flag = p.flag.map((w) => ({ word: w, key: termKey(w) }));
  const allow = p.allow.map(termKey);
  // The flag word found, or null when none is (or an allow word clears it).
  return boundedMemo((text: string): string | null => {
    const key = termKey(text);
    if (allow.some((a) => key.includes(a))) return null;
    return flag.find((f) => key.includes(f.key))?.word ?? null;
  });
});

// Free text flagged by keywords: a flag word gives `flagged` unless an allow word is also present.
export default defineCheck<P>({
  type: 'row',
  kind: 'keyword-flag',
  description: 'Free text containing a flag keyword (and no allow keyword) is flagged',
  params: Params,
  outcomes: ['flagged'],
  outcomesFor: (p) => (p.blank === null ? ['flagged'] : ['flagged', p.blank]),
  reads: (p) => ({ required: [p.field], optional: [] }),
  check(app, p, ctx) {
    const text = textOf(app, p.field);
    if (text === '') {
      if (p.blank !== null) ctx.report(p.blank, { field: p.field });
      return;
    }
    const keyword = compile(p)(text);
    if (keyword !== null) ctx.report('flagged', { field: p.field, data: { keyword } });
  },
});
