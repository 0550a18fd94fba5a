// Lays 预审汇总's tables out on printed pages. A sheet has one print-titles range; ours is the
// sheet's title (row 1), so each table's own header cannot repeat that way. The layout does it by
// hand instead: a table that would cross a page break starts on a new page (a manual row break),
// and a table longer than a page is broken where a page ends, its header row written again (marked
// 续) at the top of the next page. A few manual breaks in a sheet of 3–6 pages beat a reader
// turning to page 8 and finding counts under no heading.

export interface PagedTable<R> {
  header: R;
  body: R[];
}

export interface PageLayout<R> {
  /** The sheet's rows in order; null: a blank row between tables. */
  rows: (R | null)[];
  /** Rows (1-based) a manual page break follows. */
  breaksAfter: number[];
}

/**
 * `intro` (from the title, row 1, on) then the tables, on pages holding `page` points of rows
 * below the repeated title. `height` is a row's printed height; `continued` a header for a table's
 * continuation.
 */
export function layOutPages<R>(intro: R[], tables: PagedTable<R>[], o: { page: number; gap: number; height: (r: R) => number; continued: (header: R) => R }): PageLayout<R> {
  const rows: (R | null)[] = [...intro];
  const breaksAfter: number[] = [];
  // The title repeats on every page (print titles), so it is not counted against a page.
  let used = intro.slice(1).reduce((sum, r) => sum + o.height(r), 0);
  const newPage = () => {
    breaksAfter.push(rows.length);
    used = 0;
  };
  for (const t of tables) {
    const hh = o.height(t.header);
    const bodyHeights = t.body.map(o.height);
    const total = hh + bodyHeights.reduce((a, b) => a + b, 0);
    const gap = used > 0 ? o.gap : 0;
    // A table that fits here stays; one that fits a page goes to the next; one longer than a page
    // starts here when its header and first two rows fit (it is broken anyway).
    const startsHere = used + gap + total <= o.page || (total > o.page && used + gap + hh + (bodyHeights[0] ?? 0) + (bodyHeights[1] ?? 0) <= o.page);
    if (!startsHere && used > 0) newPage();
    else if (gap) {
      rows.push(null);
      used += gap;
    }
    rows.push(t.header);
    used += hh;
    let onPage = 0;
    t.body.forEach((r, i) => {
      const h = bodyHeights[i]!;
      // Never a header alone at a page's foot: a row too tall for what is left goes on with its header.
      if (used + h > o.page && onPage > 0) {
        newPage();
        const again = o.continued(t.header);
        rows.push(again);
        used = o.height(again);
      }
      rows.push(r);
      used += h;
      onPage++;
    });
  }
  return { rows, breaksAfter };
}
