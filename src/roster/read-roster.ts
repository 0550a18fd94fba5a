import type { Applicant, CellValue, FieldColumn, FieldId, RawRow, RosterLayout } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import type { OpenedWorkbook } from '../io/open-roster-file.js';
import type { Problem, RosterInput } from '../report/run-result.js';
import { classifyRow, firstText, mayBeHeaderRow } from './classify-row.js';
import { cellText } from '../normalize/text.js';
import { findHeader, HEADER_SEARCH_ROWS, type HeaderFound } from './find-header.js';
import type { HeaderMatcher } from './header-matcher.js';
import { MergeFill } from './merge-fill.js';
import { EXCEL_CELL_LIMIT } from '../ooxml/cell-text.js';
import { a1 } from '../ooxml/cell-ref.js';
import { skippedSheetProblems, sheetProblems, type BesideTable, type SheetSkips } from './roster-problems.js';
import { commandName } from '../core/command-name.js';
import { earlierScreening, isEarlierCopy } from '../annotate/earlier-copy.js';
import { rowsUnderHeader, templateRowsProblem, underHeaderProblems } from './under-header.js';

export interface ReadRosterOptions {
  /** `--sheet NAME` (repeatable); default: every visible sheet with a roster header. */
  sheets?: readonly string[];
  matcher: HeaderMatcher;
  /** Called once a sheet's header is known; returns the input index for its applicants. */
  begin(layout: RosterLayout, header: HeaderFound): number;
  onApplicant(app: Applicant): void;
  /** Progress: called every few thousand rows. */
  onRows?(rows: number): void;
}

export interface ReadRosterResult {
  /** One per roster sheet, in workbook order. */
  inputs: Omit<RosterInput, 'sha256'>[];
  problems: Problem[];
}

/** Screens every roster sheet of the workbook (or those named): each sheet with its own header. */
export async function readRoster(wb: OpenedWorkbook, options: ReadRosterOptions): Promise<ReadRosterResult> {
  const named = options.sheets !== undefined && options.sheets.length > 0;
  const candidates = named ? namedSheets(wb, options.sheets!) : wb.sheets.map((s, i) => ({ s, i })).filter(({ s }) => !s.hidden).map(({ i }) => i);
  const inputs: ReadRosterResult['inputs'] = [];
  const problems: Problem[] = [];
  const noHeader: string[] = [];
  let bestMiss: HeaderFound | null = null;
  let rowsBefore = 0;
  // An earlier copy of ours (our marker, or our sheets by content) has our columns and sheets replaced in the copy.
  const earlier = await earlierScreening(wb);
  const ours = isEarlierCopy(earlier);
  for (const index of candidates) {
    const attempt = await readSheet(wb, index, options, rowsBefore, ours);
    if (attempt.kind === 'read') {
      inputs.push(attempt.input);
      problems.push(...attempt.problems);
      rowsBefore += attempt.rows;
      continue;
    }
    // A sheet the user named must be a roster; among all sheets, the others are only noted.
    if (named) throw noRoster(wb, wb.sheets[index]!.name, attempt.header);
    noHeader.push(wb.sheets[index]!.name);
    if (attempt.header && (!bestMiss || attempt.header.fields.size > bestMiss.fields.size)) bestMiss = attempt.header;
  }
  if (inputs.length === 0) throw noRoster(wb, undefined, bestMiss);
  const hiddenRosters = named ? [] : await hiddenRosterSheets(wb, options.matcher);
  problems.push(...skippedSheetProblems(wb.file, noHeader, hiddenRosters, earlier.marked ? null : earlier.sheets));
  return { inputs, problems };
}

function namedSheets(wb: OpenedWorkbook, names: readonly string[]): number[] {
  return [...new Set(names)].map((name) => {
    const index = wb.sheets.findIndex((s) => s.name === name);
    if (index < 0) {
      const list = wb.sheets.map((s) => `"${s.name}"`).join('、');
      throw new UserError('sheet-missing', {
        zh: `文件 "${wb.file}" 中没有名为 "${name}" 的工作表。现有工作表：${list}`,
        en: `File "${wb.file}" has no sheet named "${name}". Sheets: ${list.replace(/、/g, ', ')}`,
      });
    }
    return index;
  }).sort((a, b) => a - b);
}

