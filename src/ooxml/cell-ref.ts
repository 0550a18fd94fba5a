// A1 references and column letters, one convention everywhere: columns are 0-based indexes
// (0 = A), rows are Excel's 1-based row numbers. The reader's per-cell parsing uses the
// loop-based columnAt (a regex per cell would cost); everything else may use parseA1.

/** Last 0-based column of Excel's grid (XFD). */
export const MAX_COL = 16383;

/** 0 → A, 25 → Z, 26 → AA. */
export function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A → 0, AA → 26 (letters of either case). */
export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

/**
 * 0-based column of the A1 reference in `buf[start, end)`, or -1 when it is not one (no letters,
 * or letters not followed by a row number, like "EinlineStr"). A column beyond XFD comes back as
 * MAX_COL + 1 (capped, so it stays a small number; callers refuse it).
 */
export function columnAt(buf: string, start = 0, end = buf.length): number {
  let col = 0;
  let letters = 0;
  let i = start;
  if (i < end && buf.charCodeAt(i) === 36 /* $ */) i++;
  for (; i < end; i++) {
    const c = buf.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COL + 1) col = MAX_COL + 2;
    letters++;
  }
  if (letters === 0) return -1;
  if (i < end && buf.charCodeAt(i) === 36 /* $ */) i++;
  const d = i < end ? buf.charCodeAt(i) - 48 : -1;
  if (d < 0 || d > 9) return -1;
  return col - 1;
}

/**
 * The row number a `<row r>` gives, or -1 when it gives none: an xsd:unsignedInt (blanks around it,
 * a leading +, leading zeros), above 0. The screening reader and the annotated copy both use this:
 * a row they numbered differently would get another row's marks.
 */
export function rowNumber(r: string | undefined): number {
  if (r === undefined) return -1;
  const t = r.trim();
  if (!/^\+?\d{1,15}$/.test(t)) return -1;
  const n = Number(t);
  return n > 0 ? n : -1;
}

/** 1-based row of the digits in `ref` ("C7" → 7), or -1. */
export function rowOfRef(ref: string): number {
  let row = 0;
  let seen = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      row = row * 10 + (c - 48);
      seen = true;
    }
    else if (seen) break;
  }
  return seen ? row : -1;
}

export interface CellPos {
  row: number;
  col: number;
}

/** Parses `B12` or `$B$12`; null when it is not a single-cell A1 reference. */
export function parseA1(ref: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { col: colIndex(m[1]!), row: Number(m[2]) };
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses `A1:T30` (or a single cell); null otherwise. */
export function parseRange(ref: string): RangePos | null {
  const [a, b] = ref.split(':');
  const p = parseA1(a ?? '');
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeRef(r: RangePos): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}
