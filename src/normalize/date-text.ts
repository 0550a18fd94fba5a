import type { CellValue } from '../core/types.js';
import { daysInMonth, fromDayNumber, isoFromYmd, isValidIso, isValidYmd, ymdOf } from './iso-date.js';
import { toHalfWidth, withoutFormatChars } from './text.js';

/** A date as precise as the roster gave it: `2019` (year), `2019-06` (month) or a day. */
export interface PartialDate {
  y: number;
  m?: number;
  d?: number;
  precision: 'day' | 'month' | 'year';
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Builds a PartialDate from matched digit strings, or null if out of range / impossible. */
function make(ys: string, ms?: string, ds?: string): PartialDate | null {
  const y = Number(ys);
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) return null;
  if (ms === undefined) return { y, precision: 'year' };
  const m = Number(ms);
  if (!(m >= 1 && m <= 12)) return null;
  if (ds === undefined) return { y, m, precision: 'month' };
  const d = Number(ds);
  return isValidYmd(y, m, d) ? { y, m, d, precision: 'day' } : null;
}

// Each pattern yields (year, month?, day?) groups. Order matters for extractDate: at one position
// the most specific form is tried first. Lookaheads keep digit runs whole, and stop a shorter form
// from taking the head of a longer, invalid one (`2019.02.30` is not February 2019).
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const PATTERNS: readonly RegExp[] = [
  // 2019年6月30日
  new RegExp(String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*[日号]?${TIME}`, 'y'),
  // 2019-06-30, 2019/6/3, 2019.06.30 (one separator throughout), optional time
  new RegExp(String.raw`(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)${TIME}`, 'y'),
  // 2019年6月
  /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/y,
  // 2019-06, 2019/06, 2019.6
  /(\d{4})[-/.](\d{1,2})(?![-/.]?\d)/y,
  // 20190630, 201906
  /(\d{4})(\d{2})(\d{2})(?!\d)/y,
  /(\d{4})(\d{2})(?!\d)/y,
  // 2019年, 2019
  /(\d{4})(?![-/.]?\d)(?!\s*年\s*\d)\s*年?/y,
];

/** Groups of a pattern match → PartialDate (the separator group of `2019-06-30` is skipped). */
function fromMatch(m: RegExpExecArray): PartialDate | null {
  const g = m.slice(1).filter((x): x is string => x !== undefined && !/^[-/.]$/.test(x));
  return make(g[0] ?? '', g[1], g[2]);
}

function matchAt(t: string, i: number): { date: PartialDate; end: number } | null {
  if (i > 0 && /\d/.test(t[i - 1] ?? '')) return null;
  for (const re of PATTERNS) {
    re.lastIndex = i;
    const m = re.exec(t);
    if (m === null) continue;
    const date = fromMatch(m);
    if (date !== null) return { date, end: re.lastIndex };
  }
  return null;
}

/** A whole string that is a date in one of the roster forms (docs/rules.md §5), else null. */
export function parseDateText(s: string): PartialDate | null {
  const t = toHalfWidth(withoutFormatChars(s)).trim();
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(t);
    if (m !== null && re.lastIndex === t.length) {
      const date = fromMatch(m);
      if (date !== null) return date;
    }
  }
  return null;
}

/** The first date inside free text (`2023年9月 记过`, `记过（2023.09）`) and the text around it. */
export function extractDate(text: string): { date: PartialDate; rest: string } | null {
  const s = withoutFormatChars(text);
  // toHalfWidth maps one UTF-16 unit to one, so indices into `t` are indices into `s`.
  const t = toHalfWidth(s);
  for (let i = 0; i < t.length; i++) {
    if (!/\d/.test(t[i] ?? '')) continue;
    const hit = matchAt(t, i);
    if (hit === null) continue;
    const rest = (s.slice(0, i) + ' ' + s.slice(hit.end))
      .replace(/[(（[【]\s*[)）\]】]/g, '')
      .replace(/\s+/g, ' ')
      .replace(/^[\s,，;；:：、]+|[\s,，;；:：、]+$/g, '');
    return { date: hit.date, rest };
  }
  return null;
}

/** Serial day 1 is 1900-01-01; 60 is Lotus's nonexistent 1900-02-29, so later serials are off by one. */
function fromExcelSerial(serial: number): PartialDate | null {
  const n = Math.floor(serial);
  if (n < 1 || n === 60) return null;
  // 1899-12-31 is day −25568; after the fake leap day Excel is one ahead.
  const iso = fromDayNumber(-25568 + (n < 60 ? n : n - 1));
  const [y, m, d] = ymdOf(iso);
  return { y, m, d, precision: 'day' };
}

/**
 * A number Excel kept for a typed `2019.06`: year.month. `2019.1` is refused because the user may
 * have typed 2019.1 (January) or 2019.10 (October) and Excel stores both alike.
 */
function fromYearDotMonth(v: number): PartialDate | null {
  const m = /^(\d{4})\.(\d{1,2})$/.exec(String(v));
  if (m === null || m[2] === '1') return null;
  return make(m[1] ?? '', m[2]);
}

/**
 * A cell as a date. undefined = blank; null = a value that is not a date.
 * Numbers: a bare year (1900–2100), yyyymmdd, yyyymm, year.month, else an Excel 1900-system serial.
 */
export function parseDateValue(v: CellValue | undefined): PartialDate | null | undefined {
  if (v === undefined) return undefined;
  switch (v.kind) {
    case 'string':
      return withoutFormatChars(v.text).trim() === '' ? undefined : parseDateText(v.text);
    case 'date': {
      // Excel's serial 60 reads as 1900-02-29 (Lotus's leap-year bug), a day that never existed.
      if (!isValidIso(v.iso)) return null;
      const [y, m, d] = ymdOf(v.iso);
      return { y, m, d, precision: 'day' };
    }
    case 'number': {
      const n = v.value;
      if (!Number.isFinite(n) || n < 0) return null;
      if (!Number.isInteger(n)) {
        if (n >= MIN_YEAR && n < MAX_YEAR + 1) return fromYearDotMonth(n);
        return n < 80_001 ? fromExcelSerial(n) : null;
      }
      if (n >= MIN_YEAR && n <= MAX_YEAR) return { y: n, precision: 'year' };
      if (n >= 19_000_101 && n <= 21_001_231) return parseDateText(String(n));
      if (n >= 190_001 && n <= 210_012) return parseDateText(String(n));
      return n <= 80_000 ? fromExcelSerial(n) : null;
    }
    default:
      return null;
  }
}

const RANGE_SEP = /^\s*(?:至|到|~+|〜|-+|–+|—+)\s*/;

/** The end of a range, which may leave out the year (`3月15日`, `3.15`) or year and month (`15日`). */
function parseRangeEnd(t: string, start: PartialDate): PartialDate | null {
  const full = parseDateText(t);
  if (full !== null) return full;
  const ys = String(start.y);
  let m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(t) ?? /^(\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m !== null) return make(ys, m[1], m[2]);
  m = /^(\d{1,2})\s*月$/.exec(t);
  if (m !== null) return make(ys, m[1]);
  m = /^(\d{1,2})\s*[日号]?$/.exec(t);
  if (m !== null && start.m !== undefined) return make(ys, String(start.m), m[1]);
  return null;
}

/**
 * `2024年3月11日至3月15日`, `2024.3.11—3.15`, `2024-03-11 ~ 2024-03-15` … The end inherits a
 * missing year (and month) from the start. End before start is returned as is, for the rule to report.
 */
export function parseDateRange(s: string): { start: PartialDate; end: PartialDate } | null {
  const t = toHalfWidth(s).trim();
  // `-` is both a date and a range separator (`2024-03-11-15`): try every separator position and
  // keep the split whose start is most precise.
  const rank = { year: 0, month: 1, day: 2 } as const;
  let best: { start: PartialDate; end: PartialDate } | null = null;
  for (let i = 1; i < t.length; i++) {
    const sep = RANGE_SEP.exec(t.slice(i));
    if (sep === null) continue;
    const start = parseDateText(t.slice(0, i));
    if (start === null) continue;
    const end = parseRangeEnd(t.slice(i + sep[0].length).trim(), start);
    if (end !== null && (best === null || rank[start.precision] > rank[best.start.precision])) {
      best = { start, end };
    }
  }
  return best;
}

/** ISO of a day-precision date; throws for a month or year. */
export function isoOf(d: PartialDate): string {
  if (d.precision !== 'day' || d.m === undefined || d.d === undefined) {
    throw new RangeError(`date ${formatPartial(d)} is not precise to the day`);
  }
  return isoFromYmd(d.y, d.m, d.d);
}

/** First calendar day the date covers: `2019-02` → 2019-02-01, `2019` → 2019-01-01. */
export function firstDay(d: PartialDate): string {
  return isoFromYmd(d.y, d.m ?? 1, d.d ?? 1);
}

/** Last calendar day the date covers: `2019-02` → 2019-02-28, `2019` → 2019-12-31. */
export function lastDay(d: PartialDate): string {
  const m = d.m ?? 12;
  return isoFromYmd(d.y, m, d.d ?? daysInMonth(d.y, m));
}

/** `2019`, `2019-02` or `2019-02-03`, as precise as the date. */
export function formatPartial(d: PartialDate): string {
  if (d.m === undefined) return String(d.y);
  const ym = `${d.y}-${String(d.m).padStart(2, '0')}`;
  return d.d === undefined ? ym : `${ym}-${String(d.d).padStart(2, '0')}`;
}
