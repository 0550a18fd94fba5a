import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { toHalfWidth } from '../../normalize/text.js';
import { boundedMemo } from '../../core/bounded-memo.js';

const Params = z
  .object({
    field: z.string().min(1),
    /** The column it must name the same organisation as. */
    sameAs: z.string().min(1),
  })
  .strict();
type P = z.output<typeof Params>;

// Spaces, full-width forms, brackets of either width and ASCII case do not make two names differ:
// 某某（杭州）有限公司 = 某某(杭州)有限公司 = 某某杭州有限公司.
const NOISE_RE = /[\s\u200B\uFEFF()[\]【】〔〕<>《》"'“”‘’]+/g;
const UPPER_RE = /[A-Z]/g;
const organisationKey = boundedMemo((s: string) =>
  toHalfWidth(s).replace(NOISE_RE, '').replace(UPPER_RE, (c) => c.toLowerCase()),
);

// Two columns name the same organisation (社保缴纳单位 = 工作单位). A blank side says nothing.
export default defineCheck<P>({
  type: 'row',
  kind: 'same-unit',
  description: 'Two columns name the same organisation (ignoring spaces, brackets and full-width forms)',
  params: Params,
  outcomes: ['different'],
  reads: (p) => ({ required: [p.field, p.sameAs], optional: [] }),
  check(app, p, ctx) {
    const a = textOf(app, p.field);
    const b = textOf(app, p.sameAs);
    if (a === '' || b === '') return;
    if (organisationKey(a) !== organisationKey(b)) ctx.report('different', { field: p.field, data: { other: b } });
  },
});
