import { z } from 'zod';
import { defineCheck } from '../check-kind.js';
import { textOf } from '../field-access.js';
import type { RuleSet } from '../schema.js';
import { classifier, termKey, type Match } from './shared/term-match.js';
import { perParams } from './shared/per-params.js';
import { boundedMemo } from '../../core/bounded-memo.js';

const Specialty = z
  .object({
    /** Canonical name, e.g. 石油和化学工程. */
    name: z.string().min(1),
    /** The 正高 committee that reviews it (人工智能 → 信息技术). */
    committee: z.string().min(1),
    /** The document holding its conditions, e.g. 浙经信人事〔2019〕144号. */
    conditionDoc: z.string().min(1),
    /** Accepted spellings besides the name (exact, compared as termKey; a trailing 专业 is ignored). */
    values: z.array(z.string().min(1)).default([]),
    contains: z.array(z.string().min(1)).default([]),
    /** Outcome to report for it (e.g. 人工智能 → info); null = fine as is. */
    outcome: z.string().min(1).nullable().default(null),
  })
  .strict();

const Params = z
  .object({
    field: z.string().min(1).default('specialty'),
    specialties: z.array(Specialty).min(1),
    /** Committee label under which specialties without their own committee are grouped. */
    otherCommittee: z.string().min(1),
  })
  .strict();
type P = z.output<typeof Params>;
type SpecialtyDef = z.output<typeof Specialty>;

const SUFFIX_RE = /专业$/;

const compile = perParams((p: P) => {
  const match = classifier<SpecialtyDef>(
    p.specialties.map((s) => ({ key: s, terms: { values: [s.name, ...s.values], contains: s.contains } })),
  );
  const committees = [...new Set(p.specialties.map((s) => s.committee))];
  return {
    find: boundedMemo((text: string): Match<SpecialtyDef> | null => {
      const key = termKey(text);
      return match(key) ?? (SUFFIX_RE.test(key) ? match(key.replace(SUFFIX_RE, '')) : null);
    }),
    committees: committees.join('、'),
    committeesEn: committees.join(', '),
  };
});

// 申报专业: one of the committees' specialties (variants mapped), or another engineering specialty
// without its own 正高 committee (warn), or blank (error).
export default defineCheck<P>({
  type: 'row',
  kind: 'specialty',
  description: 'The specialty has a 正高 committee this round (variants mapped); others are flagged',
  params: Params,
  outcomes: ['blank', 'other'],
  reads: (p) => ({ required: [p.field], optional: [] }),
  check(app, p, ctx) {
    const text = textOf(app, p.field);
    if (text === '') return ctx.report('blank', { field: p.field });
    const c = compile(p);
    const hit = c.find(text);
    if (hit === null) {
      return ctx.report('other', { field: p.field, data: { committees: c.committees, committeesEn: c.committeesEn } });
    }
    const s = hit.key;
    if (s.outcome !== null) {
      ctx.report(s.outcome, {
        field: p.field,
        data: { canonical: s.name, committee: s.committee, conditionDoc: s.conditionDoc },
      });
    }
  },
});

export interface ResolvedSpecialty {
  /** The canonical specialty, or the text as given when it is not one of the round's. */
  canonical: string;
  /** The committee that reviews it; the rule's `otherCommittee` label for unknown specialties. */
  committee: string;
  conditionDoc: string | null;
  known: boolean;
}

// The rule set's specialty params, parsed once per rule set (null: it has no specialty rule).
const paramsOfRuleSet = new WeakMap<RuleSet, P | null>();

function specialtyParams(ruleSet: RuleSet): P | null {
  let p = paramsOfRuleSet.get(ruleSet);
  if (p === undefined) {
    const def = ruleSet.rules.find((r) => r.check === 'specialty' && r.enabled);
    p = def === undefined ? null : Params.parse(def.params);
    paramsOfRuleSet.set(ruleSet, p);
  }
  return p;
}

const resolver = perParams((p: P) =>
  boundedMemo((shown: string): ResolvedSpecialty | null => {
    if (termKey(shown) === '') return null;
    const hit = compile(p).find(shown);
    if (hit === null) return { canonical: shown, committee: p.otherCommittee, conditionDoc: null, known: false };
    return { canonical: hit.key.name, committee: hit.key.committee, conditionDoc: hit.key.conditionDoc, known: true };
  }),
);

/**
 * 申报专业 text → its committee and condition document, per the rule set's `specialty` rule (the
 * first enabled rule of that kind). null for a blank text. For grouping recommendation lists.
 * The result is shared between calls: do not modify it.
 */
export function resolveSpecialty(ruleSet: RuleSet, text: string): ResolvedSpecialty | null {
  const shown = text.trim();
  const p = specialtyParams(ruleSet);
  if (p === null) return shown === '' ? null : { canonical: shown, committee: shown, conditionDoc: null, known: false };
  return resolver(p)(shown);
}
