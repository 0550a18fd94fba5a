import { UserError } from '../core/user-error.js';
import type { Lang } from '../core/types.js';
import { LIST_SIDE_MARGIN, needsLandscape, printSetupXml } from '../format/page-footer.js';
import type { PackageReader } from './package-reader.js';
import type { Plan } from './plan.js';
import { editRow, type RowContext } from './row-edit.js';
import { editHead, editTail, legacyDrawingRid, parseCols, parseMerges, type ColDef } from './sheet-frame.js';
import { CellSyntax, lastValueCol, parseCells, SheetSplitter, type RowChunk } from './sheet-rows.js';
import type { StylesPatch } from './styles.js';
import { CoveredCells, type CoveredLookup } from './covered-cells.js';
import { OUR_HEADER_PAIRS } from './texts.js';
import { elementText, openTagEnd, setAttr, textOfRuns } from './xml.js';
import { localName, XmlScanner } from '../ooxml/xml-tokenizer.js';
import type { RangePos } from '../ooxml/cell-ref.js';

// The roster sheet, read three times as a stream: the header rows (to find our columns from an
// earlier run), a dry run over every row (to settle styles and see how far the data reaches),
// then the real transform, written straight into the output zip.

export interface RosterSheetSpec {
  reader: PackageReader;
  part: string;
  sharedStrings: string | null;
  plan: Plan;
  styles: StylesPatch;
  headerTop: number;
  headerRow: number;
  /** Used header columns (0-based last column + 1). */
  width: number;
  /** Mapping recorded by an earlier run, when the workbook carries our marker. */
  recorded: ReadonlyMap<number, number> | null;
  /** The user's fills an earlier run covered, by cell position (from its marker). */
  coveredAt?: CoveredLookup | null;
  /** Our columns as the marker records them; null: no marker (columns titled like ours are the user's). */
  ourCols?: [number, number] | null;
  /** The roster file as the user named it (for messages). */
  file: string;
  /** Called for each row of the dry run and of the real transform (progress). */
  onRow?(): void;
}

export interface PreparedSheet {
  spec: RosterSheetSpec;
  ctx: RowContext;
  /** Rows actually present (for dimension). */
  lastRow: number;
  /** The sheet's existing <legacyDrawing r:id>, if any. */
  legacyRid: string | null;
  /** The sheet's autoFilter range once widened over our columns (null: none on the header). */
  autoFilter: RangePos | null;
  rescreen: boolean;
}

interface HeaderCell {
  col: number;
  t: string | undefined;
  inner: string;
}

export async function prepareRosterSheet(spec: RosterSheetSpec): Promise<PreparedSheet> {
  // 1. Header rows only.
  const header = new Map<number, HeaderCell[]>();
  let prefix = '';
  {
    const split = new SheetSplitter({
      head: (_xml, p) => {
        prefix = p;
      },
      row: (chunk) => {
        if (chunk.row > spec.headerRow) return false;
        if (chunk.row < spec.headerTop) return;
        header.set(
          chunk.row,
          parseCells(chunk, new CellSyntax(prefix))
            .filter((c) => c.hasValue)
            .map((c) => ({ col: c.col, t: c.t, inner: chunk.xml.slice(c.start + c.open.length, c.end) })),
        );
      },
    });
    await spec.reader.stream(spec.part, (text) => split.push(text));
  }
  const texts = await headerTexts(spec, header);
  const oldCols = findOurColumns(texts, spec.ourCols);
  const rescreen = spec.recorded !== null || oldCols !== null;

  // 2. Dry run over every row.
  let cols: ColDef[] = [];
  const ctx: RowContext = {
    prefix,
    syntax: new CellSyntax(prefix),
    plan: spec.plan,
    styles: spec.styles,
    headerTop: spec.headerTop,
    headerRow: spec.headerRow,
    restore: rescreen ? (spec.recorded ?? new Map()) : null,
    coveredAt: spec.coveredAt ?? null,
    covered: new CoveredCells(),
    oldCols,
    baseCol: oldCols ? oldCols[0] - 1 : spec.width - 1,
    start: oldCols ? oldCols[0] : spec.width,
    colStyle: (col) => cols.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style,
    dryRun: true,
  };
  let maxCol = spec.width - 1;
  let lastRow = 0;
  let tail = '';
  {
    const split = new SheetSplitter({
      head: (xml) => {
        cols = parseCols(xml);
      },
      row: (chunk: RowChunk) => {
        spec.onRow?.();
        lastRow = chunk.row;
        // How far values reach (our columns go after them); not needed once our columns exist.
        if (!oldCols && chunk.row >= spec.headerTop) maxCol = Math.max(maxCol, lastValueCol(chunk, ctx.syntax));
        editRow(ctx, chunk);
      },
      tail: (xml) => {
        tail = xml;
      },
    });
    await spec.reader.stream(spec.part, (text) => {
      split.push(text);
    });
    split.end();
  }

  if (!oldCols) {
    let start = maxCol + 1;
    const merges = parseMerges(tail).filter((m) => m.bottom >= spec.headerTop);
    for (let moved = true; moved; ) {
      moved = false;
      for (const m of merges) {
        if (overlaps(m, start)) {
          start = m.right + 1;
          moved = true;
        }
      }
    }
    // Excel's grid ends at XFD (column index 16383): no room for our two columns is a clear refusal.
    if (start + 1 > MAX_COL) throw noRoom(spec.file);
    ctx.start = start;
  }
  ctx.dryRun = false;
  const { autoFilter } = editTail(tail, {
    start: ctx.start,
    headerTop: spec.headerTop,
    headerRow: spec.headerRow,
    oldCols,
    legacyDrawingRid: null,
    relPrefix: 'r:',
  });
  return { spec, ctx, lastRow, legacyRid: legacyDrawingRid(tail), autoFilter, rescreen };
}

