// Compiled by index.test.ts, never run: outcome names are a literal type, so a typo is a compile
// error (each @ts-expect-error must be needed, or tsc reports it unused).
import { z } from 'zod';
import { defineCheck, named, type NamedOutcome } from '../../../src/rules/check-kind.js';

export const literal = defineCheck({
  type: 'row',
  kind: 'typo-check',
  description: 'fixture',
  params: z.object({}),
  outcomes: ['short', 'blank'],
  reads: () => ({ required: [], optional: [], types: {} }),
  create: () => (_app, ctx) => {
    ctx.report('short');
    // @ts-expect-error 'shrot' is not one of the kind's outcomes
    ctx.report('shrot');
    // @ts-expect-error an outcome from params must say so with named()
    ctx.report(String('blank'));
  },
});

export const fromParams = defineCheck<{ outcome: string }, 'flagged' | NamedOutcome>({
  type: 'row',
  kind: 'named-check',
  description: 'fixture',
  params: z.object({ outcome: z.string() }),
  outcomes: ['flagged'],
  reads: () => ({ required: [], optional: [], types: {} }),
  create: (p) => (_app, ctx) => {
    ctx.report('flagged');
    ctx.report(named(p.outcome));
    // @ts-expect-error still a literal union besides the named ones
    ctx.report('flaged');
  },
});

export const cross = defineCheck({
  type: 'cross',
  kind: 'cross-check',
  description: 'fixture',
  params: z.object({}),
  outcomes: ['same-id'],
  reads: () => ({ required: [], optional: [], types: {} }),
  create: () => (ctx) => ({
    add: () => undefined,
    finish: () => {
      ctx.report(0, 'same-id');
      // @ts-expect-error not one of the cross kind's outcomes
      ctx.report(0, 'same-ib');
    },
  }),
});
