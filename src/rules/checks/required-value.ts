import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { doc } from '../param-doc.js';

const Params = z
  .object({
    field: doc(z.string().min(1), { zh: '必须填写的列（列编号）', en: 'column that must be filled in (column id)' }),
  })
  .strict();
type P = z.output<typeof Params>;

// A row with applicant data but a blank 姓名 is still an applicant (never skipped), and never one
// listed with an empty name: the blank cell is a finding of its own. A value with no letter or digit
// at all (combining marks, symbols, invisible characters) names nobody: a warning to check it.
export default defineCheck({
  type: 'row',
  kind: 'required-value',
  description: 'Reports a blank cell in a column every applicant must fill in (e.g. 姓名)',
  params: Params,
  outcomes: ['blank', 'no-text'],
  reads: (p: P) => ({ required: [p.field], optional: [], types: { [p.field]: 'text' } }),
  create(p: P) {
    return (app, ctx) => {
      const text = textOf(app, p.field);
      if (text === '') ctx.report('blank', { field: p.field });
      else if (!/[\p{L}\p{N}]/u.test(text)) ctx.report('no-text', { field: p.field });
    };
  },
});
