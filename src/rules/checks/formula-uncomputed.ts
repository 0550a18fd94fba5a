import { z } from 'zod';
import { defineCheck } from '../check-kind.js';

const Params = z.object({}).strict();
type P = z.output<typeof Params>;

// A formula cell without a cached value (a file written by a script and never opened in Excel or
// WPS) holds a value the file does not carry: one finding per such cell, instead of "blank".
export default defineCheck({
  type: 'row',
  kind: 'formula-uncomputed',
  description: 'Reports each recognised cell holding a formula that was never calculated',
  params: Params,
  outcomes: ['uncomputed'],
  reads: (_p: P) => ({ required: [], optional: [], types: {} }),
  judgesUncomputed: true,
  readsSheetState: true,
  create(_p: P) {
    return (app, ctx) => {
      for (const field of app.uncomputed ?? []) ctx.report('uncomputed', { field, value: '' });
    };
  },
});
