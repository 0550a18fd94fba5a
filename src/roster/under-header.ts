import type { RawRow } from '../core/types.js';
import type { Problem } from '../report/run-result.js';
import { cellText } from '../normalize/text.js';
import type { HeaderFound } from './find-header.js';
import type { HeaderMatcher } from './header-matcher.js';

/**
 * Rows right under the header that belong to it, not to the data: a row numbering the columns
 * (1 2 3 …, （1）（2）…, ①②…, common on government forms), and a further header row the header
 * search did not take in (公需科目 | 专业科目 under a year). Read as applicants they failed.
 */
export interface UnderHeader {
  /** Rows to skip, each named in the notes. */
  skip: Set<number>;
  /** The notes' facts: a numbering row, or a header row not understood with the columns under it. */
  rows: ({ row: number; kind: 'numbering'; sample: string } | { row: number; kind: 'header'; texts: string[]; dropped: string[] })[];
}

/** How many rows under the header are looked at (a numbering row under an extra header row). */
const LOOK = 2;

/**
 * Looks at the rows right under the header (among the rows read for the header search). A header
 * row not understood makes the fields over its titled cells unreadable: they hold part of a group
 * (专业科目 of 2021年继续教育学时), so those fields are taken out of `found.fields` — screened as
 * missing (待复核), never read as the whole.
 */
export function rowsUnderHeader(head: readonly RawRow[], found: HeaderFound, matcher: HeaderMatcher): UnderHeader {
  const out: UnderHeader = { skip: new Set(), rows: [] };
  let expect = found.headerRow + 1;
  for (const row of head) {
    if (row.row < expect) continue;
    if (row.row > expect || out.rows.length >= LOOK) break;
    const numbers = columnNumbers(row, found.width);
    if (numbers) {
      out.skip.add(row.row);
      out.rows.push({ row: row.row, kind: 'numbering', sample: numbers });
    } else {
      const texts = headerWords(row, found, matcher);
      if (!texts) break;
      const dropped: string[] = [];
      for (const [id, f] of found.fields) {
        if (id === 'seq' || id === 'name' || id === 'idNumber') continue;
        if (cellText(row.cells[f.col]).trim() === '') continue;
        dropped.push(f.header);
        found.fields.delete(id);
      }
      out.skip.add(row.row);
      out.rows.push({ row: row.row, kind: 'header', texts, dropped });
    }
    expect = row.row + 1;
  }
  return out;
}

const CIRCLED: [number, number, number][] = [
  [0x2460, 0x2473, 1], // ①–⑳
  [0x3251, 0x325f, 21], // ㉑–㉟
  [0x32b1, 0x32bf, 36], // ㊱–㊿
];

/** A column number as forms write it: 3, 3., （3）, (3), ③; null for anything else. */
function columnNumber(text: string): number | null {
  const t = text.replace(/[\s\u3000]/g, '').replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (t.length === 1) {
    const c = t.charCodeAt(0);
    for (const [from, to, first] of CIRCLED) if (c >= from && c <= to) return first + c - from;
  }
  const m = /^[（(]?(\d{1,3})[)）]?[.、．]?$/.exec(t);
  if (!m) return null;
  // Brackets in pairs only.
  if (/^[（(]/.test(t) !== /[)）][.、．]?$/.test(t)) return null;
  return Number(m[1]);
}

/**
 * The row numbers the columns: most of its filled cells (and at least three) are column numbers,
 * rising one a column (or one a filled column) from left to right. Returns a sample for the note.
 */
function columnNumbers(row: RawRow, width: number): string | null {
  const numbered: { col: number; n: number; text: string }[] = [];
  let filled = 0;
  const end = Math.max(width, row.cells.length);
  for (let col = 0; col < end; col++) {
    const text = cellText(row.cells[col]).trim();
    if (text === '') continue;
    filled++;
    const n = columnNumber(text);
    if (n !== null) numbered.push({ col, n, text });
  }
  if (numbered.length < 3 || numbered.length < filled * 0.8) return null;
  for (let i = 1; i < numbered.length; i++) {
    const step = numbered[i]!.n - numbered[i - 1]!.n;
    if (step !== 1 && step !== numbered[i]!.col - numbered[i - 1]!.col) return null;
  }
  return `${numbered.slice(0, 3).map((x) => x.text).join('、')}…`;
}

