import type { Applicant, CellValue, RawRow, RosterLayout } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import type { OpenedWorkbook } from '../io/open-roster-file.js';
import type { Problem, RosterInput } from '../report/run-result.js';
import { classifyRow } from './classify-row.js';
import { findHeader, HEADER_SEARCH_ROWS, type HeaderFound } from './find-header.js';
import type { HeaderMatcher } from './header-matcher.js';

export interface ReadRosterOptions {
  /** `--sheet NAME`; default: the first visible sheet with a roster header. */
  sheet?: string;
  matcher: HeaderMatcher;
  /** Called once the header is known; returns the input index for the applicants. */
  begin(layout: RosterLayout, header: HeaderFound): number;
  onApplicant(app: Applicant): void;
  /** Progress: called every few thousand rows. */
  onRows?(rows: number): void;
}

export interface ReadRosterResult {
  input: Omit<RosterInput, 'sha256'>;
  problems: Problem[];
}

/** Finds the roster sheet and header, then streams every applicant row to `onApplicant`. */
export async function readRoster(wb: OpenedWorkbook, options: ReadRosterOptions): Promise<ReadRosterResult> {
  const candidates = sheetCandidates(wb, options.sheet);
  let bestMiss: HeaderFound | null = null;
  for (const index of candidates) {
    const attempt = await readSheet(wb, index, options);
    if (attempt.kind === 'read') return attempt.result;
    if (attempt.header && (!bestMiss || attempt.header.fields.size > bestMiss.fields.size)) bestMiss = attempt.header;
  }
  throw noRoster(wb, options.sheet, bestMiss);
}

function sheetCandidates(wb: OpenedWorkbook, name: string | undefined): number[] {
  if (name !== undefined) {
    const index = wb.sheets.findIndex((s) => s.name === name);
    if (index < 0) {
      const names = wb.sheets.map((s) => `"${s.name}"`).join('、');
      throw new UserError('sheet-missing', {
        zh: `文件 "${wb.file}" 中没有名为 "${name}" 的工作表。现有工作表：${names}`,
        en: `File "${wb.file}" has no sheet named "${name}". Sheets: ${names.replace(/、/g, ', ')}`,
      });
    }
    return [index];
  }
  return wb.sheets.map((s, i) => ({ s, i })).filter(({ s }) => !s.hidden).map(({ i }) => i);
}

type Attempt = { kind: 'read'; result: ReadRosterResult } | { kind: 'miss'; header: HeaderFound | null };

async function readSheet(wb: OpenedWorkbook, index: number, options: ReadRosterOptions): Promise<Attempt> {
  const sheet = wb.sheets[index]!.name;
  const buffer: RawRow[] = [];
  let header: HeaderFound | null = null;
  let missed: HeaderFound | null = null;
  let layout: RosterLayout | null = null;
  let input = -1;
  let applicants = 0;
  let rowsSeen = 0;
  const skipped = { notes: 0, repeats: [] as number[] };

  const decide = (): boolean => {
    const found = findHeader(buffer, options.matcher);
    if (!found || !found.fields.has('name') || !found.fields.has('idNumber')) {
      missed = found;
      return false;
    }
    header = found;
    layout = { file: wb.file, sheet, headerRow: found.headerRow, fields: found.fields };
    input = options.begin(layout, found);
    for (const r of buffer) if (r.row > found.headerRow) take(r);
    buffer.length = 0;
    return true;
  };

  const take = (r: RawRow): void => {
    const kind = classifyRow(r, layout!.fields);
    if (kind === 'blank') return;
    if (kind === 'note') return void skipped.notes++;
    if (kind === 'header-repeat') return void skipped.repeats.push(r.row);
    const values = new Map<string, CellValue>();
    for (const [id, f] of layout!.fields) {
      const v = r.cells[f.col];
      if (v !== undefined && !(v.kind === 'string' && v.text.trim() === '')) values.set(id, v);
    }
    applicants++;
    options.onApplicant({ input, layout: layout!, row: r.row, values });
  };

  await wb.readRows(index, (r) => {
    rowsSeen++;
    if (options.onRows && rowsSeen % 5000 === 0) options.onRows(rowsSeen);
    if (layout) return void take(r);
    buffer.push(r);
    if (buffer.length >= HEADER_SEARCH_ROWS) return decide() ? undefined : false;
    return undefined;
  });
  if (!layout && buffer.length > 0 && buffer.length < HEADER_SEARCH_ROWS) decide();
  if (!header) return { kind: 'miss', header: missed };
  const h = header as HeaderFound;
  return { kind: 'read', result: { input: inputOf(wb, index, h, layout!, applicants), problems: problemsOf(wb.file, sheet, h, skipped) } };
}

function inputOf(wb: OpenedWorkbook, index: number, h: HeaderFound, layout: RosterLayout, applicants: number): Omit<RosterInput, 'sha256'> {
  return {
    file: wb.file,
    kind: wb.kind,
    sheet: layout.sheet,
    sheetIndex: index,
    headerRow: h.headerRow,
    headerTop: h.headerTop,
    width: h.width,
    applicants,
    layout,
    ignoredHeaders: h.ignored,
  };
}

const MAX_LISTED = 20;

function problemsOf(file: string, sheet: string, h: HeaderFound, skipped: { notes: number; repeats: number[] }): Problem[] {
  const out: Problem[] = [];
  if (h.ignored.length) {
    // A sheet can have thousands of stray columns: name the first few, count the rest.
    const shown = h.ignored.slice(0, MAX_LISTED);
    const more = h.ignored.length - shown.length;
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"中以下列不在本轮审核范围，已忽略：${shown.join('、')}${more ? ` 等共${h.ignored.length}列` : ''}`,
        en: `Sheet "${sheet}": these columns are not used by this round and were ignored: ${shown.join(', ')}${more ? ` and ${more} more` : ''}`,
      },
    });
  }
  if (h.duplicates.length) {
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"中以下列与前面的列重复，只使用第一列：${h.duplicates.join('、')}`,
        en: `Sheet "${sheet}": these columns repeat an earlier one; only the first is used: ${h.duplicates.join(', ')}`,
      },
    });
  }
  if (skipped.repeats.length) {
    out.push({
      file,
      message: {
        zh: `工作表"${sheet}"第${skipped.repeats.join('、')}行重复了表头，已跳过`,
        en: `Sheet "${sheet}": row(s) ${skipped.repeats.join(', ')} repeat the header and were skipped`,
      },
    });
  }
  return out;
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
  const hidden = wb.sheets.filter((s) => s.hidden).map((s) => s.name);
  const hint = hidden.length && !sheet ? `（隐藏的工作表未检查：${hidden.join('、')}；可用 --sheet 指定）` : '';
  const hintEn = hidden.length && !sheet ? ` (hidden sheets were not searched: ${hidden.join(', ')}; use --sheet to pick one)` : '';
  return new UserError('no-roster', {
    zh: `文件 "${wb.file}"${sheet ? ` 的工作表"${sheet}"` : ''} 中没有找到花名册：前${HEADER_SEARCH_ROWS}行内没有包含"姓名"和"身份证号"的表头行${hint}。请使用 roster-screen template 生成的模板，或检查表头。`,
    en: `No roster found in "${wb.file}"${sheet ? ` sheet "${sheet}"` : ''}: none of the first ${HEADER_SEARCH_ROWS} rows is a header with 姓名 (name) and 身份证号 (ID number)${hintEn}. Start from \`roster-screen template\` or check the headers.`,
  });
}