/** Hidden sheets with a roster header: not screened unless named, but never passed over silently. */
async function hiddenRosterSheets(wb: OpenedWorkbook, matcher: HeaderMatcher): Promise<string[]> {
  const out: string[] = [];
  for (const [index, sheet] of wb.sheets.entries()) {
    if (!sheet.hidden) continue;
    const rows: RawRow[] = [];
    await wb.readRows(index, (r) => (rows.push(r) >= HEADER_SEARCH_ROWS ? false : undefined));
    if (isRosterHeader(findHeader(rows, matcher))) out.push(sheet.name);
  }
  return out;
}

/** A header is a roster's when it has 姓名 and 身份证号. */
function isRosterHeader(found: HeaderFound | null): boolean {
  return found !== null && found.fields.has('name') && found.fields.has('idNumber');
}

type Attempt =
  | { kind: 'read'; input: Omit<RosterInput, 'sha256'>; problems: Problem[]; rows: number }
  | { kind: 'miss'; header: HeaderFound | null };

async function readSheet(wb: OpenedWorkbook, index: number, options: ReadRosterOptions, rowsBefore: number, earlierCopy: boolean): Promise<Attempt> {
  const sheet = wb.sheets[index]!.name;
  // First pass: the header among the first rows. The rest of the sheet is only searched for its
  // merges (written after the rows), so that the second pass knows them while it streams: a value
  // merged down an employer's rows belongs to each of them, and no row needs holding.
  const head: RawRow[] = [];
  const { merges } = await wb.readRows(index, (r) => (head.push(r) >= HEADER_SEARCH_ROWS ? false : undefined));
  const found = findHeader(head, options.matcher);
  if (!found || !isRosterHeader(found)) return { kind: 'miss', header: found };
  const h = found;
  // Before the layout is made: a header row not understood takes the fields over it out.
  const under = rowsUnderHeader(head, h, options.matcher);
  const templates: number[] = [];
  const numbered: number[] = [];
  const first: RosterLayout = { file: wb.file, sheet, headerRow: h.headerRow, fields: h.fields };
  const input = options.begin(first, h);
  const beside = besideTable(h);
  const skips: SheetSkips = { notes: [], repeats: [], continued: [], disorder: null, longCells: [], tables: [], beside };
  // A CSV's or an old-format file's copy is a new workbook: a cell longer than Excel holds is cut there.
  const rebuilt = wb.kind !== 'xlsx';
  const fill = new MergeFill(merges, h.headerRow, h.width);
  let applicants = 0;
  let rowsSeen = 0;
  // The rows are read with the header above them: a second table stacked below the first, under
  // a header of its own, gives the rows below it its columns (read with the first's, they failed
  // on values from the wrong columns). A header row is held until the next row shows whether the
  // header takes two rows.
  let layout = first;
  let pending: { row: RawRow; header: HeaderFound } | null = null;

  const startTable = (header: HeaderFound, rows: number[]): void => {
    if (sameColumns(header.fields, layout.fields)) return void skips.repeats.push(...rows);
    skips.tables.push({ row: header.headerTop, previous: layout.headerRow, header, before: layout.fields });
    layout = { file: wb.file, sheet, headerRow: header.headerRow, fields: header.fields };
  };
  /** Settles a held header row with the row after it; true when that row is part of the header. */
  const settle = (held: { row: RawRow; header: HeaderFound }, next: RawRow | null): boolean => {
    const pair = next ? findHeader([held.row, next], options.matcher) : null;
    if (next && pair && isRosterHeader(pair) && pair.headerTop === held.row.row && pair.headerRow === next.row) {
      startTable(pair, [held.row.row, next.row]);
      return true;
    }
    startTable(held.header, [held.row.row]);
    return false;
  };

  let lastRow = 0;
  const take = (raw: RawRow): void => {
    rowsSeen++;
    if (options.onRows && rowsSeen % 1000 === 0) options.onRows(rowsBefore + rowsSeen);
    // Row numbers that repeat or go back (a file another program wrote badly): named in the notes.
    if (raw.row <= lastRow) {
      if (skips.disorder) skips.disorder.count++;
      else skips.disorder = { after: lastRow, row: raw.row, count: 1 };
    }
    lastRow = Math.max(lastRow, raw.row);
    if (raw.row <= h.headerRow) return;
    const r = fill.apply(raw);
    if (under.skip.has(r.row)) return;
    if (beside) noteBesideRow(r, beside);
    if (pending) {
      const held = pending;
      pending = null;
      if (settle(held, r)) return;
    }
    const kind = isGroupHeading(fill, layout.fields) ? 'note' : classifyRow(r, layout.fields);
    if (kind === 'blank') return;
    if (kind === 'template') return void templates.push(r.row);
    if (kind === 'numbered') return void numbered.push(r.row);
    const header = mayBeHeaderRow(r, layout.fields) ? rosterHeaderIn(r, options.matcher) : null;
    if (header && !sameColumns(header.fields, layout.fields)) return void (pending = { row: r, header });
    if (header || kind === 'header-repeat') return void skips.repeats.push(r.row);
    if (kind === 'note') return void skips.notes.push({ row: r.row, text: firstText(r) });
    const firstLine = fill.continues(layout.fields);
    if (firstLine !== null) return void skips.continued.push({ row: r.row, first: firstLine });
    applicants++;
    if (rebuilt) noteLongCells(raw, skips.longCells);
    options.onApplicant(applicantOf(input, layout, r, fill));
  };
  // A sheet shorter than the header search was read whole already.
  if (head.length < HEADER_SEARCH_ROWS) head.forEach(take);
  else await wb.readRows(index, take);
  // A header on the sheet's last row: named, with no rows below it.
  if (pending) settle(pending, null);
  return {
    kind: 'read',
    input: {
      file: wb.file,
      kind: wb.kind,
      sheet,
      sheetIndex: index,
      headerRow: h.headerRow,
      headerTop: h.headerTop,
      width: h.width,
      applicants,
      layout: first,
      ignoredHeaders: h.ignored,
    },
    problems: [...underHeaderProblems(wb.file, sheet, under), ...sheetProblems(wb.file, sheet, h, skips, earlierCopy), ...templateRowsProblem(wb.file, sheet, templates, 'template'), ...templateRowsProblem(wb.file, sheet, numbered, 'numbered')],
    rows: rowsSeen,
  };
}

