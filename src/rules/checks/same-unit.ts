import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { toHalfWidth } from '../../normalize/text.js';
import { doc } from '../param-doc.js';
import { COMMON } from './shared/param-docs.js';

const Params = z
  .object({
    field: doc(z.string().min(1), COMMON.field),
    /** The column it must name the same organisation as. */
    sameAs: doc(z.string().min(1), { zh: '须与之为同一单位的列', en: 'column that must name the same organisation' }),
  })
  .strict();
type P = z.output<typeof Params>;

// Spaces, full-width forms, brackets of either width and ASCII case do not make two names differ:
// 某某（杭州）有限公司 = 某某(杭州)有限公司 = 某某杭州有限公司.
const NOISE_RE = /[\s\u200B\uFEFF()[\]【】〔〕<>《》"'“”‘’]+/g;
const UPPER_RE = /[A-Z]/g;
const organisationKey = (s: string) => toHalfWidth(s).replace(NOISE_RE, '').replace(UPPER_RE, (c) => c.toLowerCase());

// Two columns name the same organisation (社保缴纳单位 = 工作单位). A blank side says nothing.
export default defineCheck({
  type: 'row',
  kind: 'same-unit',
  description: 'Two columns name the same organisation (ignoring spaces, brackets and full-width forms)',
  params: Params,
  outcomes: ['different'],
  reads: (p: P) => ({ required: [p.field, p.sameAs], optional: [], types: { [p.field]: 'text', [p.sameAs]: 'text' } }),
  create: (p: P) => (app, ctx) => {
    const a = textOf(app, p.field);
    const b = textOf(app, p.sameAs);
    if (a === '' || b === '') return;
    if (organisationKey(a) !== organisationKey(b)) ctx.report('different', { field: p.field, data: { other: b } });
  },
});
