import { z } from 'zod';
import { defineCheck } from '../check-kind.js';

const Params = z.object({}).strict();
type P = z.output<typeof Params>;

// A hidden row (folded away, or filtered out by 筛选) is screened like any other, but an office
// often hides an applicant it withdrew: flagged so it never reaches the 推荐名单 unnoticed.
export default defineCheck({
  type: 'row',
  kind: 'hidden-row',
  description: 'Flags an applicant whose row is hidden or filtered out in the roster',
  params: Params,
  outcomes: ['hidden'],
  readsSheetState: true,
  reads: (_p: P) => ({ required: [], optional: [], types: {} }),
  create(_p: P) {
    return (app, ctx) => {
      if (app.hidden) ctx.report('hidden');
    };
  },
});