/** The one row's header, when it reads as a roster's (姓名 and 身份证号 among its columns). */
function rosterHeaderIn(r: RawRow, matcher: HeaderMatcher): HeaderFound | null {
  const found = findHeader([r], matcher);
  return isRosterHeader(found) ? found : null;
}

/** Every field of `header` sits in the same column in `fields` (a two-row header's upper row has fewer). */
function sameColumns(header: Map<FieldId, FieldColumn>, fields: Map<FieldId, FieldColumn>): boolean {
  for (const [id, f] of header) if (fields.get(id)?.col !== f.col) return false;
  return true;
}

/**
 * A second table beside the first: the header names 姓名 and 身份证号 again further right. Its rows
 * share the first table's rows, and a row holds one applicant (one verdict in the copy), so its
 * applicants are not screened: they are counted and named.
 */
function besideTable(h: HeaderFound): BesideTable | null {
  const name = h.repeated.find((d) => d.id === 'name')?.at;
  const id = h.repeated.find((d) => d.id === 'idNumber')?.at;
  if (!name || !id) return null;
  const from = Math.min(...h.repeated.map((d) => d.at.col));
  return { headerRow: h.headerRow, name, id, from, to: h.width - 1, rows: [] };
}

/** A row with a name or ID in the table beside the first: one applicant not screened. */
function noteBesideRow(r: RawRow, beside: BesideTable): void {
  const name = cellText(r.cells[beside.name.col]).trim();
  const id = cellText(r.cells[beside.id.col]).trim();
  if ((name || id) && !(name === beside.name.header && id === beside.id.header)) beside.rows.push(r.row);
}

function noteLongCells(raw: RawRow, into: string[]): void {
  raw.cells.forEach((c, col) => {
    if (c?.kind === 'string' && c.text.length > EXCEL_CELL_LIMIT) into.push(a1(raw.row, col));
  });
}

/**
 * A heading merged across the table (一、机电制造专业（2人）): the 姓名 cell is one merged cell with
 * another column's. No applicant's name shares a cell with their 性别 or ID, so the row is a group
 * heading, named in the notes; read as an applicant, its text filled every column and it failed.
 */
