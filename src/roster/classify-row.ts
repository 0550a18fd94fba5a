import type { FieldColumn, FieldId, RawRow } from '../core/types.js';
import { cellText, normalizeHeader } from '../normalize/text.js';

export type RowKind = 'applicant' | 'blank' | 'note' | 'header-repeat' | 'template' | 'numbered';

/** An ID number or something meant as one: 15–18 digits (the last may be X, some masked with *). */
const ID_LIKE = /^[0-9][0-9*]{13,16}[0-9Xx*]$/;
/** A person's name as rosters write it: 2–8 CJK characters (· for minority names), or Latin letters. */
const NAME_LIKE = /^([\u3400-\u9fff][\u3400-\u9fff·•.]{0,6}[\u3400-\u9fff]|[A-Za-z][A-Za-z .'-]{1,40})$/;

// Rows below the data that are not applicants: totals, signature and contact lines, dates of
// filling, notes and 盖章 lines. Matched on the row's first text, spaces removed (合 计, with an ideographic space).
const NOTE_START =
  /^(填表说明|填报说明|说明|注[:：意释]|注\d|备注|附注|合计|总计|小计|共计|累计|本页|以下空白|制表|填表|填报|审核|审批|复核|负责人|联系人|联系电话|联系方式|电话|手机|单位负责人|经办人|签字|签名|签章|单位盖章|单位（盖章）|单位\(盖章\)|盖章|（盖章）|\(盖章\)|日期|年月日|\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$|\d{4}[-./]\d{1,2}[-./]\d{1,2}$)/;

/**
 * Decides whether a data-area row is an applicant. A row counts as an applicant as soon as any
 * recognised column other than 序号 has a value — so a half-filled row is screened (and fails),
 * never silently skipped — unless it reads as the table's end (a total, signature, date, note or
 * seal line) and holds neither an ID nor a name with applicant data. Those the caller lists.
 */
export function classifyRow(row: RawRow, fields: Map<FieldId, FieldColumn>): RowKind {
  let any = false;
  let formulas = false;
  for (const [id, f] of fields) {
    if (id === 'seq') continue;
    if (row.cells[f.col] !== undefined && cellText(row.cells[f.col]) !== '') {
      any = true;
      break;
    }
    // A formula never calculated holds a value too, just not one the file carries: in 姓名 or
    // 身份证号 it may be the applicant's; elsewhere, alone, it is a template's (学时登记 =IF(…)).
    if (row.uncomputed?.includes(f.col)) {
      if (id === 'name' || id === 'idNumber') {
        any = true;
        break;
      }
      formulas = true;
    }
  }
  // Nothing in the applicant columns: blank, unless the row holds words (a group heading such as
  // 一、机电制造专业 typed in the 序号 column, a remark): those are named, never dropped silently.
  // A bare number is a pre-numbered 序号 of an unused row; with formulas never calculated beside
  // it, a template's row. The caller counts both in the notes: only a row with nothing is blank.
  if (!any) return footerText(row) || hasWords(row) ? 'note' : formulas ? 'template' : hasText(row) ? 'numbered' : 'blank';
  const nameCol = fields.get('name');
  const idCol = fields.get('idNumber');
  const name = nameCol ? cellText(row.cells[nameCol.col]) : '';
  const id = idCol ? cellText(row.cells[idCol.col]) : '';
  if (nameCol && idCol) {
    const headers = headerKeysOf(fields, nameCol, idCol);
    if (isHeaderText(name, headers.name) && isHeaderText(id, headers.id)) return 'header-repeat';
  }
  // Something ID-like, or a name with applicant data beside it, is an applicant whatever else the
  // row says; otherwise a row opening like a total, signature, date or note is the table's end.
  if (ID_LIKE.test(id.replace(/\s/g, ''))) return 'applicant';
  const bareName = name.replace(/[\s\u3000]/g, ''); // 张 三, 张\u3000三
  if (NAME_LIKE.test(bareName) && !NOTE_START.test(bareName) && hasOtherData(row, fields)) return 'applicant';
  // Words alone in the 姓名 column that are no name (一、机电制造专业（2人）): a group heading.
  if (id === '' && bareName !== '' && !NAME_LIKE.test(bareName) && !hasOtherData(row, fields)) return 'note';
  return footerText(row) ? 'note' : 'applicant';
}

/**
 * Could the row be a header, written again or another table's? An applicant's row holds an ID
 * number in the 身份证号 column; only the other rows are searched for a header (cheap per row).
 */
export function mayBeHeaderRow(row: RawRow, fields: Map<FieldId, FieldColumn>): boolean {
  const idCol = fields.get('idNumber');
  const id = idCol ? cellText(row.cells[idCol.col]) : '';
  return !ID_LIKE.test(id.replace(/\s/g, ''));
}

/** The row's first text. */
export function firstText(row: RawRow): string {
  for (const c of row.cells) {
    const t = cellText(c);
    if (t !== '') return t;
  }
  return '';
}

function hasText(row: RawRow): boolean {
  for (const c of row.cells) if (cellText(c).trim() !== '') return true;
  return false;
}

/** Any cell holding more than a number (`3`, `3.`, ` 12 `). */
function hasWords(row: RawRow): boolean {
  for (const c of row.cells) {
    const t = cellText(c).trim();
    if (t !== '' && !/^\d+\.?$/.test(t)) return true;
  }
  return false;
}

/** A subtotal named after its group (杭州某某科技有限公司小计), or a seal or signature line ((单位盖章)). */
const FOOTER_END = /(合计|小计|总计|共计|盖章|签章|签字|签名)[:：)）]?$/;

function footerText(row: RawRow): boolean {
  const first = firstText(row).replace(/[\s\u3000]/g, '');
  return NOTE_START.test(first) || FOOTER_END.test(first);
}

/** A value in a recognised column other than 序号, 姓名 and 身份证号. */
function hasOtherData(row: RawRow, fields: Map<FieldId, FieldColumn>): boolean {
  for (const [id, f] of fields) {
    if (id === 'seq' || id === 'name' || id === 'idNumber') continue;
    if (cellText(row.cells[f.col]) !== '') return true;
  }
  return false;
}

/** normalizeHeader(text) === key, answered without normalising most data cells (it runs on every row). */
function isHeaderText(text: string, key: string): boolean {
  // normalizeHeader keeps CJK characters as they are, so a text without the key's first one
  // (an applicant's name lacks 姓 of 姓名) cannot normalise to the key.
  if (key.charCodeAt(0) >= 0x3400 && !text.includes(key[0]!)) return false;
  return normalizeHeader(text) === key;
}

// The layout's header texts, normalised once per layout rather than once per row.
const headerKeys = new WeakMap<Map<FieldId, FieldColumn>, { name: string; id: string }>();

function headerKeysOf(fields: Map<FieldId, FieldColumn>, nameCol: FieldColumn, idCol: FieldColumn): { name: string; id: string } {
  let keys = headerKeys.get(fields);
  if (!keys) {
    keys = { name: normalizeHeader(nameCol.header), id: normalizeHeader(idCol.header) };
    headerKeys.set(fields, keys);
  }
  return keys;
}
