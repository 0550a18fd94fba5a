import { z } from 'zod';
import { toHalfWidth } from '../../../normalize/text.js';
import { boundedMemo } from '../../../core/bounded-memo.js';

// Closed vocabularies of roster words (单位性质, 学历 …): each entry lists exact values and
// substrings. Matching is on a key: half-width, no whitespace, ASCII lower-case, no trailing 。.

const SPACE_RE = /[\s\u200B\uFEFF]+/g;
const TRAIL_RE = /[。.,，;；]+$/;
const UPPER_RE = /[A-Z]/g;

/** The matching key of a text. Remembered: a roster repeats its few titles, levels and grades on every row. */
export const termKey: (s: string) => string = boundedMemo((s) => toHalfWidth(s).replace(SPACE_RE, '').replace(TRAIL_RE, '').replace(UPPER_RE, (c) => c.toLowerCase()));

/** Params fragment: exact values and substrings (both compared as termKey). */
export const TermsSchema = z
  .object({
    values: z.array(z.string().min(1)).default([]),
    contains: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Terms = z.output<typeof TermsSchema>;

export interface Match<K> {
  key: K;
  /** The vocabulary word that matched (as written in the rule file). */
  term: string;
  /** True when matched as a substring, not the whole value. */
  partial: boolean;
}

/**
 * Ordered categories → a classifier. An exact value of any category wins over every substring;
 * substrings are tried in category order, then term order (put the more specific category first:
 * 参照公务员法管理的事业单位 must hit 参公 before 事业单位).
 */
export function classifier<K>(categories: readonly { key: K; terms: Terms }[]): (text: string) => Match<K> | null {
  const exact = new Map<string, Match<K>>();
  const partial: { needle: string; match: Match<K> }[] = [];
  for (const { key, terms } of categories) {
    for (const v of terms.values) {
      const k = termKey(v);
      if (!exact.has(k)) exact.set(k, { key, term: v, partial: false });
    }
    for (const c of terms.contains) partial.push({ needle: termKey(c), match: { key, term: c, partial: true } });
  }
  return (text) => {
    const k = termKey(text);
    const found = exact.get(k);
    if (found !== undefined) return found;
    for (const p of partial) if (k.includes(p.needle)) return p.match;
    return null;
  };
}

/** A condition on another column, e.g. “单位性质 is a 事业单位 but not 参公”. */
export const WhenSchema = z
  .object({
    field: z.string().min(1),
    values: z.array(z.string().min(1)).default([]),
    contains: z.array(z.string().min(1)).default([]),
    /** Substrings that veto a match (checked first). */
    except: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type When = z.output<typeof WhenSchema>;

export function whenMatcher(when: When): (text: string) => boolean {
  const match = classifier([{ key: true, terms: { values: when.values, contains: when.contains } }]);
  const except = when.except.map(termKey);
  return (text) => {
    const k = termKey(text);
    if (k === '' || except.some((e) => k.includes(e))) return false;
    return match(text) !== null;
  };
}
