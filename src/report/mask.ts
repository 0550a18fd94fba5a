import type { ApplicantResult, Finding } from '../core/types.js';
import type { RunResult } from './run-result.js';
import { maskId, maskPhone } from '../normalize/id-number.js';
import { toHalfWidth } from '../normalize/text.js';

// Numbers in free text are found on the half-width copy of the text (same length, so a match
// maps back to the original): runs of digit groups joined by one space or hyphen
// (`330106 19800502 0075`, `138 5710 0115`, `0571-87650116`), an ID's final X, and Excel's
// scientific notation (`3.30106197204162E+17`). Letters next to the number do not protect it
// (`ID33010619810116006X`). Dates and hours stay: their groups are short (`2024-03-11`) or few
// digits in all.
const DIGIT_GROUPS = /(?<!\d)\d+(?:[ -]\d+)*[Xx]?/g;
const ONE_GROUP = /(?<!\d)\d+[Xx]?/g;
const SCIENTIFIC = /(?<!\d)\d\.\d{5,}[Ee]\+?\d{1,2}(?!\d)/g;
// Everything masked holds one of these: 7 digits in a row (an ID, a phone, the digits of a
// scientific number), three or more groups of 3+ digits (`138 5710 0115`, an ID typed in threes),
// or the head of a short scientific number (`3.30106E+17`). Dates and hours hold none, so most texts
// are returned at once: the reports mask every message of every applicant.
const CANDIDATE = /[0-9\uFF10-\uFF19]{7}|(?:[0-9\uFF10-\uFF19]{3,}[ -\u3000\uFF0D]){2,}[0-9\uFF10-\uFF19]{3}|[0-9\uFF10-\uFF19][.\uFF0E][0-9\uFF10-\uFF19]{5}/;

/** What a run of digit groups is: an ID-like number, a phone number, or neither. */
function maskGroups(run: string): 'id' | 'phone' | null {
  const groups = run.split(/[ -]/);
  const digits = groups.join('');
  const n = digits.length;
  if (groups.length === 1) {
    if (n >= 14) return 'id';
  } else {
    // Several groups count only when each is long (3+ digits: `2021 96` is a year and hours) and
    // they add up to an ID's length (not 16: `20240311-20240315` is a range of dates).
    if (groups.some((g) => g.replace(/[Xx]$/, '').length < 3)) return null;
    if (n === 15 || n === 17 || n === 18) return 'id';
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return 'phone';
  if (groups.length > 1 && /^0\d{9,11}$/.test(digits)) return 'phone'; // 0571-87650116
  return null;
}

/** Masks ID and phone numbers inside any text we print (terminal, HTML, Markdown, CSV, JSON). */
export function maskText(s: string): string {
  if (!CANDIDATE.test(s)) return s;
  const half = toHalfWidth(s);
  const spans: [number, number, 'id' | 'phone'][] = [];
  for (const m of half.matchAll(SCIENTIFIC)) spans.push([m.index, m.index + m[0].length, 'id']);
  // Joined groups first (`330106 19800502 0075`), then each run of digits alone (`隐私2 3301…`).
  for (const re of [DIGIT_GROUPS, ONE_GROUP]) {
    for (const m of half.matchAll(re)) {
      const what = maskGroups(m[0]);
      if (what && !spans.some(([a, b]) => m.index < b && m.index + m[0].length > a)) spans.push([m.index, m.index + m[0].length, what]);
    }
  }
  if (spans.length === 0) return s;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [a, b, what] of spans) {
    const t = s.slice(a, b);
    out += s.slice(last, a) + (what === 'id' ? maskId(t) : maskPhone(t));
    last = b;
  }
  return out + s.slice(last);
}

/**
 * Masks text that may hold the applicant's own ID cell as typed (whatever its spelling: the value
 * is known, so it is masked wherever it appears), then by pattern.
 */
function maskerFor(idText: string): (s: string) => string {
  const id = idText.trim();
  const known = digitCount(id) >= 10 ? id : '';
  return (s) => maskText(known && s.includes(known) ? s.split(known).join(maskId(known)) : s);
}

/** Digits (half- or full-width) in a text, counted without a regex match array (once per applicant per output). */
function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

/** The masker of one applicant's texts (see maskerFor); for formatters that mask field by field. */
export function applicantMasker(a: Pick<ApplicantResult, 'idNumber'>): (s: string) => string {
  return maskerFor(a.idNumber);
}

function maskFinding(f: Finding, text: (s: string) => string): Finding {
  return {
    ...f,
    value: f.value === null ? null : text(f.value),
    message: { zh: text(f.message.zh), en: text(f.message.en) },
    ...(f.exception ? { exception: { ...f.exception, note: text(f.exception.note) } } : {}),
  };
}

/** A copy of the applicant with ID numbers and phones masked wherever they appear (any field). */
export function maskApplicant(a: ApplicantResult): ApplicantResult {
  const text = maskerFor(a.idNumber);
  return {
    ...a,
    name: maskText(a.name),
    idNumber: a.idNumber ? maskId(a.idNumber) : '',
    unit: maskText(a.unit),
    specialty: maskText(a.specialty),
    findings: a.findings.map((f) => maskFinding(f, text)),
    ...(a.fields ? { fields: Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, maskText(v)])) } : {}),
  };
}

/**
 * The run with numbers masked inside free-text fields (name, unit, specialty, list fields) — for
 * outputs such as charts that group by those fields. The ID field itself is left for each formatter
 * to mask, since some derive sex and birth date from it first. An applicant with nothing to mask is
 * itself, not a copy (most are: at 100 000 applicants a copy of each was ~40 MB more at the peak).
 */
export function maskFreeText(run: RunResult): RunResult {
  return { ...run, applicants: run.applicants.map(maskedFreeText) };
}

function maskedFreeText(a: ApplicantResult): ApplicantResult {
  // Most applicants have nothing to mask: found without building anything (this runs over every applicant).
  if (maskText(a.name) === a.name && maskText(a.unit) === a.unit && maskText(a.specialty) === a.specialty && !someFieldMasks(a.fields)) return a;
  const name = maskText(a.name);
  const unit = maskText(a.unit);
  const specialty = maskText(a.specialty);
  const fields = a.fields ? Object.entries(a.fields).map(([k, v]) => [k, maskText(v)] as const) : undefined;
  const same = name === a.name && unit === a.unit && specialty === a.specialty && (fields ?? []).every(([k, v]) => a.fields![k] === v);
  if (same) return a;
  return { ...a, name, unit, specialty, ...(fields ? { fields: Object.fromEntries(fields) } : {}) };
}

function someFieldMasks(fields: ApplicantResult['fields']): boolean {
  if (!fields) return false;
  for (const k in fields) {
    const v = fields[k]!;
    if (maskText(v) !== v) return true;
  }
  return false;
}
