import type { CellValue } from '../core/types.js';
import { isValidYmd, isoFromYmd } from './iso-date.js';
import { cellText, formatCharsIn, toHalfWidth, withoutFormatChars } from './text.js';

// GB 11643-1999: weights of the first 17 digits, and Σ mod 11 → check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`need 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

export type IdCheck =
  | { ok: true; normalized: string; birth: string; sex: 'male' | 'female' }
  | { ok: false; reason: 'length' | 'chars' | 'birth' | 'checksum'; expected?: string };

// Several rules validate the same applicant's ID one after another: keep the last answer (the
// result is never modified by callers).
let last: { s: string; check: IdCheck } | undefined;

/** An 18-character resident ID (lower-case x accepted); reasons are checked in this order. */
export function validateIdNumber(s: string): IdCheck {
  if (last?.s === s) return last.check;
  const check = validate(s);
  last = { s, check };
  return check;
}

/**
 * Spaces and hyphens people type to group an ID's digits (`330106 19800502 0075`), and the
 * apostrophe that is Excel's way of typing a number as text (in a CSV it stays in the cell).
 */
export const ID_SEPARATORS = /[\s\-‐‑–—－'‘’`"“”]+/g;

/**
 * An ID with a note typed after it in brackets (`330106…4319（已核）`, `…【退休返聘】`): the 18
 * characters and the note. The person is the ID's; the id-number rule asks for the note to move.
 */
const ID_WITH_NOTE = /^(\d{17}[\dXx])([([【][^]*[)\]】])$/;

/** The bracketed note after an ID (see ID_WITH_NOTE), or null. */
export function idNoteOf(s: string): string | null {
  const m = ID_WITH_NOTE.exec(toHalfWidth(withoutFormatChars(s)).trim().replace(ID_SEPARATORS, ''));
  return m ? m[2]! : null;
}

function validate(s: string): IdCheck {
  // Read through the separators, invisible format characters and a bracketed note (every rule
  // then sees the same person); the id-number rule still asks for them to be removed.
  const joined = toHalfWidth(withoutFormatChars(s)).trim().replace(ID_SEPARATORS, '');
  const raw = ID_WITH_NOTE.exec(joined)?.[1] ?? joined;
  if (raw.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dXx]$/.test(raw)) return { ok: false, reason: 'chars' };
  const t = raw.toUpperCase();
  const y = Number(t.slice(6, 10));
  const m = Number(t.slice(10, 12));
  const d = Number(t.slice(12, 14));
  if (y < 1900 || y > 2100 || !isValidYmd(y, m, d)) return { ok: false, reason: 'birth' };
  const expected = checkDigit(t.slice(0, 17));
  if (t[17] !== expected) return { ok: false, reason: 'checksum', expected };
  // 17th digit: odd = male, even = female.
  const sex = Number(t[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalized: t, birth: isoFromYmd(y, m, d), sex };
}

export interface IdCell {
  /** The cell's text (`cellText`: trimmed, without invisible format characters). */
  text: string;
  numeric: boolean;
  precisionLost: boolean;
  error: boolean;
  /** Invisible format characters (Unicode Cf) typed in the ID, as code points (`U+200B`); `text` is without them. */
  formatChars: string[];
}

/**
 * The ID as the roster holds it. Excel keeps numbers as doubles, so an 18-digit ID typed without
 * text format has lost its last digits (numeric + precisionLost); `3.3E+17` text is the same loss.
 * A formula's error value (`#REF!`, `#N/A`) is `error`: no ID at all, its text the error's code.
 */
export function idFromCell(v: CellValue | undefined): IdCell {
  if (v?.kind === 'number') {
    return { text: cellText(v), numeric: true, precisionLost: !Number.isSafeInteger(v.value), error: false, formatChars: [] };
  }
  const text = cellText(v);
  if (v?.kind === 'error') return { text, numeric: false, precisionLost: false, error: true, formatChars: [] };
  const sci = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i.test(toHalfWidth(text));
  // Around the text, a BOM is whitespace to trim (as JavaScript's trim has it), not something typed.
  const formatChars = v?.kind === 'string' ? formatCharsIn(v.text.trim()) : [];
  return { text, numeric: sci, precisionLost: sci, error: false, formatChars };
}

const SURROGATE = /[\uD800-\uDFFF]/;

function charCount(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  // Without surrogate pairs, UTF-16 units are characters: plain slices, no array of characters.
  if (!SURROGATE.test(s)) {
    if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
    return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd);
  }
  const cs = Array.from(s);
  if (cs.length <= keepStart + keepEnd) return '*'.repeat(cs.length);
  return cs.slice(0, keepStart).join('') + '*'.repeat(cs.length - keepStart - keepEnd) + cs.slice(cs.length - keepEnd).join('');
}

/**
 * `330106197102114321` → `330106********4321`; shorter: first 2 and last 2 (≥ 6 chars), else all `*`.
 * An ID typed with spaces, hyphens or full-width digits (`330106 19710211 4321`) is masked as its 18
 * characters, so one person's ID shows in one form wherever it appears (the ID column, a message
 * quoting the cell, a duplicate found on the normalised ID).
 */
export function maskId(s: string): string {
  const t = standardId(s.trim());
  const n = charCount(t);
  if (n >= 18) return maskMiddle(t, 6, 4);
  return n >= 6 ? maskMiddle(t, 2, 2) : '*'.repeat(n);
}

const PLAIN_ID = /^\d{17}[\dX]$/;
const LOOSE_ID = /^\d{17}[\dXx]$/;

/** An 18-character ID however typed, as its 18 characters (upper-case X); any other text as given. */
function standardId(t: string): string {
  if (PLAIN_ID.test(t)) return t;
  const joined = toHalfWidth(withoutFormatChars(t)).replace(ID_SEPARATORS, '');
  const id = ID_WITH_NOTE.exec(joined)?.[1] ?? joined;
  return LOOSE_ID.test(id) ? id.toUpperCase() : t;
}

/** `13812341234` → `138****1234`; other numbers keep their first 3 and last 4 when ≥ 8 chars. */
export function maskPhone(s: string): string {
  const t = s.trim();
  const n = charCount(t);
  if (/^1\d{10}$/.test(toHalfWidth(t))) return `${t.slice(0, 3)}****${t.slice(7)}`;
  return n >= 8 ? maskMiddle(t, 3, 4) : '*'.repeat(n);
}

const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Masks ID-like (18 chars) and mobile-like (11 digits) runs inside free text, full-width too. */
export function maskSensitiveText(text: string): string {
  // An invisible character inside an ID or a phone number must not keep it from being masked.
  const s = withoutFormatChars(text);
  // Match on the half-width copy (same length), replace in the original.
  const mask = (text: string, re: RegExp, f: (x: string) => string): string => {
    const half = toHalfWidth(text);
    let out = '';
    let last = 0;
    for (const m of half.matchAll(re)) {
      out += text.slice(last, m.index) + f(text.slice(m.index, m.index + m[0].length));
      last = m.index + m[0].length;
    }
    return out + text.slice(last);
  };
  return mask(mask(s, ID_IN_TEXT, maskId), MOBILE_IN_TEXT, maskPhone);
}
