import { a1 } from './cell-ref.js';
import type { Plan } from './plan.js';
import type { CellTok, RowChunk } from './sheet-rows.js';
import { fillForStatus, type StylesPatch } from './styles.js';
import { LABELS, reasonsText } from './texts.js';
import { escapeXml, getAttr, setAttr } from './xml.js';

// The edit of one <row>: our cells appended, flagged cells re-pointed to filled styles, and on a
// re-screen our earlier cells and fills taken out. Used twice: a dry run over the whole sheet
// that settles every style we need (so styles.xml is final before the sheet is written), then
// the real run.

export interface RowContext {
  prefix: string;
  plan: Plan;
  styles: StylesPatch;
  headerTop: number;
  headerRow: number;
  /** Re-screen: xf mapping recorded by the earlier run (validated per use); null on a first screen. */
  restore: ReadonlyMap<number, number> | null;
  /** Columns of our earlier verdict/reasons cells, found by their header texts. */
  oldCols: readonly [number, number] | null;
  /** Column whose cell styles our cells copy (the last header column). */
  baseCol: number;
  /** First of our two columns (final only for the real run). */
  start: number;
  /** Style from <col style>, for cells that do not exist yet. */
  colStyle(col: number): number | undefined;
  /** The dry run: `start` is not final, so cells there are not replaced (but their styles are settled). */
  dryRun: boolean;
}

/** Returns the new row XML, or null when the row stays as it is. */
export function editRow(ctx: RowContext, chunk: RowChunk, cells: CellTok[]): string | null {
  const { row } = chunk;
  const rp = ctx.plan.rows.get(row);
  const isHeader = row >= ctx.headerTop && row <= ctx.headerRow;
  const applicant = rp?.applicant;
  const writesOurs = isHeader || applicant !== undefined;
  const rescreen = ctx.restore !== null;
  if (!rp && !isHeader && !rescreen) return null;

  const p = ctx.prefix;
  const S = ctx.start;
  const drop = (col: number): boolean =>
    (writesOurs && !ctx.dryRun && (col === S || col === S + 1)) ||
    (ctx.oldCols !== null && row >= ctx.headerTop && (col === ctx.oldCols[0] || col === ctx.oldCols[1]));

  const openTag = chunk.xml.slice(0, chunk.openLen);
  const rowStyle = /customFormat\s*=\s*["'](1|true)["']/.test(openTag) ? numAttr(openTag, 's') : undefined;
  const defaultStyle = (col: number): number => rowStyle ?? ctx.colStyle(col) ?? 0;
  const restored = (s: number | undefined): number | undefined =>
    s === undefined || !ctx.restore ? s : ctx.styles.restore(s, ctx.restore);

  let changed = false;
  const out: { col: number; xml: string }[] = [];
  const byCol = new Map<number, CellTok>();
  for (const c of cells) {
    byCol.set(c.col, c);
    if (drop(c.col)) {
      changed = true;
      continue;
    }
    let s = restored(c.s);
    const mark = rp?.marks.get(c.col);
    if (mark?.fill) s = ctx.styles.derive(s ?? 0, { fill: mark.fill });
    let open = c.open;
    if (s !== c.s) open = setAttr(open, 's', s ? String(s) : undefined);
    if (!c.hasRef) open = setAttr(open, 'r', a1(row, c.col));
    if (open !== c.open) changed = true;
    out.push({ col: c.col, xml: open + chunk.xml.slice(c.start + c.open.length, c.end) });
  }

  // Flagged cells that do not exist (a blank the rule complains about) get an empty styled cell.
  if (rp) {
    for (const [col, mark] of rp.marks) {
      if (!mark.fill || byCol.has(col) || drop(col)) continue;
      const s = ctx.styles.derive(restored(defaultStyle(col)) ?? 0, { fill: mark.fill });
      out.push({ col, xml: `<${p}c r="${a1(row, col)}"${s ? ` s="${s}"` : ''}/>` });
      changed = true;
    }
  }

  const baseStyle = (): number => {
    const c = byCol.get(ctx.baseCol);
    const s = c && !(ctx.oldCols && (c.col === ctx.oldCols[0] || c.col === ctx.oldCols[1])) ? c.s : undefined;
    return restored(s ?? (ctx.baseCol >= 0 ? defaultStyle(ctx.baseCol) : 0)) ?? 0;
  };

  const L = LABELS[ctx.plan.lang];
  if (isHeader) {
    const s = baseStyle();
    const top = row === ctx.headerTop;
    out.push({ col: S, xml: cellXml(p, row, S, s, top ? L.verdict : null) });
    out.push({ col: S + 1, xml: cellXml(p, row, S + 1, s, top ? L.reasons : null) });
    changed = true;
  } else if (applicant) {
    const base = baseStyle();
    const verdictStyle = ctx.styles.derive(base, { fill: fillForStatus(applicant.status), align: { horizontal: 'center' } });
    const reasonsStyle = ctx.styles.derive(base, { align: { wrapText: '1' } });
    const reasons = reasonsText(applicant.findings, ctx.plan.lang);
    out.push({ col: S, xml: cellXml(p, row, S, verdictStyle, L.status[applicant.status]) });
    out.push({ col: S + 1, xml: cellXml(p, row, S + 1, reasonsStyle, reasons || null) });
    changed = true;
  }

  if (!changed) return null;
  out.sort((a, b) => a.col - b.col);
  let open = openTag;
  if (getAttr(open, 'spans') !== undefined && out.length > 0) {
    open = setAttr(open, 'spans', `${out[0]!.col + 1}:${out[out.length - 1]!.col + 1}`);
  }
  const name = /^<([^\s/>]+)/.exec(open)![1]!;
  if (chunk.selfClosing) open = `${open.slice(0, -2).trimEnd()}>`;
  const close = chunk.selfClosing ? `</${name}>` : chunk.xml.slice(chunk.xml.lastIndexOf('</'));
  // Anything between the last cell and </row> (extLst) stays after the cells.
  const lastEnd = cells.length > 0 ? cells[cells.length - 1]!.end : chunk.openLen;
  const trailer = chunk.selfClosing ? '' : chunk.xml.slice(Math.max(lastEnd, chunk.openLen), chunk.xml.lastIndexOf('</'));
  return open + out.map((c) => c.xml).join('') + trailer + close;
}

function numAttr(tag: string, name: string): number | undefined {
  const v = getAttr(tag, name);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

function cellXml(p: string, row: number, col: number, s: number, text: string | null): string {
  const sAttr = s ? ` s="${s}"` : '';
  if (text === null || text === '') return `<${p}c r="${a1(row, col)}"${sAttr}/>`;
  return `<${p}c r="${a1(row, col)}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}is></${p}c>`;
}
