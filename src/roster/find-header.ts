import type { FieldColumn, FieldId, RawRow } from '../core/types.js';
import { cellText } from '../normalize/text.js';
import { colLetters as columnLetter } from '../ooxml/cell-ref.js';
import type { HeaderMatcher } from './header-matcher.js';
import { OUR_HEADER_PAIRS } from '../annotate/texts.js';

/** The titles of the two columns our annotated copy adds, in either language. */
const OUR_COLUMN_TITLES = new Set(OUR_HEADER_PAIRS.flat());

export interface HeaderFound {
  /** First row of the header (title rows above it are ignored). */
  headerTop: number;
  /** Last row of the header; data starts below. */
  headerRow: number;
  fields: Map<FieldId, FieldColumn>;
  /** Header texts that matched no field. */
  ignored: string[];
  /** Our 预审结论/预审意见 columns, from an earlier screening of this workbook (not roster data). */
  earlier: string[];
  /**
   * Columns whose header matches a field an earlier column took, with that field (a second table
   * beside the first repeats 姓名 and 身份证号); only the first column of a field is read.
   */
  repeated: { id: FieldId; at: FieldColumn }[];
  /** Number of columns in use in the header. */
  width: number;
  /** Every header text, for error messages. */
  headers: string[];
  /** Columns matched by the lower row's text alone (two-row headers). */
  childOnly: number;
}

/** How many rows from the top of a sheet are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Finds the roster's header among the first rows: the row (or pair of rows, for a two-row merged
 * header like 继续教育学时 over 2021年|2022年|2023年) that matches the most known columns.
 */
export function findHeader(rows: readonly RawRow[], matcher: HeaderMatcher): HeaderFound | null {
  const best: { found: HeaderFound | null; score: number; childOnly: number } = { found: null, score: 0, childOnly: 0 };
  // Each row's texts and their single-cell matches, worked out once: a row is read alone, as the
  // lower row of the pair above it and as the upper row of the pair below it.
  const rowTexts = rows.map(texts);
  const rowMatches = rowTexts.map((list) => list.map((t) => (t ? matcher.match(t) : null)));
  for (let i = 0; i < rows.length; i++) {
    const top = rows[i]!;
    const single = rowTexts[i]!;
    consider(build(top.row, top.row, single.map((text, c) => ({ text, id: rowMatches[i]![c] ?? null })), matcher));
    const next = rows[i + 1];
    if (next && next.row === top.row + 1) consider(build(top.row, next.row, joinTwoRows(single, rowTexts[i + 1]!, rowMatches[i + 1]!), matcher));
    // Three rows (继续教育学时 › 2021年 › 公需科目 | 专业科目 | 合计): read only when the lowest row
    // totals its groups, so that each group has one column that is the whole of it.
    const third = rows[i + 2];
    if (next && third && next.row === top.row + 1 && third.row === top.row + 2 && rowTexts[i + 2]!.some(isTotal)) {
      consider(build(top.row, third.row, joinThreeRows(single, rowTexts[i + 1]!, rowTexts[i + 2]!), matcher));
    }
  }
  return best.found;

  // More recognised columns wins; on a tie, the reading that needed fewer child-only matches (a
  // 填报单位 line above the header is not a parent row).
  function consider(found: HeaderFound): void {
    const score = found.fields.size;
    if (score < 2) return;
    if (score > best.score || (score === best.score && found.childOnly < best.childOnly)) {
      best.found = found;
      best.score = score;
      best.childOnly = found.childOnly;
    }
  }
}

function texts(row: RawRow): string[] {
  return row.cells.map((c) => cellText(c).replace(/\s+/g, ' ').trim());
}

interface HeaderText {
  text: string;
  /** The field `text` matches, when already known (undefined: not looked up yet). */
  id?: FieldId | null;
  /** The lower row's text alone, for a two-row header, and the field it matches. */
  child?: string;
  childId?: FieldId | null;
}

/** Parent + child per column; a parent spanning several children (merged) is carried right. */
function joinTwoRows(parent: string[], child: string[], childIds: (FieldId | null)[]): HeaderText[] {
  const width = Math.max(parent.length, child.length);
  const out: HeaderText[] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    const p = parent[c] ?? '';
    const k = child[c] ?? '';
    if (p) carried = k ? p : '';
    else if (!k) carried = '';
    const head = p || (k ? carried : '');
    out.push(k ? { text: `${head}${k}`, id: head ? undefined : (childIds[c] ?? null), child: k, childId: childIds[c] ?? null } : { text: head });
  }
  return out;
}

/** A column totalling its group in a header's lowest row. */
function isTotal(text: string): boolean {
  return /^(合计|小计|总计)$/.test(text.replace(/\s/g, ''));
}

/**
 * Three header rows: a group (继续教育学时) over sub-groups (2021年) over columns (公需科目 | 专业科目 |
 * 合计), each merged title carried right over the columns below it. A 合计 column is its group's
 * whole (继续教育学时2021年); the others are read with their titles joined, or without the top
 * group's (2021年公需科目). A column titled in the top row alone (merged down) is read by that title.
 */
function joinThreeRows(top: string[], middle: string[], bottom: string[]): HeaderText[] {
  const width = Math.max(top.length, middle.length, bottom.length);
  const out: HeaderText[] = [];
  let carriedTop = '';
  let carriedMiddle = '';
  for (let c = 0; c < width; c++) {
    const p = top[c] ?? '';
    const q = middle[c] ?? '';
    const k = bottom[c] ?? '';
    if (p) carriedTop = q || k ? p : '';
    else if (!q && !k) carriedTop = '';
    if (q) carriedMiddle = k ? q : '';
    else if (p || !k) carriedMiddle = '';
    const a = p || (q || k ? carriedTop : '');
    const b = q || (k ? carriedMiddle : '');
    if (!k || isTotal(k)) out.push(a && b ? { text: `${a}${b}`, child: b } : { text: a || b });
    else out.push(a ? { text: `${a}${b}${k}`, child: `${b}${k}` } : { text: `${b}${k}` });
  }
  return out;
}

function build(headerTop: number, headerRow: number, headers: HeaderText[], matcher: HeaderMatcher): HeaderFound {
  const fields = new Map<FieldId, FieldColumn>();
  const ignored: string[] = [];
  const earlier: string[] = [];
  const repeated: HeaderFound['repeated'] = [];
  let width = 0;
  let childOnly = 0;
  headers.forEach(({ text: header, id: known, child, childId }, col) => {
    if (!header) return;
    width = col + 1;
    // A parent may be a group title (基本情况 over 姓名 | 性别): then the child alone is the name.
    let id = known !== undefined ? known : matcher.match(header);
    if (!id && child) {
      id = childId !== undefined ? childId : matcher.match(child);
      if (id) childOnly++;
    }
    if (!id) (OUR_COLUMN_TITLES.has(header) ? earlier : ignored).push(header);
    else if (fields.has(id)) repeated.push({ id, at: { col, letter: columnLetter(col), header } });
    else fields.set(id, { col, letter: columnLetter(col), header });
  });
  return { headerTop, headerRow, fields, ignored, earlier, repeated, width, headers: headers.map((h) => h.text).filter(Boolean), childOnly };
}
