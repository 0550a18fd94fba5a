import { maskText } from '../report/mask.js';
import type { Problem } from '../report/run-result.js';
import type { HeaderFound } from './find-header.js';
import type { FieldColumn, FieldId } from '../core/types.js';
import { colLetters } from '../ooxml/cell-ref.js';
import { ourSheetRole } from '../annotate/texts.js';

/** Rows of one sheet that are not applicants, each named in the run's notes. */
export interface SheetSkips {
  /** Group headings, totals, signature and contact lines, dates, notes, 盖章 lines: row and first text. */
  notes: { row: number; text: string }[];
  /** The header written again. */
  repeats: number[];
  /** Lines of an applicant whose 姓名 and 身份证号 are merged over several rows. */
  continued: { row: number; first: number }[];
  /** Row numbers that repeat or go back: the first (and the row it follows), and how many. */
  disorder: { after: number; row: number; count: number } | null;
  /** Cells (A1) longer than an Excel cell holds, in a CSV or old-format file whose copy is made anew. */
  longCells: string[];
  /** Tables stacked below the first under a header with other columns: read with their own. */
  tables: { row: number; previous: number; header: HeaderFound; before: Map<FieldId, FieldColumn> }[];
  /** A second table beside the first (its applicants not screened), or null. */
  beside: BesideTable | null;
}

/** A second table to the right of the first, on the same rows: the header repeats 姓名 and 身份证号. */
export interface BesideTable {
  headerRow: number;
  /** Its 姓名 and 身份证号 columns. */
  name: FieldColumn;
  id: FieldColumn;
  /** Its first and last columns (0-based). */
  from: number;
  to: number;
  /** Rows with a name or ID number in it. */
  rows: number[];
}

const MAX_LISTED = 20;
/** Footer rows listed one by one; a sheet with more lists these and counts the rest. */
const MAX_ROWS_LISTED = 50;
const MAX_TEXT = 30;
/** Columns of a stacked table's header named as moved: enough to see how it differs. */
const MAX_MOVED = 6;

/** The notes a roster sheet gives the run: ignored or repeated columns, skipped rows. */
export function sheetProblems(file: string, sheet: string, h: HeaderFound, skips: SheetSkips, earlierCopy = true): Problem[] {
  const out: Problem[] = [];
  if (h.earlier.length && !earlierCopy) {
    // Titled like ours, in a workbook with neither our marker nor our sheets: kept as the user's.
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"中的"${h.earlier.join('""')}"列与预审写入的列同名，但文件中没有上次预审的标记（也没有预审生成的工作表），按您自己的列保留、不作为花名册内容审核；标注副本在其右侧另加"预审结论""预审意见"两列`,
        en: `Sheet "${sheet}": the columns ${h.earlier.map((c) => `"${c}"`).join(', ')} bear our columns' titles, but the file carries no mark of an earlier screening (nor its sheets); they are kept as your own and not screened as roster data, and the annotated copy adds its verdict and reasons columns to their right`,
      },
    });
  } else if (h.earlier.length) {
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"中的"${h.earlier.join('""')}"列是上次预审写入的结果，不作为花名册内容审核（标注副本中会更新）`,
        en: `Sheet "${sheet}": the columns ${h.earlier.map((c) => `"${c}"`).join(', ')} hold an earlier screening's results and are not screened as roster data (the annotated copy updates them)`,
      },
    });
  }
  if (h.ignored.length) {
    const cols = firstFew(h.ignored, '列');
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"中以下列不在本轮审核范围，已忽略：${cols.zh}`,
        en: `Sheet "${sheet}": these columns are not used by this round and were ignored: ${cols.en}`,
      },
    });
  }
  if (skips.beside) out.push(besideProblem(file, sheet, skips.beside));
  // The table beside the first repeats every column: named above, not as repeated columns.
  else if (h.repeated.length) {
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"中以下列与前面的列重复，只使用第一列：${h.repeated.map((r) => r.at.header).join('、')}`,
        en: `Sheet "${sheet}": these columns repeat an earlier one; only the first is used: ${h.repeated.map((r) => r.at.header).join(', ')}`,
      },
    });
  }
  if (skips.repeats.length) {
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"第${skips.repeats.join('、')}行重复了表头，已跳过`,
        en: `Sheet "${sheet}": row(s) ${skips.repeats.join(', ')} repeat the header and were skipped`,
      },
    });
  }
  for (const t of skips.tables) out.push(tableProblem(file, sheet, t));
  for (const n of skips.notes.slice(0, MAX_ROWS_LISTED)) {
    const text = clip(n.text);
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"第${n.row}行"${text}"不是申报人（分组标题、合计、签字、日期、说明或盖章行），已跳过`,
        en: `Sheet "${sheet}" row ${n.row} "${text}" is not an applicant (a group heading, total, signature, date, note or seal line) and was skipped`,
      },
    });
  }
  const more = skips.notes.length - MAX_ROWS_LISTED;
  if (more > 0) {
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"另有${more}行分组标题、合计、签字、日期、说明或盖章行已跳过（第${skips.notes[MAX_ROWS_LISTED]!.row}行起）`,
        en: `Sheet "${sheet}": ${more} more group heading, total, signature, date, note or seal lines were skipped (from row ${skips.notes[MAX_ROWS_LISTED]!.row})`,
      },
    });
  }
  if (skips.longCells.length) {
    const cells = firstFew(skips.longCells, '个');
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"中单元格${cells.zh}的内容超过 Excel 单元格上限（32 767 字），已按全文审核；标注副本中这些单元格被截断（标有"已截断"），原文件不变`,
        en: `Sheet "${sheet}": cell(s) ${cells.en} hold more than an Excel cell can (32 767 characters); they were screened in full, and cut (marked) in the annotated copy; the original file is unchanged`,
      },
    });
  }
  if (skips.disorder) {
    const d = skips.disorder;
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"的行号不是逐行递增的（第${d.after}行之后是第${d.row}行${d.count > 1 ? `，共${d.count}处` : ''}），文件可能由其他程序生成或改过：行号不在表头之下的行未作为申报人读取，批注副本中的标记可能落在别的行。请在 Excel 或 WPS 中打开、另存后重新审核`,
        en: `Sheet "${sheet}": row numbers do not increase row by row (row ${d.row} follows row ${d.after}${d.count > 1 ? `; ${d.count} places` : ''}); another program may have written the file. Rows numbered at or above the header were not read as applicants, and marks in the annotated copy may land on other rows. Open and save it in Excel or WPS, then screen it again`,
      },
    });
  }
  for (const c of skips.continued) {
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"第${c.row}行的姓名、身份证号与第${c.first}行合并，为同一申报人的续行，按第${c.first}行审核`,
        en: `Sheet "${sheet}" row ${c.row}: 姓名 and 身份证号 are merged with row ${c.first}; it continues that applicant, screened as row ${c.first}`,
      },
    });
  }
  return out;
}