/** Words a header's lower row is made of: groups' parts, totals, kinds of hours, years. */
const HEADER_WORD = /(合计|小计|总计|科目|学时|公需|专业|类别|类型|名称|时间|日期|情况|年度|备注|说明|编号|号码|内容|意见|线上|线下|其中|等级|级别|次数|成绩|结果)/;
const YEAR_TITLE = /^(19|20)\d{2}年度?$/;

/**
 * The row is a header's, not an applicant's: no 姓名 and no 身份证号, at least two filled cells,
 * and each a title (a known header, a year, or short words such as 公需科目, 合计) holding no figures.
 * Returns its texts.
 */
function headerWords(row: RawRow, found: HeaderFound, matcher: HeaderMatcher): string[] | null {
  const name = found.fields.get('name');
  const id = found.fields.get('idNumber');
  for (const f of [name, id]) {
    if (f && (cellText(row.cells[f.col]).trim() !== '' || row.uncomputed?.includes(f.col))) return null;
  }
  const texts: string[] = [];
  for (const c of row.cells) {
    const text = cellText(c).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const bare = text.replace(/[\s\u3000]/g, '');
    const title = YEAR_TITLE.test(bare) || (!/\d/.test(bare) && bare.length <= 12 && (HEADER_WORD.test(bare) || matcher.match(text) !== null));
    if (!title) return null;
    texts.push(text);
  }
  return texts.length >= 2 ? texts : null;
}

const MAX_TEXTS = 6;

/** The notes naming the rows skipped under the header. */
export function underHeaderProblems(file: string, sheet: string, under: UnderHeader): Problem[] {
  return under.rows.map((r): Problem => {
    if (r.kind === 'numbering') {
      return {
        file,
        message: {
          zh: `工作表"${sheet}"第${r.row}行为列序号行（${r.sample}），属于表头，已跳过`,
          en: `Sheet "${sheet}": row ${r.row} numbers the columns (${r.sample.replace(/、/g, ', ')}); it belongs to the header and was skipped`,
        },
      };
    }
    const shown = r.texts.slice(0, MAX_TEXTS);
    const more = r.texts.length > MAX_TEXTS ? '…' : '';
    const dropped = r.dropped.length
      ? {
          zh: `；其上的"${r.dropped.join('""')}"列下分有子栏目，无法确定哪一栏是该项的数值，未读取，相关条件待复核`,
          en: `; the column(s) ${r.dropped.map((d) => `"${d}"`).join(', ')} above it are split into sub-columns, and which holds the value cannot be told: they were not read, and what they check is left for review`,
        }
      : { zh: '', en: '' };
    return {
      file,
      message: {
        zh: `工作表"${sheet}"第${r.row}行（${shown.join('、')}${more}）没有姓名和身份证号，看起来是表头的又一行，未能识别，已跳过${dropped.zh}。如为多行表头，请合并为一行或两行表头后重新审核`,
        en: `Sheet "${sheet}": row ${r.row} (${shown.join(', ')}${more}) has no name or ID number and looks like one more header row, which was not understood; it was skipped${dropped.en}. For a header of several rows, make it one or two rows and screen again`,
      },
    };
  });
}

/**
 * The note counting unused rows of a form: 'template' rows hold 序号 and formulas never calculated,
 * 'numbered' rows only 序号 (a form numbered ahead down to row 200).
 */
export function templateRowsProblem(file: string, sheet: string, rows: readonly number[], kind: 'template' | 'numbered'): Problem[] {
  if (rows.length === 0) return [];
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const span = rows.length === 1 ? `第${first}行` : last - first + 1 === rows.length ? `第${first}–${last}行共${rows.length}行` : `第${first}行起共${rows.length}行`;
  const spanEn = rows.length === 1 ? `row ${first}` : last - first + 1 === rows.length ? `rows ${first}–${last} (${rows.length})` : `${rows.length} rows from row ${first}`;
  return [
    {
      file,
      message: {
        zh:
          kind === 'template'
            ? `工作表"${sheet}"${span}只有序号和未计算的公式，没有姓名、身份证号等申报信息，为空白模板行，已跳过`
            : `工作表"${sheet}"${span}只有序号，没有姓名、身份证号等申报信息，为预先编号的空行，已跳过`,
        en:
          kind === 'template'
            ? `Sheet "${sheet}": ${spanEn} hold only a number (序号) and formulas never calculated, no name, ID or other applicant data: blank template rows, skipped`
            : `Sheet "${sheet}": ${spanEn} hold only a number (序号), no name, ID or other applicant data: rows numbered ahead and left empty, skipped`,
      },
    },
  ];
}