function overlaps(m: RangePos, start: number): boolean {
  return m.left <= start + 1 && m.right >= start;
}

/**
 * 3. The real transform, pushing the new sheet XML as text (the zip writer encodes it). `legacyDrawingRid` is given
 * when notes need a <legacyDrawing> the sheet does not have yet.
 */
export async function writeRosterSheet(
  prep: PreparedSheet,
  opts: {
    widths: [number, number];
    legacyDrawingRid: string | null;
    /** A copy we rebuilt (CSV, .xls, .ods …): it gets our print set-up, footer in this language. */
    printSetupLang?: Lang;
  },
  push: (text: string) => Promise<void>,
): Promise<void> {
  const { spec, ctx } = prep;
  let out: string[] = [];
  let outLen = 0;
  let relPrefix = 'r:';
  let printSetup: ((prefix: string) => string) | undefined;
  const emit = (s: string) => {
    out.push(s);
    outLen += s.length;
  };
  const split = new SheetSplitter({
    head: (xml) => {
      if (opts.printSetupLang) {
        // Landscape when the roster's columns and ours are too wide for portrait (as the lists decide).
        const units = sheetUnits(parseCols(xml), ctx.start) + opts.widths[0] + opts.widths[1];
        const [landscape, lang] = [needsLandscape(units), opts.printSetupLang];
        printSetup = (prefix) => printSetupXml({ landscape, sideMargin: LIST_SIDE_MARGIN, lang, prefix });
      }
      const h = editHead(xml, { start: ctx.start, widths: opts.widths, keepWidths: prep.rescreen, lastRow: prep.lastRow, fitToPage: printSetup !== undefined });
      relPrefix = h.relPrefix;
      emit(h.xml);
    },
    row: (chunk) => {
      spec.onRow?.();
      const edited = editRow(ctx, chunk) ?? chunk.xml;
      // Rows without r= are numbered by position; spelling it out helps readers that need it.
      if (chunk.hasRef) emit(edited);
      else {
        const open = edited.slice(0, openTagEnd(edited));
        emit(setAttr(open, 'r', String(chunk.row)) + edited.slice(open.length));
      }
    },
    between: emit,
    tail: (xml) => {
      const t = editTail(xml, {
        start: ctx.start,
        headerTop: ctx.headerTop,
        headerRow: ctx.headerRow,
        oldCols: ctx.oldCols,
        legacyDrawingRid: opts.legacyDrawingRid,
        relPrefix,
        printSetup,
      });
      emit(t.xml);
    },
  });
  const flush = async (force: boolean) => {
    if (outLen === 0 || (!force && outLen < 1 << 18)) return;
    const text = out.join('');
    out = [];
    outLen = 0;
    await push(text);
  };
  await spec.reader.stream(spec.part, async (text) => {
    split.push(text);
    await flush(false);
  });
  split.end();
  await flush(true);
}

/** Excel's width of a column no <col> sets (8.43 characters, with padding). */
const DEFAULT_COL_WIDTH = 9;