function isGroupHeading(fill: MergeFill, fields: Map<FieldId, FieldColumn>): boolean {
  const name = fields.get('name');
  const range = name ? fill.rangeAt(name.col) : undefined;
  if (!name || !range || range.left === range.right) return false;
  for (const [id, f] of fields) if (id !== 'name' && f.col >= range.left - 1 && f.col <= range.right - 1) return true;
  return false;
}

function applicantOf(input: number, layout: RosterLayout, r: RawRow, fill: MergeFill): Applicant {
  const values = new Map<FieldId, CellValue>();
  let uncomputed: Set<FieldId> | undefined;
  let cellAt: Map<FieldId, string> | undefined;
  for (const [id, f] of layout.fields) {
    const v = r.cells[f.col];
    if (v !== undefined && !(v.kind === 'string' && v.text.trim() === '')) values.set(id, v);
    if (r.uncomputed?.includes(f.col)) (uncomputed ??= new Set()).add(id);
    const origin = fill.originOf(f.col);
    if (origin !== null) (cellAt ??= new Map()).set(id, origin);
  }
  const app: Applicant = { input, layout, row: r.row, values };
  if (r.hidden) app.hidden = true;
  if (uncomputed) app.uncomputed = uncomputed;
  if (cellAt) app.cellAt = cellAt;
  return app;
}

function noRoster(wb: OpenedWorkbook, sheet: string | undefined, best: HeaderFound | null): UserError {
  if (best && best.fields.size >= 2) {
    const missing = ['name', 'idNumber'].filter((f) => !best.fields.has(f)).map((f) => (f === 'name' ? '姓名' : '身份证号'));
    const missingEn = missing.map((m) => (m === '姓名' ? 'name (姓名)' : 'ID number (身份证号)'));
    return new UserError('identity-missing', {
      zh: `文件 "${wb.file}" 的花名册缺少"${missing.join('"、"')}"列，无法审核。找到的表头：${best.headers.join('、')}。请添加该列（或把表头改为标准名称）后重试。`,
      en: `The roster in "${wb.file}" has no ${missingEn.join(' or ')} column and cannot be screened. Headers found: ${best.headers.join(', ')}. Add the column (or rename the header to the standard name) and retry.`,
    });
  }
  // A text file named like a workbook (a renamed CSV, or not a roster at all) was read as CSV: say so.
  if (wb.kind === 'csv' && /\.xls[xm]?$/i.test(wb.file)) {
    return new UserError('no-roster', {
      zh: `文件 "${wb.file}" 不是 Excel 工作簿，而是纯文本；按 CSV 读取后，前${HEADER_SEARCH_ROWS}行内也没有包含"姓名"和"身份证号"的表头行。请用 Excel 或 WPS 打开原始花名册，另存为 .xlsx 后重试。`,
      en: `"${wb.file}" is not an Excel workbook but plain text; read as CSV, none of its first ${HEADER_SEARCH_ROWS} rows is a header with 姓名 (name) and 身份证号 (ID number). Open the original roster in Excel or WPS, save it as .xlsx and retry.`,
    });
  }
  const hidden = wb.sheets.filter((s) => s.hidden).map((s) => s.name);
  const hint = hidden.length && !sheet ? `（隐藏的工作表未检查：${hidden.join('、')}；可用 --sheet 指定）` : '';
  const hintEn = hidden.length && !sheet ? ` (hidden sheets were not searched: ${hidden.join(', ')}; use --sheet to pick one)` : '';
  return new UserError('no-roster', {
    zh: `文件 "${wb.file}"${sheet ? ` 的工作表"${sheet}"` : ''} 中没有找到花名册：前${HEADER_SEARCH_ROWS}行内没有包含"姓名"和"身份证号"的表头行${hint}。请使用 ${commandName()} template 生成的模板，或检查表头。`,
    en: `No roster found in "${wb.file}"${sheet ? ` sheet "${sheet}"` : ''}: none of the first ${HEADER_SEARCH_ROWS} rows is a header with 姓名 (name) and 身份证号 (ID number)${hintEn}. Start from \`${commandName()} template\` or check the headers.`,
  });
}