/**
 * Never silent: the applicants of a table beside the first were not screened, so the problem counts
 * as a part of the file that could not be read (the run exits 2, 退回清单 names it).
 */
function besideProblem(file: string, sheet: string, b: BesideTable): Problem {
  const range = `${colLetters(b.from)}–${colLetters(b.to)}`;
  const rows = firstFew(b.rows.map(String), '行');
  const who = b.rows.length ? `其中${b.rows.length}人未审核（第${rows.zh}行）` : '其中的申报人未审核';
  const whoEn = b.rows.length ? `its ${b.rows.length} applicant(s) (row(s) ${rows.en}) were NOT screened` : 'its applicants were NOT screened';
  return {
    file,
    unreadable: true,
    message: {
      zh: `工作表"${sheet}"第${b.headerRow}行的${range}列是并排放在第一张表右侧的第二张表（"${b.name.header}"在${b.name.letter}${b.headerRow}，"${b.id.header}"在${b.id.letter}${b.headerRow}），${who}。请把第二张表移到另一个工作表（或第一张表下方）后重新审核`,
      en: `Sheet "${sheet}" row ${b.headerRow}: columns ${range} are a second table placed beside the first ("${b.name.header}" at ${b.name.letter}${b.headerRow}, "${b.id.header}" at ${b.id.letter}${b.headerRow}); ${whoEn}. Move the second table to a sheet of its own (or below the first table) and screen again`,
    },
  };
}

