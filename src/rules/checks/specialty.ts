import { z } from 'zod';
import { defineCheck, named, type NamedOutcome } from '../check-kind.js';
import { textOf } from '../field-access.js';
import { doc } from '../param-doc.js';
import type { RuleSet } from '../schema.js';
import { classifier, termKey, type Match } from './shared/term-match.js';
import { COMMON } from './shared/param-docs.js';

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
    field: doc(z.string().min(1).default('specialty'), COMMON.field),
    specialties: doc(z.array(Specialty).min(1), {
      zh: '设有评审委员会的专业及其写法、评价条件文件',
      en: 'specialties with a committee, their spellings and condition documents',
    }),
    /** Committee label under which specialties without their own committee are grouped. */
    otherCommittee: doc(z.string().min(1), { zh: '没有专门评审委员会的专业归入的名称', en: 'label for specialties without their own committee' }),
  })
  .strict();
type P = z.output<typeof Params>;
type SpecialtyDef = z.output<typeof Specialty>;

const SUFFIX_RE = /专业$/;

function specialtyFinder(p: P): (text: string) => Match<SpecialtyDef> | null {
  const match = classifier<SpecialtyDef>(p.specialties.map((s) => ({ key: s, terms: { values: [s.name, ...s.values], contains: s.contains } })));
  return (text) => {
    const key = termKey(text);
    return match(key) ?? (SUFFIX_RE.test(key) ? match(key.replace(SUFFIX_RE, '')) : null);
  };
}

// 申报专业: one of the committees' specialties (variants mapped), or another engineering specialty
// without its own 正高 committee (warn), or blank (error). A specialty's own outcome is named in params.
export default defineCheck<P, 'blank' | 'other' | NamedOutcome>({
  type: 'row',
  kind: 'specialty',
  description: 'The specialty has a 正高 committee this round (variants mapped); others are flagged',
  params: Params,
  outcomes: ['blank', 'other'],
  reads: (p) => ({ required: [p.field], optional: [], types: { [p.field]: 'text' } }),
  create(p) {
    const find = specialtyFinder(p);
    const committees = [...new Set(p.specialties.map((s) => s.committee))];
    const other = { committees: committees.join('、'), committeesEn: committees.join(', ') };
    return (app, ctx) => {
      const text = textOf(app, p.field);
      if (text === '') return ctx.report('blank', { field: p.field });
      const hit = find(text);
      if (hit === null) return ctx.report('other', { field: p.field, data: other });
      const s = hit.key;
      if (s.outcome !== null) {
        ctx.report(named(s.outcome), {
          field: p.field,
          data: { canonical: s.name, committee: s.committee, conditionDoc: s.conditionDoc },
        });
      }
    };
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

/**
 * 申报专业 text → its committee and condition document, per the rule set's `specialty` rule (the
 * first enabled rule of that kind). null for a blank text. For grouping recommendation lists and
 * the info note; made once per rule set.
 */
export function specialtyResolver(ruleSet: RuleSet): (text: string) => ResolvedSpecialty | null {
  const def = ruleSet.rules.find((r) => r.check === 'specialty' && r.enabled);
  if (def === undefined) {
    return (text) => {
      const shown = text.trim();
      return shown === '' ? null : { canonical: shown, committee: shown, conditionDoc: null, known: false };
    };
  }
  const p = Params.parse(def.params);
  const find = specialtyFinder(p);
  return (text) => {
    const shown = text.trim();
    if (termKey(shown) === '') return null;
    const hit = find(shown);
    if (hit === null) return { canonical: shown, committee: p.otherCommittee, conditionDoc: null, known: false };
    return { canonical: hit.key.name, committee: hit.key.committee, conditionDoc: hit.key.conditionDoc, known: true };
  };
}

// The lists ask per applicant with only the rule set at hand: one resolver per rule set.
const resolvers = new WeakMap<RuleSet, (text: string) => ResolvedSpecialty | null>();

/** `specialtyResolver(ruleSet)(text)`, the resolver made once per rule set. */
export function resolveSpecialty(ruleSet: RuleSet, text: string): ResolvedSpecialty | null {
  let resolve = resolvers.get(ruleSet);
  if (resolve === undefined) resolvers.set(ruleSet, (resolve = specialtyResolver(ruleSet)));
  return resolve(text);
}
