// OOXML escapes characters XML cannot carry as `_xHHHH_` (e.g. `_x000D_` for CR) in string
// values; a literal `_x` sequence is protected as `_x005F_x…`. exceljs's streaming reader
// leaves these escapes in the text.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s; // the common case: no regex at all
  return s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
