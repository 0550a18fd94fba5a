// Builds workbooks shaped like a regional office's (several specialty sheets, a title row above
// the header, merges, footers, hidden rows and sheets, formulas) with exceljs, for tests.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { colLetters } from '../../src/ooxml/cell-ref.js';
import { labelOf } from './make-roster.js';
import { validApplicant, type RowInput } from './screen-rows.js';

const COLUMNS = Object.keys(validApplicant);
/** The roster's field ids in column order (A, B, …). */
export const COLUMN_IDS: readonly string[] = COLUMNS;
export const col = (id: string) => COLUMNS.indexOf(id) + 1; // exceljs: 1-based
export const letter = (id: string) => colLetters(col(id) - 1);

/** A valid ID for a man born 1971-02-11 (as the base applicant), with its own sequence number. */
export function idWith(seq: number): string {
  const body = `33010619710211${String(seq * 2 + 1).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

export type Cell = string | number | { formula: string } | null;

export interface OfficeSheet {
  name: string;
  rows: RowInput[];
  /** Cells to write over the rows (1-based Excel row, field id). */
  set?: [number, string, Cell][];
  merges?: string[];
  hiddenRows?: number[];
  footer?: Cell[][];
  state?: 'visible' | 'hidden';
}

function addSheet(wb: ExcelJS.Workbook, spec: OfficeSheet): void {
  const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
  ws.addRow([`${spec.name}专业申报人员汇总表`]);
  ws.addRow(COLUMNS.map(labelOf));
  for (const r of spec.rows) ws.addRow(COLUMNS.map((c) => (r[c] === undefined || typeof r[c] === 'object' ? null : (r[c] as string | number))));
  for (const f of spec.footer ?? []) ws.addRow(f);
  for (const [row, field, value] of spec.set ?? []) ws.getCell(row, col(field)).value = value;
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
}

/** Writes the workbook: an instructions sheet first, then the roster sheets (title row 1, header row 2). */
export async function writeWorkbook(file: string, sheets: OfficeSheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填表说明').addRow(['请按专业分别填写各工作表；身份证号请设置为文本格式。']);
  for (const s of sheets) addSheet(wb, s);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The valid base applicant with a name, an ID of its own and overrides. */
export const who = (name: string, seq: number, more: RowInput = {}): RowInput => ({ ...validApplicant, name, idNumber: idWith(seq), ...more });


/**
 * A regional office's summary: an instructions sheet, three specialty sheets (信息技术 rows 3–5,
 * 机电制造 rows 3–5, 材料 rows 3–4) with 工作单位 merged down an employer's applicants, a footer of
 * totals, signature, phone, date, note and seal lines, and a hidden sheet holding an old roster.
 * Eight applicants, all qualified.
 */
export async function writeRegionalWorkbook(file: string): Promise<void> {
  const footer: Cell[][] = [
    ['合计', '3人', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 288, 300, 276],
    [],
    ['填表人：李四', null, null, '审核人：王五'],
    ['联系电话：0571-87654321'],
    ['填报日期：2024年3月20日'],
    ['注：1.本表按专业分别填报；2.身份证号须为18位。'],
    [null, null, null, '单位（盖章）'],
  ];
  const unit = letter('unit');
  await writeWorkbook(file, [
    {
      name: '信息技术',
      rows: [who('甲一', 1), who('甲二', 2, { unit: null }), who('甲三', 3, { unit: '宁波某某电子有限公司', insuranceUnit: '宁波某某电子有限公司' })],
      // 杭州某某科技 employs the first two: its name is written once, merged down.
      merges: [`${unit}3:${unit}4`],
      footer,
    },
    {
      name: '机电制造',
      rows: [who('乙一', 4, { specialty: '机电制造' }), who('乙二', 5, { specialty: '机电制造', unit: null }), who('乙三', 6, { specialty: '机电制造', unit: null })],
      merges: [`${unit}3:${unit}5`],
      footer: footer.slice(2),
    },
    {
      name: '材料',
      rows: [who('丙一', 7, { specialty: '材料' }), who('丙二', 8, { specialty: '材料' })],
      footer: [['小计', '2人']],
    },
    { name: '往年名单', state: 'hidden', rows: [who('丁一', 9)] },
  ]);
}
