import { fitCell } from './cell-text.js';
import { protectXString } from './xstring.js';

// XML character data both ways: escaping what we write, decoding the references in what we read.

/** Escapes text content / attribute values and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Longest reference decoded ("&#x10FFFF;" is 10); a longer run to the `;` is kept as written. */
const MAX_REF = 12;

/**
 * Decodes the five XML entities and &#N; / &#xH; references; anything else (an unknown name, a
 * code point beyond U+10FFFF, stray digits) is kept as written. No regex: it runs on cell text.
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > MAX_REF) break;
    const rep = referenceText(s.slice(amp + 1, semi));
    if (rep !== undefined) {
      out += s.slice(from, amp) + rep;
      from = semi + 1;
    }
    amp = s.indexOf('&', rep !== undefined ? semi + 1 : amp + 1);
  }
  return out + s.slice(from);
}

function referenceText(ent: string): string | undefined {
  if (ent.charCodeAt(0) !== 35 /* # */) return NAMED[ent];
  const hex = ent.charCodeAt(1) === 120 || ent.charCodeAt(1) === 88;
  const digits = ent.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Escapes text for a cell or comment `<t>`: as escapeXml, "_xHHHH_" protected so that Excel
 * shows it as written instead of as the character it would encode (ST_Xstring), and cut at
 * Excel's cell limit (or `limit`, when more text goes into the same cell or note).
 */
export function escapeText(text: string, limit?: number): string {
  return escapeXml(protectXString(fitCell(text, limit)));
}
