import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { perParams } from './shared/per-params.js';
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

const compile = perParams((p: P) => ({
  flag: p.flag.map((w) => ({ word: w, key: termKey(w) })),
  allow: p.allow.map(termKey),
}));

// Free text flagged by keywords: a flag word gives `flagged` unless an allow word is also present.
export default defineCheck<P>({
  type: 'row',
  kind: 'keyword-flag',
  description: 'Free text containing a flag keyword (and no allow keyword) is flagged',
  params: Params,
  outcomes: ['flagged'],
  reads: (p) => ({ required: [p.field], optional: [] }),
  check(app, p, ctx) {
    const text = textOf(app, p.field);
    if (text === '') {
      if (p.blank !== null) ctx.report(p.blank, { field: p.field });
      return;
    }
    const c = compile(p);
    const key = termKey(text);
    if (c.allow.some((a) => key.includes(a))) return;
    const hit = c.flag.find((f) => key.includes(f.key));
    if (hit) ctx.report('flagged', { field: p.field, data: { keyword: hit.word } });
  },
});
