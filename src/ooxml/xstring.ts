// OOXML's own escape inside string values (ST_Xstring): `_xHHHH_` stands for a character XML
// cannot carry (e.g. `_x000D_` for CR), and a literal `_x` sequence is protected as `_x005F_x…`.
// Excel, WPS and every reader (ours included) decode it, so text we write must be protected.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text as read: the escapes decoded. */
export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s; // the common case: no regex at all
  return s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Text to write: a "_xHHHH_" in it protected (its underscore as "_x005F_"), so it is shown as
 * written. Every string we hand to exceljs or write into a part goes through here.
 */
export function protectXString(s: string): string {
  return s.indexOf('_x') < 0 && s.indexOf('_X') < 0 ? s : s.replace(ESCAPE, '_x005F_x$1_');
}
