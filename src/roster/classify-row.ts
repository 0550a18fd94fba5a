import type { FieldColumn, FieldId, RawRow } from '../core/types.js';
import { cellText, normalizeHeader } from '../normalize/text.js';

export type RowKind = 'applicant' | 'blank' | 'note' | 'header-repeat';

// Rows below the data that are not applicants: notes, totals, signatures.
const NOTE_START = /^(填表说明|填报说明|说明|注[:：意]|备注|附注|合计|总计|小计|共计|制表|填表人|填报人|审核人|负责人|联系人|单位盖章|盖章|（盖章）|\(盖章\)|单位负责人|经办人)/;

/**
 * Decides whether a data-area row is an applicant. A row counts as an applicant as soon as any
 * recognised column other than 序号 has a value — so a half-filled row is screened (and fails),
 * never silently skipped.
 */
export function classifyRow(row: RawRow, fields: Map<FieldId, FieldColumn>): RowKind {
  let any = false;
  for (const [id, f] of fields) {
    if (id === 'seq') continue;
    if (row.cells[f.col] !== undefined && cellText(row.cells[f.col]) !== '') {
      any = true;
      break;
    }
  }
  if (!any) return 'blank';
  const nameCol = fields.get('name');
  const idCol = fields.get('idNumber');
  const name = nameCol ? cellText(row.cells[nameCol.col]) : '';
  const id = idCol ? cellText(row.cells[idCol.col]) : '';
  if (nameCol && idCol) {
    const headers = headerKeysOf(fields, nameCol, idCol);
    if (isHeaderText(name, headers.name) && isHeaderText(id, headers.id)) return 'header-repeat';
  }
  if (!id) {
    const first = row.cells.map((c) => cellText(c)).find((t) => t !== '') ?? '';
    if (NOTE_START.test(first.trim())) return 'note';
  }
  return 'applicant';
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
