import type { CellValue, FieldColumn, FieldId, MergeRange, RawRow } from '../core/types.js';
import { a1 } from '../ooxml/cell-ref.js';

interface Active {
  range: MergeRange;
  /** The range's top-left value, taken when its row streamed by. */
  value: CellValue | undefined;
}

/**
 * Merged data cells, read the way a person reads them: a value merged down an employer's rows
 * (工作单位, 申报专业 …) belongs to each row of the range. Rows stream through in order; only the
 * ranges over the current row are held. Ranges in or above the header are left alone.
 */
export class MergeFill {
  private readonly pending: MergeRange[];
  private next = 0;
  private active: Active[] = [];
  /** The current row's covered cells (all but a range's top-left): column → its range. */
  private readonly covered = new Map<number, Active>();
  private row = 0;

  /** `width`: the header's columns; a range reaching past them is cut there. */
  constructor(
    merges: readonly MergeRange[],
    headerRow: number,
    private readonly width: number,
  ) {
    this.pending = merges.filter((m) => m.top > headerRow && (m.bottom > m.top || m.right > m.left)).sort((a, b) => a.top - b.top);
  }

  /** The row with its merged cells holding their range's value (the row itself when none). Rows in order. */
  apply(r: RawRow): RawRow {
    this.row = r.row;
    this.covered.clear();
    while (this.next < this.pending.length && this.pending[this.next]!.top <= r.row) {
      const range = this.pending[this.next++]!;
      this.active.push({ range, value: range.top === r.row ? r.cells[range.left - 1] : undefined });
    }
    if (this.active.length === 0) return r;
    if (this.active.some((a) => a.range.bottom < r.row)) this.active = this.active.filter((a) => a.range.bottom >= r.row);
    let cells: RawRow['cells'] | null = null;
    for (const a of this.active) {
      const { top, left, right } = a.range;
      for (let col = left - 1; col < Math.min(right, this.width); col++) {
        if (r.row === top && col === left - 1) continue;
        cells ??= r.cells.slice();
        while (cells.length < col) cells.push(undefined);
        cells[col] = a.value;
        this.covered.set(col, a);
      }
    }
    return cells ? { ...r, cells } : r;
  }

  /** For the row last applied: the merged range over column `col` (its first cell included), if any. */
  rangeAt(col: number): MergeRange | undefined {
    const covered = this.covered.get(col)?.range;
    if (covered) return covered;
    return this.active.find((a) => a.range.top === this.row && a.range.left - 1 === col && a.range.bottom >= this.row)?.range;
  }

  /** For the row last applied: A1 of the range's first cell when `col` is covered by a range; else null. */
  originOf(col: number): string | null {
    const a = this.covered.get(col);
    return a ? a1(a.range.top, a.range.left - 1) : null;
  }

  /**
   * For the row last applied: when 姓名 and 身份证号 are both merged down from one earlier row, this
   * row is that applicant written on another line (one achievement per line): that first row, else null.
   */
  continues(fields: Map<FieldId, FieldColumn>): number | null {
    const name = fields.get('name');
    const id = fields.get('idNumber');
    if (!name || !id) return null;
    const a = this.covered.get(name.col);
    const b = this.covered.get(id.col);
    if (!a || !b || a.range.top !== b.range.top || a.range.top === this.row) return null;
    return a.range.top;
  }
}
