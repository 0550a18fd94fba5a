import type { CellValue, FieldColumn, FieldId, MergeRange, RawRow } from '../core/types.js';
import { a1 } from '../ooxml/cell-ref.js';

interface Origin {
  /** 1-based row and 0-based column of the range's top-left cell. */
  row: number;
  col: number;
  value: CellValue | undefined;
}

/**
 * Merged data cells, read the way a person reads them: a value merged down an employer's rows
 * (工作单位, 申报专业 …) belongs to each row of the range. Only ranges below the header count.
 */
export class MergeFill {
  /** Row → column → the range's top-left cell, for every covered cell but the top-left one. */
  private readonly covered = new Map<number, Map<number, Origin>>();

  /** `width`: the header's columns; a range reaching past them or past the last row is cut there. */
  constructor(merges: readonly MergeRange[], headerRow: number, width: number, rows: readonly RawRow[]) {
    const byRow = new Map<number, RawRow>();
    let lastRow = 0;
    for (const r of rows) {
      byRow.set(r.row, r);
      lastRow = Math.max(lastRow, r.row);
    }
    for (const m of merges) {
      if (m.top <= headerRow || (m.top === m.bottom && m.left === m.right)) continue;
      const origin: Origin = { row: m.top, col: m.left - 1, value: byRow.get(m.top)?.cells[m.left - 1] };
      const bottom = Math.min(m.bottom, lastRow);
      const right = Math.min(m.right, width);
      for (let row = m.top; row <= bottom; row++) {
        for (let col = m.left - 1; col < right; col++) {
          if (row === m.top && col === m.left - 1) continue;
          let cols = this.covered.get(row);
          if (!cols) this.covered.set(row, (cols = new Map()));
          cols.set(col, origin);
        }
      }
    }
  }

  /** The row with its merged cells holding their range's value (the row itself when none). */
  apply(r: RawRow): RawRow {
    const cols = this.covered.get(r.row);
    if (!cols) return r;
    const cells = r.cells.slice();
    for (const [col, origin] of cols) {
      while (cells.length < col) cells.push(undefined);
      cells[col] = origin.value;
    }
    return { ...r, cells };
  }

  /** A1 of the range's first cell when (row, col) is a covered cell of a merged range; else null. */
  originOf(row: number, col: number): string | null {
    const origin = this.covered.get(row)?.get(col);
    return origin ? a1(origin.row, origin.col) : null;
  }

  /**
   * When 姓名 and 身份证号 are both merged down from one earlier row, this row is that applicant
   * written on another line (one achievement per line): returns that first row, else null.
   */
  continues(row: number, fields: Map<FieldId, FieldColumn>): number | null {
    const name = fields.get('name');
    const id = fields.get('idNumber');
    if (!name || !id) return null;
    const cols = this.covered.get(row);
    const a = cols?.get(name.col);
    const b = cols?.get(id.col);
    if (!a || !b || a.row !== b.row || a.row === row) return null;
    return a.row;
  }
}
