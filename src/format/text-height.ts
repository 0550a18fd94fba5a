// Row heights for wrapped cells. Excel and LibreOffice do not reliably re-fit a row's height when a
// file is opened, so every sheet we write measures its text against the column width and sets the
// height itself; otherwise wrapped text prints over the neighbouring rows.

/** Display width of a text in Excel column units: full-width (CJK and the like) 2, others 1. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  );
}

/**
 * Lines a text takes in a column `width` units wide (Excel's column width): the sum over its
 * explicit lines of ceil(units / usable width). One unit is kept for the cell's padding.
 */
export function lineCount(text: string, width: number): number {
  const usable = Math.max(1, Math.floor(width) - 1);
  // Short text fits one line whatever its characters (none is wider than 2 units): most cells.
  if (text.length * 2 <= usable && !text.includes('\n')) return 1;
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(textUnits(line) / usable));
  return lines;
}

/** Points per printed line of a `fontSize`-point font, with the cell's top and bottom padding. */
export function heightForLines(lines: number, fontSize: number): number {
  return Math.ceil(lines * fontSize * 1.4 + 4);
}

/** The height a row needs for its cells: `cells` pairs a text with the width it wraps in. */
export function rowHeightFor(cells: Iterable<{ text: string; width: number }>, fontSize: number, min: number): number {
  let lines = 1;
  for (const c of cells) if (c.text) lines = Math.max(lines, lineCount(c.text, c.width));
  return Math.max(min, heightForLines(lines, fontSize));
}
