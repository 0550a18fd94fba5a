import { toHalfWidth } from './text.js';

/**
 * How a combined cell is cut into its fields (rule sets name one per combined column):
 * - `text-date`: a text then a date, `高级工程师 2016.12`, `高工（2017年3月）`, `高级工程师，2015-09-30`;
 * - `list`: texts in order, `大学本科/学士`, `硕士研究生 硕士`, `本科（学士）`;
 * - `per-year`: one number per year, `96/102/90`, `96、60、90`, read so only when the header names
 *   as many years as the column has fields (otherwise `60/30` may be 专业/公需, not two years).
 */
export type SplitKind = 'text-date' | 'list' | 'per-year';
export const SPLIT_KINDS = ['text-date', 'list', 'per-year'] as const satisfies readonly SplitKind[];

// A date as offices write it after a title: 2016.12, 2016-12, 2015-09-30, 2017年3月, 2017年3月5日, 2016.
const DATE = String.raw`(?:19|20)\d{2}(?:\s*[年.\-/]\s*\d{1,2}(?:\s*[月.\-/]\s*\d{1,2}\s*日?|\s*月)?|\s*年)?`;
const TEXT_DATE_RE = new RegExp(String.raw`^(.*?[^\s,，、/;；:：(（])[\s,，、/;；:：]*(?:\((${DATE})\)|(${DATE}))$`, 'd');
// Separators between parts; whitespace only when no other separator is used.
const SEPARATORS = /\s*[/、,;；]\s*/g;
const SPACES = /\s+/g;
const BRACKETED = /^([^()]+?)\s*\(([^()]+)\)$/d;
// Years a header names: a list (2021/2022/2023年) or a range (2021-2023年).
const YEAR_G = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
const YEAR_RANGE = /(?<!\d)((?:19|20)\d{2})\s*[-~—至到]\s*((?:19|20)\d{2})(?!\d)/;

/**
 * The parts of a combined cell, `count` of them, or null when the text cannot be cut that way.
 * Separators are found on the half-width text; the parts are the user's own characters.
 */
export function splitCombined(text: string, kind: SplitKind, count: number, header = ''): string[] | null {
  const own = text.trim();
  const t = toHalfWidth(own); // same length as `own`
  if (t === '') return null;
  let ranges: Range[] | null;
  if (kind === 'text-date') ranges = count === 2 ? splitTextDate(t) : null;
  else if (kind === 'per-year' && yearsNamed(header) !== count) ranges = null;
  else ranges = splitList(t, count);
  return ranges && ranges.map(([a, b]) => own.slice(a, b).trim());
}

type Range = [number, number];

function splitTextDate(t: string): Range[] | null {
  const m = TEXT_DATE_RE.exec(t);
  const title = m?.indices?.[1];
  const date = m?.indices?.[2] ?? m?.indices?.[3];
  return title && date ? [title, date] : null;
}

function splitList(t: string, count: number): Range[] | null {
  let parts = between(t, SEPARATORS);
  if (parts.length === 1) parts = between(t, SPACES);
  if (parts.length === 1 && count === 2) {
    const m = BRACKETED.exec(t)?.indices;
    if (m?.[1] && m[2]) parts = [m[1], m[2]];
  }
  return parts.length === count ? parts : null;
}

/** The non-empty stretches of `t` between matches of `sep` (a global regex). */
function between(t: string, sep: RegExp): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (const m of t.matchAll(sep)) {
    if (m.index > from) out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  if (t.length > from) out.push([from, t.length]);
  return out;
}

/** How many years a header names: `继续教育学时（2021/2022/2023年）` → 3, `（2021-2023年）` → 3. */
export function yearsNamed(header: string): number {
  const t = toHalfWidth(header);
  const range = YEAR_RANGE.exec(t);
  if (range) {
    const span = Number(range[2]) - Number(range[1]) + 1;
    return span > 0 ? span : 0;
  }
  return new Set(t.match(YEAR_G) ?? []).size;
}
