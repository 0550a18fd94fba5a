import type { Lang } from '../core/types.js';
import { resolveSpecialty } from '../rules/checks/specialty.js';
import type { RuleSet } from '../rules/schema.js';
import { UNKNOWN } from './labels.js';

export interface SpecialtyOf {
  /** Canonical specialty (人工智能, 机电制造 …), or the text as given. */
  canonical: string;
  /** The 正高 committee it goes to (人工智能 → 信息技术): the recommendation list's group. */
  committee: string;
  conditionDoc: string | null;
  known: boolean;
}

export interface SpecialtyGroups {
  of(text: string): SpecialtyOf;
  /** Sort key of a committee: the rule set's order, unknown committees after, blank last. */
  rank(committee: string): number;
  /** The condition document of the committee's own specialty (信息技术 → 〔2019〕144号). */
  committeeDoc(committee: string): string | null;
}

/** Groups 申报专业 texts by committee through the rule set's `specialty` rule (none: by the text itself). */
export function specialtyGroups(ruleSet: RuleSet | null, lang: Lang): SpecialtyGroups {
  const blank = UNKNOWN[lang].specialty;
  const order = committeeOrder(ruleSet);
  const cache = new Map<string, SpecialtyOf>();
  const of = (text: string): SpecialtyOf => {
    let hit = cache.get(text);
    if (hit === undefined) {
      const r = ruleSet ? resolveSpecialty(ruleSet, text) : text.trim() ? { canonical: text.trim(), committee: text.trim(), conditionDoc: null, known: false } : null;
      hit = r ?? { canonical: '', committee: blank, conditionDoc: null, known: false };
      cache.set(text, hit);
    }
    return hit;
  };
  return {
    of,
    rank: (committee) => {
      const i = order.indexOf(committee);
      return i >= 0 ? i : committee === blank ? order.length + 1 : order.length;
    },
    committeeDoc: (committee) => {
      const r = of(committee);
      return r.known && r.canonical === committee ? r.conditionDoc : null;
    },
  };
}

// Reads only the committee names, in the order the rule file lists its specialties.
function committeeOrder(ruleSet: RuleSet | null): string[] {
  const def = ruleSet?.rules.find((r) => r.check === 'specialty' && r.enabled);
  const list = def?.params['specialties'];
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const s of list as unknown[]) {
    const c = (s as { committee?: unknown } | null)?.committee;
    if (typeof c === 'string' && !out.includes(c)) out.push(c);
  }
  return out;
}
