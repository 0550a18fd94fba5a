import { a1 } from '../ooxml/cell-ref.js';
import type { Plan } from './plan.js';
import { cellInRow, lastCell, parseCells, type CellSyntax, type CellTok, type RowChunk } from './sheet-rows.js';
import { fillForStatus, type StylesPatch } from './styles.js';
import type { CoveredCells, CoveredLookup } from './covered-cells.js';
import { LABELS, reasonsText } from './texts.js';
import { getAttr, setAttr, withContent } from './xml.js';
import { escapeText } from '../ooxml/xml-text.js';
import { heightForLines, lineCount } from '../format/text-height.js';

// The edit of one <row>: our cells appended, flagged cells re-pointed to filled styles, and on a
// re-screen our earlier cells and fills taken out. Used twice: a dry run over the whole sheet
// that settles every style we need (so styles.xml is final before the sheet is written), then
// the real run.

export interface RowContext {
  prefix: string;
  syntax: CellSyntax;
  plan: Plan;
  styles: StylesPatch;
  headerTop: number;
  headerRow: number;
  /** Re-screen: xf mapping recorded by the earlier run (validated per use); null on a first screen. */
  restore: ReadonlyMap<number, number> | null;
  /** Re-screen: the user's fill an earlier run's fill covered, by cell position (see covered-cells.ts). */
  coveredAt?: CoveredLookup | null;
  /** The cells whose user fill our fill covers in this run (recorded by the dry run, for the marker). */
  covered?: CoveredCells;
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

interface Insert {
  col: number;
  xml: string;
}

/** Width of the 预审意见 column (Excel units) and the font size its text is measured in. */
export const REASONS_WIDTH = 60;
const REASONS_PT = 11;
/** Excel's default row height (11 pt font): rows without `ht` are this high. */
const DEFAULT_ROW_PT = 15;

/** Returns the new row XML, or null when the row stays as it is. */
export function editRow(ctx: RowContext, chunk: RowChunk): string | null {
  const { row } = chunk;
  const rp = ctx.plan.rows.get(row);
  const isHeader = row >= ctx.headerTop && row <= ctx.headerRow;
  const applicant = ctx.plan.applicants[row];
  const writesOurs = isHeader || applicant !== undefined;
  const restore = ctx.restore;
  if (!rp && !writesOurs && !restore) return null;

  const p = ctx.prefix;
  const x = ctx.syntax;
  const S = ctx.start;
  const old = row >= ctx.headerTop ? ctx.oldCols : null;
  const replaceOurs = writesOurs && !ctx.dryRun;
  const xml = chunk.xml;
  let openTag = xml.slice(0, chunk.openLen);
  const customFormat = getAttr(openTag, 'customFormat');
  const rowStyle = customFormat === '1' || customFormat === 'true' ? numAttr(openTag, 's') : undefined;
  const defaultStyle = (col: number): number => rowStyle ?? ctx.colStyle(col) ?? 0;
  const restored = (s: number | undefined, col?: number): number | undefined => {
    if (s === undefined || !restore) return s;
    const fill = col === undefined ? undefined : ctx.coveredAt?.at(row, col);
    return fill === undefined ? ctx.styles.restore(s, restore) : ctx.styles.restoreCovered(s, fill, restore);
  };
  // The dry run notes each cell where our fill goes over the user's own (kept in the marker).
  const cover = (col: number, s: number): void => {
    if (!ctx.dryRun || !ctx.covered) return;
    const tag = ctx.styles.coveredTag(s);
    if (tag) ctx.covered.record(row, col, tag);
  };

  // Cells are parsed only when needed: most rows just get our two cells appended.
  let parsed: CellTok[] | undefined;
  const all = (): CellTok[] => (parsed ??= parseCells(chunk, x));
  const cellAt = (col: number): CellTok | undefined => (parsed ? parsed.find((c) => c.col === col) : cellInRow(chunk, x, a1(row, col), col));
  let hasFills = false;
  if (rp) for (const m of rp.marks.values()) if (m.fill) hasFills = true;
  // The dry run looks at the row's cells only to settle the fills of marked cells, and on a
  // re-screen the styles our fills are undone to (a restored fill may need a new style).
  const skipCells = ctx.dryRun && !hasFills && !restore;
  const last = skipCells || restore || old || hasFills ? undefined : lastCell(chunk, x);
  const appendOnly = skipCells || (last !== undefined && (last === null || last.col < S || ctx.dryRun) && !xml.includes(x.extLst));
  const cells = appendOnly ? [] : all();

  // Cells to add: flagged blanks and our two cells, in column order.
  const inserts: Insert[] = [];
  let base: number | undefined;
  const baseStyle = (): number => {
    if (base === undefined) {
      const c = ctx.baseCol >= 0 ? cellAt(ctx.baseCol) : undefined;
      const s = c && !(old && (c.col === old[0] || c.col === old[1])) ? c.s : undefined;
      base = restored(s ?? (ctx.baseCol >= 0 ? defaultStyle(ctx.baseCol) : 0), s === undefined ? undefined : ctx.baseCol) ?? 0;
    }
    return base;
  };
  if (rp) {
    for (const [col, mark] of rp.marks) {
      if (!mark.fill || (replaceOurs && (col === S || col === S + 1)) || (old && (col === old[0] || col === old[1]))) continue;
      if (all().some((c) => c.col === col)) continue;
      const under = restored(defaultStyle(col)) ?? 0;
      cover(col, under);
      const s = ctx.styles.derive(under, { fill: mark.fill });
      inserts.push({ col, xml: `<${p}c r="${a1(row, col)}"${s ? ` s="${s}"` : ''}/>` });
    }
  }
  const L = LABELS[ctx.plan.lang];
  if (ctx.dryRun) {
    // Only the styles matter here: settle them, build nothing.
    if (applicant) {
      const b = baseStyle();
      ctx.styles.derive(b, { fill: fillForStatus(applicant.status), align: 'center' });
      ctx.styles.derive(b, { align: 'wrap' });
    } else if (isHeader) baseStyle();
    if (!appendOnly) for (const c of cells) {
      if (old && (c.col === old[0] || c.col === old[1])) continue;
      const s = restored(c.s, c.col);
      const mark = rp?.marks.get(c.col);
      if (mark?.fill) {
        cover(c.col, s ?? 0);
        ctx.styles.derive(s ?? 0, { fill: mark.fill });
      }
    }
    return null;
  }
  if (isHeader) {
    const s = baseStyle();
    const top = row === ctx.headerTop;
    inserts.push({ col: S, xml: cellXml(p, row, S, s, top ? L.verdict : null) });
    inserts.push({ col: S + 1, xml: cellXml(p, row, S + 1, s, top ? L.reasons : null) });
  } else if (applicant) {
    const b = baseStyle();
    const verdictStyle = ctx.styles.derive(b, { fill: fillForStatus(applicant.status), align: 'center' });
    const reasonsStyle = ctx.styles.derive(b, { align: 'wrap' });
    inserts.push({ col: S, xml: cellXml(p, row, S, verdictStyle, L.status[applicant.status]) });
    const reasons = reasonsText(applicant.findings, ctx.plan.lang, ctx.plan.ruleName);
    inserts.push({ col: S + 1, xml: cellXml(p, row, S + 1, reasonsStyle, reasons || null) });
    openTag = tallEnoughFor(openTag, reasons);
  }
  if (inserts.length > 1) inserts.sort((a, b) => a.col - b.col);

  if (appendOnly) {
    if (inserts.length === 0 || ctx.dryRun) return null;
    let open = openTag;
    const spans = getAttr(open, 'spans');
    const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (m) open = setAttr(open, 'spans', `${Math.min(Number(m[1]), inserts[0]!.col + 1)}:${Math.max(Number(m[2]), inserts[inserts.length - 1]!.col + 1)}`);
    else if (spans !== undefined) open = setAttr(open, 'spans', undefined);
    const ours = inserts.map((i) => i.xml).join('');
    if (chunk.selfClosing) return withContent(open, ours);
    const closeAt = xml.lastIndexOf('</');
    return open + xml.slice(chunk.openLen, closeAt) + ours + xml.slice(closeAt);
  }

  // Walk the cells, copying untouched stretches of the row as they are.
  const pieces: string[] = [];
  let from = chunk.openLen;
  let k = 0;
  let changed = inserts.length > 0;
  let minCol = Infinity;
  let maxCol = -1;
  const emitInsertsBefore = (col: number, at: number) => {
    if (k >= inserts.length || inserts[k]!.col >= col) return;
    pieces.push(xml.slice(from, at));
    from = at;
    while (k < inserts.length && inserts[k]!.col < col) {
      const ins = inserts[k++]!;
      pieces.push(ins.xml);
      if (ins.col < minCol) minCol = ins.col;
      if (ins.col > maxCol) maxCol = ins.col;
    }
  };
  for (const c of cells) {
    emitInsertsBefore(c.col, c.start);
    if ((replaceOurs && (c.col === S || c.col === S + 1)) || (old && (c.col === old[0] || c.col === old[1]))) {
      pieces.push(xml.slice(from, c.start));
      from = c.end;
      changed = true;
      continue;
    }
    if (c.col < minCol) minCol = c.col;
    if (c.col > maxCol) maxCol = c.col;
    let s = restored(c.s, c.col);
    const mark = rp?.marks.get(c.col);
    if (mark?.fill) s = ctx.styles.derive(s ?? 0, { fill: mark.fill });
    let open = c.open;
    if (s !== c.s) open = setAttr(open, 's', s ? String(s) : undefined);
    if (!c.hasRef) open = setAttr(open, 'r', a1(row, c.col));
    if (open !== c.open) {
      pieces.push(xml.slice(from, c.start), open);
      from = c.start + c.open.length;
      changed = true;
    }
  }
  if (!changed) return null;

  const lastEnd = cells.length > 0 ? cells[cells.length - 1]!.end : chunk.openLen;
  const closeAt = chunk.selfClosing ? xml.length : xml.lastIndexOf('</');
  emitInsertsBefore(Infinity, Math.max(from, lastEnd));
  pieces.push(xml.slice(from, Math.max(from, chunk.selfClosing ? from : closeAt)));

  let open = openTag;
  if (maxCol >= 0 && getAttr(open, 'spans') !== undefined) open = setAttr(open, 'spans', `${minCol + 1}:${maxCol + 1}`);
  if (chunk.selfClosing) return withContent(open, pieces.join(''));
  return open + pieces.join('') + xml.slice(closeAt);
}

/**
 * The row's open tag, grown to show every line of our reasons (Excel and LibreOffice do not re-fit
 * rows on open). A row already as high is left alone: we never shrink the user's rows.
 */
function tallEnoughFor(openTag: string, reasons: string): string {
  const lines = reasons ? lineCount(reasons, REASONS_WIDTH) : 1;
  if (lines <= 1) return openTag;
  const need = heightForLines(lines, REASONS_PT);
  const ht = Number(getAttr(openTag, 'ht') ?? DEFAULT_ROW_PT);
  if (Number.isFinite(ht) && ht >= need) return openTag;
  return setAttr(setAttr(openTag, 'ht', String(need)), 'customHeight', '1');
}

function numAttr(tag: string, name: string): number | undefined {
  const v = getAttr(tag, name);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

function cellXml(p: string, row: number, col: number, s: number, text: string | null): string {
  const sAttr = s ? ` s="${s}"` : '';
  if (text === null || text === '') return `<${p}c r="${a1(row, col)}"${sAttr}/>`;
  return `<${p}c r="${a1(row, col)}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}is></${p}c>`;
}
