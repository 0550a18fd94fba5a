/**
 * The same text as a string of its own, shared with equal texts seen recently. V8 keeps a
 * substring of 13 or more characters as a slice of its parent, and the reader's cell texts are
 * substrings of whole decoded chunks of XML (or of a whole CSV): a value kept for the rest of the
 * run (an ID number, a unit) would keep every chunk it came from alive — at 1 000 000 rows, the
 * whole shared-strings part. A JSON round trip copies any string exactly (lone surrogates
 * included). Sharing matters as much: texts made per row (dates, hours) repeat on thousands of
 * rows, and every byte kept per applicant costs several at the heap's peak.
 */
export function ownString(s: string): string {
  let own = recent.get(s);
  if (own === undefined) {
    // V8 copies substrings shorter than 13 characters anyway.
    own = s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
    if (recent.size >= RECENT_MAX) recent.clear();
    // Keyed by the copy, not by `s` (so not boundedMemo): a slice as key would pin its chunk.
    recent.set(own, own);
  }
  return own;
}

/**
 * An equal text seen recently, or this one: for strings already of their own (results copied from
 * the screening worker arrive so), where only the sharing is wanted, not ownString's copy.
 */
export function sharedString(s: string): string {
  const seen = recent.get(s);
  if (seen !== undefined) return seen;
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(s, s);
  return s;
}

const recent = new Map<string, string>();
const RECENT_MAX = 16_384;
