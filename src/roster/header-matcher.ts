import type { FieldId } from '../core/types.js';
import { boundedMemo } from '../core/bounded-memo.js';
import { normalizeHeader } from '../normalize/text.js';
import type { ColumnDef } from '../rules/schema.js';

/** Maps header texts to field ids through the rule set's aliases (docs/rules.md §5). */
export class HeaderMatcher {
  private readonly byAlias = new Map<string, FieldId>();
  /** The first PREFIX characters of every alias as matched (normalised), as a trie of char codes. */
  private readonly starts: Trie = new Map();

  constructor(columns: readonly ColumnDef[]) {
    for (const c of columns) {
      for (const a of [c.label.zh, ...c.aliases]) {
        const key = normalizeHeader(a);
        if (key && !this.byAlias.has(key)) this.byAlias.set(key, c.id);
        let node = this.starts;
        for (let n = 0; n < Math.min(PREFIX, key.length); n++) {
          const code = key.charCodeAt(n);
          let next = node.get(code);
          if (!next) node.set(code, (next = new Map<number, Trie>()));
          node = next;
        }
      }
    }
  }

  /**
   * Header search tries every cell of the first rows, names, ID numbers and dates included, and
   * folders repeat the same headers in every file. Most data cells are turned away by how they
   * start; the answers for the rest are remembered per text (bounded). Remembering every data cell
   * cost more than it saved (a 200-roster folder: ~0.1 s in the memo's map alone).
   */
  match(header: string): FieldId | null {
    return this.mayMatch(header) ? this.memo(header) : null;
  }

  private readonly memo = boundedMemo((header) => this.lookup(header));

  /**
   * False only when the text cannot match: its normalised form would not start like any alias.
   * normalizeHeader maps characters one by one, except that it drops whitespace, peels bracketed
   * notes, strips trailing colons and a numbering prefix (`1.`); so the text's first characters,
   * up to a bracket or colon, are the start of its normalised form, and a numbered text goes to the
   * full lookup. (It also turns 2021年年度 into 2021年度, which drops a character after the
   * fifth: the start compared is the same.)
   */
  private mayMatch(text: string): boolean {
    const n = text.length;
    let i = 0;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    // A numbering prefix: digits (spaces between them are dropped), then a dot, 、 or a note.
    if (i < n && isDigit(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && (isDigit(text.charCodeAt(j)) || isSpace(text.charCodeAt(j)))) j++;
      if (j < n) {
        const c = halfWidth(text.charCodeAt(j));
        if (c === 46 /* . */ || c === 0x3001 /* 、 */ || isBracket(c)) return true;
      }
    }
    // Walk the aliases' starts along the text's normalised characters: most data cells leave at
    // the first or second one.
    let node = this.starts;
    let count = 0;
    for (; i < n && count < PREFIX; i++) {
      let c = text.charCodeAt(i);
      if (isSpace(c)) continue;
      c = halfWidth(c);
      if (isBracket(c) || c === 58 /* : */) return true;
      if (c >= 65 && c <= 90) c += 32; // A-Z
      const next = node.get(c);
      if (!next) return false;
      node = next;
      count++;
    }
    return count > 0;
  }

  private lookup(header: string): FieldId | null {
    const key = normalizeHeader(header);
    if (!key) return null;
    return this.byAlias.get(key) ?? this.byAlias.get(key.replace(/^\d+[.、]/, '')) ?? null;
  }
}

// How much of a text's start is compared with the aliases': enough to tell a date (2023-…) from
// a year column (2023年…).
const PREFIX = 5;

type Trie = Map<number, Trie>;

// Character classes as normalizeHeader sees them (its regexes, one character code at a time).
/** Removed as whitespace: JavaScript's \s, plus zero-width space and BOM. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Full-width ASCII as its ASCII twin (toHalfWidth). */
function halfWidth(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/** Opens a note that normalizeHeader may peel: ( [ 【 (after halfWidth). */
function isBracket(c: number): boolean {
  return c === 40 || c === 91 || c === 0x3010;
}
