import type { CellValue, FieldColumn, Localized, RawRow } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import { openRosterFile } from '../io/open-roster-file.js';
import { findHeader, HEADER_SEARCH_ROWS, type HeaderFound } from '../roster/find-header.js';
import { HeaderMatcher } from '../roster/header-matcher.js';
import type { ColumnDef } from '../rules/schema.js';

// Reads a small side list (--integrity, --exceptions): an xlsx or CSV table whose header is found
// like a roster's (title rows above it allowed), then one record per non-blank row.

export interface ListColumn {
  id: string;
  label: Localized;
  aliases: string[];
}

export interface ListSpec {
  /** What the list is, for messages: 诚信档案名单 / integrity-record list. */
  what: Localized;
  /** The option that named it, e.g. `--integrity`. */
  option: string;
  columns: ListColumn[];
  /** Each group: at least one of its columns must be present. */
  required: string[][];
}

export interface ListCell {
  value: CellValue | undefined;
  /** A1 address, e.g. `C5`; null when the list has no such column. */
  cell: string | null;
  header: string;
}

export interface ListRow {
  sheet: string;
  row: number;
  get(id: string): ListCell;
}

export interface ListTable {
  file: string;
  kind: 'xlsx' | 'csv' | 'legacy';
  sheet: string;
  has(id: string): boolean;
  rows: ListRow[];
}

export async function readList(file: string, spec: ListSpec): Promise<ListTable> {
  const wb = await openRosterFile(file);
  const matcher = new HeaderMatcher(spec.columns.map(asColumnDef));
  let best: { sheet: string; header: HeaderFound | null } | null = null;
  for (const [index, info] of wb.sheets.entries()) {
    if (info.hidden) continue;
    const rows: RawRow[] = [];
    await wb.readRows(index, (r) => {
      rows.push(r);
      return undefined;
    });
    const header = findHeader(rows.slice(0, HEADER_SEARCH_ROWS), matcher);
    if (header && spec.required.every((g) => g.some((id) => header.fields.has(id)))) {
      return table(file, wb.kind, info.name, header, rows, spec);
    }
    if (!best || (header?.fields.size ?? 0) > (best.header?.fields.size ?? 0)) best = { sheet: info.name, header };
  }
  throw missingColumns(file, spec, best?.header ?? null);
}

function table(file: string, kind: ListTable['kind'], sheet: string, header: HeaderFound, rows: RawRow[], spec: ListSpec): ListTable {
  const labelOf = (id: string) => spec.columns.find((c) => c.id === id)?.label.zh ?? id;
  const out: ListRow[] = [];
  for (const r of rows) {
    if (r.row <= header.headerRow) continue;
    const cellOf = (id: string): ListCell => {
      const col: FieldColumn | undefined = header.fields.get(id);
      if (!col) return { value: undefined, cell: null, header: labelOf(id) };
      const v = r.cells[col.col];
      const blank = v === undefined || (v.kind === 'string' && v.text.trim() === '');
      return { value: blank ? undefined : v, cell: `${col.letter}${r.row}`, header: col.header };
    };
    // A row with nothing in the list's own columns (a note, a total line) is not a record.
    if ([...header.fields.keys()].every((id) => cellOf(id).value === undefined)) continue;
    out.push({ sheet, row: r.row, get: cellOf });
  }
  return { file, kind, sheet, has: (id) => header.fields.has(id), rows: out };
}

function asColumnDef(c: ListColumn): ColumnDef {
  return { id: c.id, class: 'stage', label: c.label, aliases: c.aliases };
}

function missingColumns(file: string, spec: ListSpec, found: HeaderFound | null): UserError {
  const missing = spec.required.filter((g) => !g.some((id) => found?.fields.has(id)));
  const names = (lang: 'zh' | 'en') =>
    missing
      .map((g) => g.map((id) => spec.columns.find((c) => c.id === id)?.label[lang] ?? id).join(lang === 'zh' ? '或' : ' or '))
      .join(lang === 'zh' ? '、' : ', ');
  const seen = found?.headers.length ? found.headers : [];
  const wanted = (lang: 'zh' | 'en') => spec.columns.map((c) => c.label[lang]).join(lang === 'zh' ? '、' : ', ');
  return new UserError('list-columns', {
    zh: `${spec.what.zh} "${file}"（${spec.option}）缺少"${names('zh')}"列，无法使用。${
      seen.length ? `找到的表头：${seen.join('、')}。` : `前${HEADER_SEARCH_ROWS}行内没有找到表头。`
    }表头应包含：${wanted('zh')}。请修改表头后重试。`,
    en: `The ${spec.what.en} "${file}" (${spec.option}) has no ${names('en')} column and cannot be used. ${
      seen.length ? `Headers found: ${seen.join(', ')}.` : `No header in the first ${HEADER_SEARCH_ROWS} rows.`
    } Expected headers: ${wanted('en')}. Fix the header row and retry.`,
  });
}

/** A refusal naming the list, sheet, row and column, and saying what to do. */
export function listRowError(table: ListTable, spec: ListSpec, row: ListRow, cell: ListCell, problem: Localized): UserError {
  const at = cell.cell ?? `${row.row}`;
  return new UserError('list-row', {
    zh: `${spec.what.zh} "${table.file}"（${spec.option}）工作表"${row.sheet}"第${row.row}行"${cell.header}"列（${at}）：${problem.zh}`,
    en: `${capital(spec.what.en)} "${table.file}" (${spec.option}), sheet "${row.sheet}", row ${row.row}, column "${cell.header}" (${at}): ${problem.en}`,
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
