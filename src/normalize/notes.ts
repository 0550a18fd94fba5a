// A bracketed note, innermost first, on half-width text: `(含公需科目24学时)`, `(已登记)`, `【已审核】`.
const NOTE_RE = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g;

/** Half-width text without its bracketed notes (nested ones too), trimmed. */
export function withoutNotes(t: string): string {
  let out = t;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(NOTE_RE, ' ');
  }
  return out.trim();
}
