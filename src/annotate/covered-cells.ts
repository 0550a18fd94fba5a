import { a1, parseRange } from '../ooxml/cell-ref.js';

// Which cells our fill covered a user's fill on, kept in the marker by position (per sheet, per
// covered fill's tag, as column runs: "Y4 Z7:Z9"). Our fill's tag (styles.ts) finds the user's
// fill when a program keeps the fill as we wrote it (Excel, WPS); LibreOffice rewrites every
// fill's background colour and merges our tagged fill with the untagged one, so the tag is gone:
// the cell's position then says whose fill it covered.

/** [sheet, tag, ranges] as the marker keeps them. */
export type CoveredEntry = [string, string, string];

/** Cells of one roster sheet whose user fill we covered in this run, by tag. */
export class CoveredCells {
  private readonly byTag = new Map<string, Map<number, number[]>>();

  record(row: number, col: number, tag: string): void {
    let cols = this.byTag.get(tag);
    if (!cols) this.byTag.set(tag, (cols = new Map<number, number[]>()));
    const rows = cols.get(col);
    if (rows) rows.push(row);
    else cols.set(col, [row]);
  }

  /** The marker's entries for this sheet: each tag's cells as column runs. */
  entries(sheet: string): CoveredEntry[] {
    const out: CoveredEntry[] = [];
    for (const [tag, cols] of this.byTag) {
      const ranges: string[] = [];
      for (const col of [...cols.keys()].sort((a, b) => a - b)) {
        const rows = [...new Set(cols.get(col))].sort((a, b) => a - b);
        for (let i = 0; i < rows.length; ) {
          let j = i;
          while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
          ranges.push(i === j ? a1(rows[i]!, col) : `${a1(rows[i]!, col)}:${a1(rows[j]!, col)}`);
          i = j + 1;
        }
      }
      out.push([sheet, tag, ranges.join(' ')]);
    }
    return out;
  }
}

/** Looks up the user's fill (its XML) an earlier run's fill covered at a cell of one sheet. */
export class CoveredLookup {
  /** By column: runs [top, bottom, fill XML], sorted by top. */
  private readonly cols = new Map<number, [number, number, string][]>();

  constructor(entries: readonly CoveredEntry[], sheet: string, fills: ReadonlyMap<string, string>) {
    for (const [s, tag, ranges] of entries) {
      const fill = fills.get(tag);
      if (s !== sheet || fill === undefined) continue;
      for (const ref of ranges.split(' ')) {
        const r = parseRange(ref);
        if (!r) continue;
        for (let col = r.left; col <= r.right; col++) {
          const runs = this.cols.get(col) ?? [];
          runs.push([r.top, r.bottom, fill]);
          this.cols.set(col, runs);
        }
      }
    }
    for (const runs of this.cols.values()) runs.sort((a, b) => a[0] - b[0]);
  }

  get size(): number {
    return this.cols.size;
  }

  at(row: number, col: number): string | undefined {
    const runs = this.cols.get(col);
    if (!runs) return undefined;
    // The last run starting at or above the row.
    let lo = 0;
    let hi = runs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid]![0] <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const run = found >= 0 ? runs[found] : undefined;
    return run && row <= run[1] ? run[2] : undefined;
  }
}
