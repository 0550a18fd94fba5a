// A1 references <-> 0-based column / 1-based row.

export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

export interface CellPos {
  row: number;
  col: number;
}

/** Parses `B12` or `$B$12`; null when it is not a single-cell A1 reference. */
export function parseA1(ref: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { col: colIndex(m[1]!.toUpperCase()), row: Number(m[2]) };
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
