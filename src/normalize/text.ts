import type { CellValue } from '../core/types.js';

/**
 * Unicode format characters (general category Cf): zero-width space U+200B, the direction marks
 * U+200E/U+200F and embeddings U+202A–U+202E, word joiner U+2060, soft hyphen U+00AD, a BOM U+FEFF
 * inside the text, … They show nothing, come with text pasted from web pages, chat apps and Word,
 * and are never part of a name, a date, a number or an ID: values are read without them.
 */
const FORMAT_CHAR = /\p{Cf}/u;
const FORMAT_CHARS = /\p{Cf}/gu;

/** `s` without Unicode format characters (category Cf), which are invisible. */
export function withoutFormatChars(s: string): string {
  // Almost no cell has one: a test is cheaper than a replace.
  return FORMAT_CHAR.test(s) ? s.replace(FORMAT_CHARS, '') : s;
}

/** The distinct format characters (Cf) in `s`, in order, as code points: `['U+200B', 'U+00AD']`. */
export function formatCharsIn(s: string): string[] {
  if (!FORMAT_CHAR.test(s)) return [];
  const found = new Set<string>();
  for (const m of s.matchAll(FORMAT_CHARS)) {
    found.add(`U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

/** Full-width ASCII (U+FF01–FF5E) → ASCII, ideographic space → space. Keeps string length. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(s: string): string {
  // Most cells have no full-width character: a test is cheaper than a replace with a callback.
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** A number as a person reads it: never exponent form, except beyond 1e21 where JS has no other. */
export function numberText(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null || Math.abs(n) >= 1e21) return s;
  // Only tiny magnitudes (< 1e-6) reach here: shift the mantissa's digits right.
  const [, sign, int = '', frac = '', exp = '0'] = m;
  return `${sign}0.${'0'.repeat(-Number(exp) - 1)}${int}${frac}`.replace(/0+$/, '');
}

/**
 * Display text of a cell: the user's text, trimmed and without invisible format characters
 * (`withoutFormatChars`), never a reinterpretation.
 */
export function cellText(v: CellValue | undefined): string {
  if (v === undefined) return '';
  switch (v.kind) {
    case 'string':
      return withoutFormatChars(v.text).trim();
    case 'number':
      return numberText(v.value);
    case 'date':
      return v.iso;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
      return v.code;
  }
}

// A year that is not the head of a date: `（2021年）` names a column, `（格式：2019-06）` is an example.
const YEAR_RE = /(?<!\d)(?:19|20)\d{2}(?![-/.]?\d)(?!\s*年\s*\d)/;
// Innermost bracket pairs only; the loop below peels nested notes from the inside out.
const HAS_BRACKET = /[([【]/;
// A bracket naming the second field of a combined header, after the field it joins: a title's date
// (现职称（取得时间）), a degree after the education (学历（学位）). Elsewhere a bracket is a note
// (参加工作（时间） stays 参加工作, as before).
const SECOND_FIELD_RE = /^(?:取得|任职|评定|获得)?(?:时间|年月|日期)$|^学位$/;
const JOINS_SECOND_FIELD_RE = /(?:职称|资格|职务|学历)$/;
const NOTE_RE = /\(([^()[\]【】]*)\)|\[([^()[\]【】]*)\]|【([^()[\]【】]*)】/g;

/**
 * Header text for matching: half-width, no whitespace, no bracketed notes, no trailing colon,
 * ASCII lower-case. A note holding a year (`（2021年）`) is kept without its brackets, since the
 * year is what tells 2021/2022/2023 columns apart. `2021年年度考核` (year above, kind below) is
 * `2021年度考核`.
 */
export function normalizeHeader(s: string): string {
  let t = toHalfWidth(s).replace(/[\s\p{Cf}]+/gu, '');
  // Most texts have no bracketed note: skip the peeling loop (header search runs on every cell).
  for (let prev = HAS_BRACKET.test(t) ? '' : t; prev !== t; ) {
    prev = t;
    t = t.replace(NOTE_RE, (_all, a?: string, b?: string, c?: string, at?: number, whole?: string) => {
      const inner = a ?? b ?? c ?? '';
      if (YEAR_RE.test(inner)) return inner;
      // 现职称（取得时间）, 学历（学位）: the cell holds a second field, as 现职称及取得时间 says.
      const before = (whole ?? '').slice(0, at ?? 0);
      if (SECOND_FIELD_RE.test(inner) && JOINS_SECOND_FIELD_RE.test(before)) return `及${inner}`;
      return '';
    });
  }
  // 2021年年度考核: a two-row header's year above (2021年) joined to the kind below (年度考核).
  if (t.includes('年年度')) t = t.replace(YEAR_THEN_ANNUAL_RE, '$1年度');
  return t.replace(/:+$/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const YEAR_THEN_ANNUAL_RE = /(?<!\d)((?:19|20)\d{2})年年度/g;

const NONE_VALUES = new Set([
  '无', '否', '没有', '无处分', '未受处分', '未受过处分', '未受到处分', '无任何处分', '未受任何处分',
  '暂无', '无记录', '-', '--', '—', '——', '–', '/', '\\', 'n/a', 'na', 'none', 'nil', 'null',
]);

/** A value that explicitly says "none" (distinct from a blank cell, which is not a none value). */
export function isNoneValue(s: string): boolean {
  const t = toHalfWidth(s).trim().replace(/[。.]$/, '').toLowerCase();
  return NONE_VALUES.has(t);
}