/** Summed width of the first `n` columns (0-based columns 0..n−1) as the <col> definitions set them. */
function sheetUnits(cols: readonly ColDef[], n: number): number {
  let units = 0;
  for (let c = 1; c <= n; c++) units += cols.find((d) => c >= d.min && c <= d.max)?.width ?? DEFAULT_COL_WIDTH;
  return units;
}

/** Header cell texts by row and column (shared strings resolved). */
async function headerTexts(spec: RosterSheetSpec, header: Map<number, HeaderCell[]>): Promise<Map<number, Map<number, string>>> {
  const wanted = new Set<number>();
  for (const cells of header.values()) {
    for (const c of cells) {
      const index = sharedIndex(c);
      if (index !== undefined) wanted.add(index);
    }
  }
  const shared = await readSharedStrings(spec, wanted);
  const out = new Map<number, Map<number, string>>();
  for (const [row, cells] of header) {
    const m = new Map<number, string>();
    for (const c of cells) {
      let text: string;
      if (c.t === 's') {
        const index = sharedIndex(c);
        text = index === undefined ? '' : (shared.get(index) ?? '');
      } else if (c.t === 'inlineStr') text = textOfRuns(c.inner);
      else text = elementText(c.inner, 'v') ?? '';
      m.set(c.col, text.trim());
    }
    out.set(row, m);
  }
  return out;
}

/** A shared-string cell's index into the shared strings (its `<v>`), if it has one. */
function sharedIndex(c: HeaderCell): number | undefined {
  if (c.t !== 's') return undefined;
  const v = elementText(c.inner, 'v');
  return v !== undefined && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
}

/** The shared strings with these indices, reading only as far as the largest one. */
async function readSharedStrings(spec: RosterSheetSpec, wanted: Set<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (wanted.size === 0 || !spec.sharedStrings || !spec.reader.get(spec.sharedStrings)) return out;
  const max = Math.max(...wanted);
  // The part's text from `base` on is kept while an <si> is open (or may yet open), so each wanted
  // <si> is cut out at the tokenizer's offsets and read like an inline string.
  let text = '';
  let base = 0;
  let siStart = -1;
  let seen = 0;
  let index = 0;
  const scanner: XmlScanner = new XmlScanner({
    wantText: false,
    text() {},
    open(name) {
      seen = scanner.tagEnd;
      if (siStart < 0 && localName(name) === 'si') siStart = scanner.tagStart;
    },
    close(name) {
      seen = scanner.tagEnd;
      if (siStart < 0 || localName(name) !== 'si') return;
      if (wanted.has(index)) out.set(index, textOfRuns(text.slice(siStart - base, seen - base)));
      siStart = -1;
      if (++index > max) scanner.stop();
    },
  });
  await spec.reader.stream(spec.sharedStrings, (chunk) => {
    text += chunk;
    scanner.write(chunk);
    if (index > max) return false;
    const keep = siStart >= 0 ? siStart : seen;
    text = text.slice(keep - base);
    base = keep;
  });
  return out;
}

/**
 * Our verdict/reasons pair from an earlier run: the columns our marker records, if they still
 * bear our headers. A copy from before the marker recorded them: the right-most adjacent pair of
 * our headers. Without our marker, columns titled like ours are the user's own and are kept.
 */
function findOurColumns(texts: Map<number, Map<number, string>>, recorded: [number, number] | null | undefined): [number, number] | null {
  if (recorded === null) return null;
  if (recorded !== undefined) {
    const [v, r] = recorded;
    const ours = [...texts.values()].some((cells) => OUR_HEADER_PAIRS.some(([tv, tr]) => cells.get(v) === tv && cells.get(r) === tr));
    return ours ? recorded : null;
  }
  let best: [number, number] | null = null;
  for (const cells of texts.values()) {
    for (const [col, text] of cells) {
      const next = cells.get(col + 1);
      if (OUR_HEADER_PAIRS.some(([v, r]) => v === text && r === next) && (!best || col > best[0])) best = [col, col + 1];
    }
  }
  return best;
}

const MAX_COL = 16383;

function noRoom(file: string): UserError {
  return new UserError('annotate-no-room', {
    zh: `文件 "${file}" 的花名册已用到最后一列（XFD），无法在右侧添加"预审结论""预审意见"两列。请删除表格右侧不用的列后重试，或用 --no-write 只看审核结果。`,
    en: `The roster in "${file}" already uses the last column (XFD), leaving no room for the verdict and reasons columns. Delete the unused columns on the right and retry, or use --no-write to see the results only.`,
  });
}