/** A table stacked below the first under its own header: which columns moved, so a person can check. */
function tableProblem(file: string, sheet: string, t: SheetSkips['tables'][number]): Problem {
  const moved: string[] = [];
  for (const [id, f] of t.header.fields) {
    const was = t.before.get(id);
    if (!was) moved.push(`${f.header}（${f.letter}）`);
    else if (was.col !== f.col) moved.push(`${f.header}（${was.letter}→${f.letter}）`);
  }
  for (const [id, f] of t.before) if (!t.header.fields.has(id)) moved.push(`${f.header}（—）`);
  const cols = firstFew(moved, '列', MAX_MOVED);
  const rows = t.header.headerTop === t.header.headerRow ? `第${t.row}行` : `第${t.row}–${t.header.headerRow}行`;
  const rowsEn = t.header.headerTop === t.header.headerRow ? `row ${t.row}` : `rows ${t.row}–${t.header.headerRow}`;
  return {
    file,
    message: {
      zh: `工作表"${sheet}"${rows}是另一张表的表头，列与第${t.previous}行的表头不同（${cols.zh}），其下各行已按该行的表头读取；请核对`,
      en: `Sheet "${sheet}" ${rowsEn} is the header of another table, with columns other than the header in row ${t.previous} (${cols.en.replace(/（/g, ' (').replace(/）/g, ')')}); the rows below it were read with its columns; please check`,
    },
  };
}

/** A list that can run to thousands (stray columns, long cells): the first few named, the rest counted. */
function firstFew(items: readonly string[], zhUnit: string, max = MAX_LISTED): { zh: string; en: string } {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  return {
    zh: `${shown.join('、')}${more ? ` 等共${items.length}${zhUnit}` : ''}`,
    en: `${shown.join(', ')}${more ? ` and ${more} more` : ''}`,
  };
}

/** Sheets not screened: visible ones without a roster header, hidden ones that hold a roster. */
export function skippedSheetProblems(file: string, sheetsWithoutHeader: readonly string[], hiddenRosters: readonly string[], oursByContent: readonly string[] | null = null): Problem[] {
  const out: Problem[] = [];
  let noHeader = sheetsWithoutHeader;
  // Our own 预审汇总 and 预审规则 sheets in an annotated copy screened again: said apart, as ours.
  // Without our marker (oursByContent given), only those whose content is ours; a sheet merely
  // named like ours is the user's, kept, and our new sheet gets another name.
  const named = noHeader.filter((s) => ourSheetRole(s) !== null);
  const ours = oursByContent ? named.filter((s) => oursByContent.includes(s)) : named;
  const lookalikes = named.filter((s) => !ours.includes(s));
  if (lookalikes.length) {
    const zh = lookalikes.map((s) => `"${s}"`).join('、');
    out.push({
      file,
      message: {
        zh: `工作表${zh}与预审生成的工作表同名，但内容不是预审生成的（文件中也没有上次预审的标记），按您自己的工作表保留、已跳过；标注副本中的预审汇总另起名称`,
        en: `Sheet(s) ${zh.replace(/、/g, ', ')} bear the names of our sheets but not their content (and the file carries no mark of an earlier screening): kept as your own and skipped; the annotated copy names its summary sheets otherwise`,
      },
    });
  }
  noHeader = noHeader.filter((s) => !lookalikes.includes(s));
  if (ours.length) {
    const zh = ours.map((s) => `"${s}"`).join('、');
    out.push({
      file,
      message: {
        zh: `工作表${zh}是上次预审生成的，已跳过（标注副本中会重新生成）`,
        en: `Sheet(s) ${zh.replace(/、/g, ', ')} were made by an earlier screening and were skipped (the annotated copy makes them anew)`,
      },
    });
    noHeader = noHeader.filter((s) => !ours.includes(s));
  }
  if (noHeader.length) {
    const zh = noHeader.map((s) => `"${s}"`).join('、');
    out.push({
      file,
      message: {
        zh: `工作表${zh}中没有花名册表头（姓名、身份证号），已跳过`,
        en: `Sheet(s) ${zh.replace(/、/g, ', ')} hold no roster header (姓名, 身份证号) and were skipped`,
      },
    });
  }
  for (const s of hiddenRosters) {
    out.push({
      file,
      message: {
        zh: `隐藏的工作表"${s}"看起来是花名册，未审核；如需审核请用 --sheet "${s}" 指定（同时写上其他要审核的工作表）`,
        en: `Hidden sheet "${s}" looks like a roster and was not screened; to screen it, name it with --sheet "${s}" (with the other sheets to screen)`,
      },
    });
  }
  return out;
}

// A landline (0571-87654321, 87654321) keeps its area code and last four digits.
const LANDLINE = /(?<![\d*])((?:0\d{2,3}-?)?)(\d{3,4})(\d{4})(?![\d*])/g;

/** The row's first text, short, with phone and ID numbers masked (notes are printed as they are). */
function clip(text: string): string {
  const one = maskText(text.replace(/\s+/g, ' ')).replace(LANDLINE, (_m, area: string, mid: string, last: string) => `${area}${'*'.repeat(mid.length)}${last}`);
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT)}…` : one;
}
