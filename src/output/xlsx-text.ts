// exceljs writes strings into the sheet XML as they are, but OOXML reads "_xHHHH_" in a string
// as an escaped character (ST_Xstring): a cell "_x0041_张" written unprotected is shown as "A张"
// by Excel, WPS and every reader, ours included. Escaping the leading underscore as "_x005F_"
// keeps the text as the user wrote it. Every string handed to exceljs goes through here.

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function protectXString(s: string): string {
  return s.indexOf('_x') < 0 && s.indexOf('_X') < 0 ? s : s.replace(XSTRING_ESCAPE, '_x005F_x$1_');
}
