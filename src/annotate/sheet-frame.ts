import { a1, colLetters, parseRange, rangeRef, type RangePos } from '../ooxml/cell-ref.js';
import { REL_NS } from './opc.js';
import { findElement, findOpenTag, findOpenTags, getAttr, prefixFor, prefixOf, relIdAttr, scanChildren, setAttr, unmatchedCloseTags, withContent } from './xml.js';
import { escapeXml } from '../ooxml/xml-text.js';
import { PackageError } from '../ooxml/package-error.js';

// Edits of the worksheet outside <sheetData>: the head (root namespaces, <dimension>, <cols>)
// and the tail (<autoFilter>, <mergeCells>, <legacyDrawing>). Everything else is left as is, but for
// a copy we rebuilt (see `printSetup`): its print set-up is ours to write.

/** CT_Worksheet children after <sheetData>, in schema order. */
const TAIL_ORDER = [
  'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
  'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter',
  'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags',
  'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

/** The tail's print set-up elements, as printSetupXml writes them. */
const PRINT_SETUP = new Set(['printOptions', 'pageMargins', 'pageSetup', 'headerFooter']);

export interface ColDef {
  min: number;
  max: number;
  style?: number;
  width?: number;
}

/** The <col> definitions in a worksheet head (1-based min/max as in the file). */
export function parseCols(head: string): ColDef[] {
  const cols = findElement(head, 'cols');
  if (!cols || cols.selfClosing) return [];
  return scanChildren(head, cols.openEnd, cols.end)
    .filter((e) => e.local === 'col')
    .map((e) => {
      const style = getAttr(e.openTag, 'style');
      const width = getAttr(e.openTag, 'width');
      return {
        min: Number(getAttr(e.openTag, 'min') ?? 0),
        max: Number(getAttr(e.openTag, 'max') ?? 0),
        style: style !== undefined ? Number(style) : undefined,
        width: width !== undefined ? Number(width) : undefined,
      };
    });
}

export interface HeadEdit {
  /** First of our columns (0-based). */
  start: number;
  widths: [number, number];
  /** Keep widths the user already set on our columns (re-screen). */
  keepWidths: boolean;
  lastRow: number;
  /** Set fitToPage in <sheetPr> (a rebuilt copy, whose print set-up is ours: see TailEdit.printSetup). */
  fitToPage?: boolean;
}

/** Returns the edited head and the prefix (with colon) bound to the relationships namespace. */
export function editHead(head: string, e: HeadEdit): { xml: string; relPrefix: string } {
  let xml = head;
  const root = findOpenTag(xml, 'worksheet');
  if (!root) throw new PackageError('worksheet part has no <worksheet> root');
  let rootTag = root.openTag;
  let relPrefix = prefixFor(rootTag, REL_NS);
  if (relPrefix === null || relPrefix === '') {
    let name = 'r';
    while (getAttr(rootTag, `xmlns:${name}`) !== undefined) name += 'r';
    rootTag = setAttr(rootTag, `xmlns:${name}`, REL_NS);
    xml = xml.slice(0, root.start) + rootTag + xml.slice(root.openEnd);
    relPrefix = `${name}:`;
  }

  const dim = findElement(xml, 'dimension');
  if (dim) {
    const ref = getAttr(dim.openTag, 'ref');
    const r = ref ? parseRange(ref) : null;
    if (r) {
      const grown: RangePos = { ...r, right: Math.max(r.right, e.start + 1), bottom: Math.max(r.bottom, e.lastRow) };
      xml = xml.slice(0, dim.start) + setAttr(dim.openTag, 'ref', rangeRef(grown)) + xml.slice(dim.start + dim.openTag.length);
    }
  }

  for (let i = 0; i < 2; i++) xml = setColWidth(xml, e.start + i + 1, e.widths[i]!, e.keepWidths);
  if (e.fitToPage) xml = withFitToPage(xml, prefixOf(root.name));
  return { xml, relPrefix };
}

/** <sheetPr><pageSetUpPr fitToPage="1"/>: without it Excel ignores fitToWidth and prints at 100 %. */
function withFitToPage(head: string, p: string): string {
  const pr = findElement(head, 'sheetPr');
  const own = `<${p}pageSetUpPr fitToPage="1"/>`;
  if (!pr) {
    // <sheetPr> is the first child of <worksheet>.
    const root = findOpenTag(head, 'worksheet')!;
    return head.slice(0, root.openEnd) + `<${p}sheetPr>${own}</${p}sheetPr>` + head.slice(root.openEnd);
  }
  if (pr.selfClosing) return head.slice(0, pr.start) + withContent(pr.openTag, own) + head.slice(pr.end);
  const setUp = scanChildren(head, pr.openEnd, pr.end).find((c) => c.local === 'pageSetUpPr');
  if (setUp) return head.slice(0, setUp.start) + setAttr(setUp.openTag, 'fitToPage', '1') + head.slice(setUp.start + setUp.openTag.length);
  // pageSetUpPr is <sheetPr>'s last child (after tabColor, outlinePr).
  const close = head.lastIndexOf('</', pr.end - 1);
  return head.slice(0, close) + own + head.slice(close);
}

/** Gives 1-based column `k` a width, splitting a <col> range that covers it. */
function setColWidth(head: string, k: number, width: number, keep: boolean): string {
  const cols = findElement(head, 'cols');
  const sheetData = findOpenTag(head, 'sheetData');
  const p = sheetData ? prefixOf(sheetData.name) : '';
  const own = `<${p}col min="${k}" max="${k}" width="${width}" customWidth="1"/>`;
  if (!cols || cols.selfClosing) {
    if (cols) return `${head.slice(0, cols.start)}<${p}cols>${own}</${p}cols>${head.slice(cols.end)}`;
    const sd = sheetData ? sheetData.start : -1;
    return `${head.slice(0, sd)}<${p}cols>${own}</${p}cols>${head.slice(sd)}`;
  }
  const kids = scanChildren(head, cols.openEnd, cols.end).filter((c) => c.local === 'col');
  for (const c of kids) {
    const min = Number(getAttr(c.openTag, 'min') ?? 0);
    const max = Number(getAttr(c.openTag, 'max') ?? 0);
    if (k < min || k > max) continue;
    if (keep && getAttr(c.openTag, 'width') !== undefined) return head;
    let mid = setAttr(setAttr(setAttr(setAttr(c.openTag, 'min', String(k)), 'max', String(k)), 'width', String(width)), 'customWidth', '1');
    mid = setAttr(mid, 'hidden', undefined);
    if (!mid.endsWith('/>')) mid = `${mid.slice(0, -1)}/>`;
    const tag = c.openTag.endsWith('/>') ? c.openTag : `${c.openTag.slice(0, -1)}/>`;
    const parts: string[] = [];
    if (min < k) parts.push(setAttr(tag, 'max', String(k - 1)));
    parts.push(mid);
    if (max > k) parts.push(setAttr(tag, 'min', String(k + 1)));
    return head.slice(0, c.start) + parts.join('') + head.slice(c.end);
  }
  const after = kids.find((c) => Number(getAttr(c.openTag, 'min') ?? 0) > k);
  const at = after ? after.start : head.lastIndexOf('</', cols.end - 1);
  return head.slice(0, at) + own + head.slice(at);
}

export interface TailEdit {
  start: number;
  headerTop: number;
  headerRow: number;
  /** Our earlier columns: their merges are ours to remove. */
  oldCols: readonly [number, number] | null;
  /** Relationship id for <legacyDrawing>, when the sheet needs one and has none. */
  legacyDrawingRid: string | null;
  relPrefix: string;
  /**
   * Print set-up elements (printSetupXml: printOptions … headerFooter) for the tail's prefix,
   * replacing the sheet's own: given only for a copy we rebuilt, whose set-up exceljs wrote (portrait, 100 %).
   */
  printSetup?: (prefix: string) => string;
}

export interface TailResult {
  xml: string;
  /** The autoFilter range after the edit, when the sheet has one that we widened. */
  autoFilter: RangePos | null;
}

/** Edits the tail, which starts at </sheetData> (or right after <sheetData/>). */
export function editTail(tail: string, e: TailEdit): TailResult {
  let xml = tail;
  // The tail's own close tags: </sheetData> when it starts there (after blanks only), and </worksheet>.
  const closes = unmatchedCloseTags(xml);
  const closeSd = closes[0]?.local === 'sheetData' && xml.slice(0, closes[0].start).trim() === '' ? closes[0] : undefined;
  const from = closeSd ? closeSd.end : 0;
  const named = closeSd ?? closes.find((c) => c.local === 'worksheet');
  const prefix = named ? prefixOf(named.name) : '';
  const kids = () => scanChildren(xml, from);
  const insert = (local: string, el: string): void => {
    const rank = TAIL_ORDER.indexOf(local);
    const next = kids().find((k) => TAIL_ORDER.indexOf(k.local) > rank);
    const at = next ? next.start : xml.lastIndexOf('</');
    xml = xml.slice(0, at) + el + xml.slice(at);
  };

  let autoFilter: RangePos | null = null;
  const af = kids().find((k) => k.local === 'autoFilter');
  if (af) {
    const r = parseRange(getAttr(af.openTag, 'ref') ?? '');
    if (r && r.top >= e.headerTop && r.top <= e.headerRow) {
      if (r.right < e.start + 1) {
        r.right = e.start + 1;
        xml = xml.slice(0, af.start) + setAttr(af.openTag, 'ref', rangeRef(r)) + xml.slice(af.start + af.openTag.length);
      }
      autoFilter = r;
    }
  }

  const mc = kids().find((k) => k.local === 'mergeCells');
  const keep: string[] = [];
  if (mc && !mc.selfClosing) {
    for (const m of scanChildren(xml, mc.openEnd, mc.end)) {
      if (m.local !== 'mergeCell') continue;
      const r = parseRange(getAttr(m.openTag, 'ref') ?? '');
      const ours =
        r && e.oldCols && r.top >= e.headerTop && r.left >= e.oldCols[0] && r.right <= e.oldCols[1];
      if (!ours) keep.push(xml.slice(m.start, m.end));
    }
  }
  const add: string[] = [];
  if (e.headerTop < e.headerRow) {
    for (const col of [e.start, e.start + 1]) {
      add.push(`<${prefix}mergeCell ref="${a1(e.headerTop, col)}:${colLetters(col)}${e.headerRow}"/>`);
    }
  }
  const merged = [...keep, ...add];
  if (mc) {
    const el = merged.length ? `${setAttr(mc.selfClosing ? `${mc.openTag.slice(0, -2).trimEnd()}>` : mc.openTag, 'count', String(merged.length))}${merged.join('')}</${mc.name}>` : '';
    xml = xml.slice(0, mc.start) + el + xml.slice(mc.end);
  } else if (merged.length) {
    insert('mergeCells', `<${prefix}mergeCells count="${merged.length}">${merged.join('')}</${prefix}mergeCells>`);
  }

  if (e.printSetup !== undefined) {
    for (const k of kids().reverse()) if (PRINT_SETUP.has(k.local)) xml = xml.slice(0, k.start) + xml.slice(k.end);
    insert('printOptions', e.printSetup(prefix));
  }

  if (e.legacyDrawingRid && !kids().some((k) => k.local === 'legacyDrawing')) {
    insert('legacyDrawing', `<${prefix}legacyDrawing ${e.relPrefix}id="${escapeXml(e.legacyDrawingRid)}"/>`);
  }
  return { xml, autoFilter };
}

/** The r:id of an existing <legacyDrawing> in a tail, if any. */
export function legacyDrawingRid(tail: string): string | null {
  const tag = findOpenTag(tail, 'legacyDrawing');
  if (!tag) return null;
  return relIdAttr(tag.openTag) ?? null;
}

/** Merged ranges listed in a tail. */
export function parseMerges(tail: string): RangePos[] {
  const out: RangePos[] = [];
  for (const m of findOpenTags(tail, 'mergeCell')) {
    const r = parseRange(getAttr(m.openTag, 'ref') ?? '');
    if (r) out.push(r);
  }
  return out;
}

