/**
 * The same text as a string of its own. V8 keeps a substring of 13 or more characters as a slice
 * of its parent, and the reader's cell texts are substrings of whole decoded chunks of XML (or of
 * a whole CSV): a value kept for the rest of the run (an ID number, a unit) would keep every chunk
 * it came from alive — at 1 000 000 rows, the whole shared-strings part. A JSON round trip copies
 * any string exactly (lone surrogates included). Recent copies are shared, so a unit named on
 * thousands of rows is still one string.
 */
export function ownString(s: string): string {
  if (s.length < 13) return s; // V8 copies short substrings anyway
  let own = recent.get(s);
  if (own === undefined) {
    own = JSON.parse(JSON.stringify(s)) as string;
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(own, own);
  }
  return own;
}

const recent = new Map<string, string>();
const RECENT_MAX = 4096;
