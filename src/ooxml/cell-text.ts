import { protectXString } from './xstring.js';

// What any cell or note text we write must respect, whatever the roster held: Excel's cell limit
// (32 767 characters; longer text makes Excel repair the file) and XML 1.0's character set
// (C0 controls, U+FFFE/U+FFFF and lone surrogates make the part malformed).

/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_LIMIT = 32_767;
/** Appended to a text cut at the limit, so the reader sees that something is missing. */
export const CUT_MARK = '…（已截断）';

/** The text, or its start plus CUT_MARK when it is over Excel's cell limit. */
export function fitCell(text: string, limit = EXCEL_CELL_LIMIT): string {
  if (text.length <= limit) return text;
  let cut = limit - CUT_MARK.length;
  // Never leave half a surrogate pair before the mark.
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut) + CUT_MARK;
}

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * XML-safe text: a C0 control becomes the `_xHHHH_` escape Excel itself writes for it (so the
 * character survives a round trip); U+FFFE, U+FFFF and lone surrogates, which nothing can carry,
 * become U+FFFD. Run it after protectXString, or the escapes made here would be protected.
 */
export function xmlSafe(text: string): string {
  FORBIDDEN.lastIndex = 0;
  if (!FORBIDDEN.test(text)) return text;
  return text.replace(FORBIDDEN, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? `_x${code.toString(16).toUpperCase().padStart(4, '0')}_` : '\ufffd';
  });
}

/** Text for a cell written through exceljs: cut to the limit, `_xHHHH_` protected, XML-safe. */
export function excelCellText(text: string): string {
  return xmlSafe(protectXString(fitCell(text)));
}

const BAD_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * XML text with the characters no XML 1.0 document may hold replaced by U+FFFD, for a part we
 * pass through in pieces (the roster sheet of the copy): a sheet our lenient reader accepted with
 * such a character raw must not make the copy malformed. Lone surrogates need nothing here:
 * UTF-8 encoding writes them as U+FFFD already (and a piece may end inside a pair).
 */
export function withoutBadChars(xml: string): string {
  BAD_CHARS.lastIndex = 0;
  return BAD_CHARS.test(xml) ? xml.replace(BAD_CHARS, '\ufffd') : xml;
}
