import ExcelJS from 'exceljs';
import type { Lang } from '../core/types.js';
import type { RuleSet } from '../rules/schema.js';
import { FOOTER } from '../format/page-footer.js';
import { rowHeightFor } from '../format/text-height.js';
import { listPrintSetup } from './print-setup.js';
import { buildInstructions } from './instructions.js';
import { templateColumns, type TemplateColumn } from './template-columns.js';
import { templateDropdowns, type Dropdown } from './vocabularies.js';

// The blank roster template of a round: one header row with the standard column names, formats and
// dropdowns on a bounded range of rows (never whole columns: Excel and exceljs slow down badly on
// those), and an instructions sheet. Generated from scratch with exceljs.

export const ROSTER_SHEET = '花名册';
export const INSTRUCTIONS_SHEET = '填写说明';
export const LISTS_SHEET = '下拉选项';
/** Rows prepared for applicants (row 2 … DATA_ROWS + 1). */
export const DATA_ROWS = 2000;

export interface TemplateOptions {
  lang: Lang;
  /** Workbook created/modified time (fixed for reproducible files). */
  created?: Date;
}

export interface TemplateWorkbook {
  workbook: ExcelJS.Workbook;
  /** The roster sheet: header in row 1, applicants from row 2. */
  roster: ExcelJS.Worksheet;
  columns: TemplateColumn[];
  dropdowns: Dropdown[];
  lastRow: number;
}

export interface BuiltTemplate extends Omit<TemplateWorkbook, 'workbook' | 'roster'> {
  buffer: Buffer;
}

const FILL_CORE = 'FFFCE4D6';
const FILL_STAGE = 'FFDDEBF7';
const FMT_TEXT = '@';
// OOXML paper size 8: A3 (exceljs's PaperSize enum lacks it).
const PAPER_A3 = 8 as ExcelJS.PaperSize;
const FMT_DATE = 'yyyy-mm-dd';
// An inline list formula ("a,b,c") may hold at most 255 characters.
const INLINE_LIST_MAX = 255;

type Validation = Omit<ExcelJS.DataValidation, 'type'> & { type: ExcelJS.DataValidation['type'] | 'any' };
interface Validations {
  add(address: string, validation: Validation): void;
}

export function defaultTemplateName(ruleSet: RuleSet): string {
  return `${ruleSet.round.year}年度${ruleSet.round.level}申报人员花名册.xlsx`;
}

/** The template as bytes, ready to write. */
export async function buildTemplate(ruleSet: RuleSet, options: TemplateOptions): Promise<BuiltTemplate> {
  const { workbook, columns, dropdowns, lastRow } = createTemplateWorkbook(ruleSet, options);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, columns, dropdowns, lastRow };
}

/** The template workbook before it is written (the sample script fills rows into it). */
export function createTemplateWorkbook(ruleSet: RuleSet, options: TemplateOptions): TemplateWorkbook {
  const columns = templateColumns(ruleSet);
  const dropdowns = templateDropdowns(ruleSet);
  const lastRow = DATA_ROWS + 1;

  const wb = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  wb.creator = 'roster-screen';
  wb.lastModifiedBy = 'roster-screen';
  wb.created = created;
  wb.modified = created;
  wb.title = `${ruleSet.title.zh}申报人员花名册`;

  const ws = wb.addWorksheet(ROSTER_SHEET, {
    views: [{ state: 'frozen', xSplit: frozenColumns(columns), ySplit: 1 }],
    // A3 landscape, every column on one page width (as many pages down as the rows need), the
    // header repeated on every printed page; offices print the filled roster as it is. The roster
    // has some 38 columns: fitted to A4 its text shrank to a third (about 3 pt); on A3, with the
    // columns narrowed to their content and wrapping, it prints at about 70 % (8 pt).
    pageSetup: {
      orientation: 'landscape',
      paperSize: PAPER_A3,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: FOOTER.zh },
  });
  const instructions = wb.addWorksheet(INSTRUCTIONS_SHEET);
  let lists: ExcelJS.Worksheet | null = null;

  // Column formats are column styles (<col style>): Excel applies them to every cell typed into the
  // column without the template having to carry thousands of empty styled cells.
  // Long free text (units, achievements) wraps in its narrowed column instead of running over.
  ws.columns = columns.map((c) => ({
    key: c.def.id,
    width: c.width,
    style: {
      ...(c.format === 'text' ? { numFmt: FMT_TEXT } : c.format === 'date' ? { numFmt: FMT_DATE } : {}),
      ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    },
  }));
  const header = ws.getRow(1);
  // The labels wrap in the narrow columns: the row is as high as the longest one needs.
  header.height = rowHeightFor(
    columns.map((c) => ({ text: c.def.label.zh, width: c.width })),
    11,
    36,
  );
  for (const c of columns) {
    const cell = header.getCell(c.index);
    cell.value = c.def.label.zh;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.def.class === 'stage' ? FILL_STAGE : FILL_CORE } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  }

  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const range = (c: TemplateColumn) => `${c.letter}2:${c.letter}${lastRow}`;
  const byId = new Map(columns.map((c) => [c.def.id, c]));
  for (const [n, d] of dropdowns.entries()) {
    let formula = `"${d.values.join(',')}"`;
    if (formula.length > INLINE_LIST_MAX || d.values.some((v) => v.includes(',') || v.includes('"'))) {
      lists ??= wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
      const col = n + 1;
      d.values.forEach((v, i) => (lists!.getCell(i + 1, col).value = v));
      const letter = ws.getColumn(col).letter;
      formula = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${d.values.length}`;
    }
    for (const field of d.fields) {
      const c = byId.get(field);
      if (!c) continue;
      validations.add(range(c), {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showInputMessage: true,
        promptTitle: clip(c.def.label.zh, 32),
        prompt: clip(`请从下拉列表选择：${d.values.join('、')}`, 255),
        showErrorMessage: true,
        errorStyle: d.strict ? 'stop' : 'warning',
        errorTitle: clip(c.def.label.zh, 32),
        error: clip(
          d.strict ? `请填写：${d.values.join('、')}` : `"${c.def.label.zh}"一般应为：${d.values.join('、')}。确实不同请点"是"保留，预审时会提示核实。`,
          255,
        ),
      });
    }
  }
  const id = byId.get('idNumber');
  if (id) {
    validations.add(range(id), {
      type: 'textLength',
      operator: 'equal',
      allowBlank: true,
      formulae: [18],
      showInputMessage: true,
      promptTitle: '身份证号',
      prompt: '18位公民身份号码，末位可为X。本列为文本格式，请勿改为数字格式。',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '身份证号',
      error: '身份证号应为18位。',
    });
  }

  writeInstructions(instructions, ruleSet, columns, dropdowns, lastRow, options.lang);
  return { workbook: wb, roster: ws, columns, dropdowns, lastRow };
}

/** Freeze up to the name column (序号, 姓名) so names stay visible when scrolling right. */
function frozenColumns(columns: TemplateColumn[]): number {
  const name = columns.find((c) => c.def.id === 'name');
  return name && name.index <= 3 ? name.index : 0;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

const INSTRUCTION_WIDTHS = [22, 50, 40, 22, 10, 28];
/** The instructions' font (exceljs's default, Calibri 11) and the title's. */
const TEXT_PT = 11;
const TITLE_PT = 14;

function writeInstructions(
  ws: ExcelJS.Worksheet,
  ruleSet: RuleSet,
  columns: TemplateColumn[],
  dropdowns: Dropdown[],
  lastRow: number,
  lang: Lang,
): void {
  const blocks = buildInstructions({ ruleSet, columns, dropdowns, lastRow, lang });
  ws.columns = INSTRUCTION_WIDTHS.map((width) => ({ width }));
  const fullWidth = INSTRUCTION_WIDTHS.reduce((a, b) => a + b, 0);
  const border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;
  let r = 1;
  let inTable = false;
  // The column table (三、各列说明, the last heading) starts on a page of its own, its header row
  // repeated on every page it continues onto (a sheet has one print-titles range: this one).
  const lastHeading = blocks.map((b) => b.kind).lastIndexOf('heading');
  let tableHeader = 0;
  for (const [i, b] of blocks.entries()) {
    if (b.kind !== 'table') {
      if (b.kind === 'heading' && r > 1) r++;
      if (i === lastHeading && r > 1) ws.getRow(r - 1).addPageBreak();
      const row = ws.getRow(r);
      const text = b.cells[0] ?? '';
      const cell = row.getCell(1);
      cell.value = text;
      ws.mergeCells(r, 1, r, INSTRUCTION_WIDTHS.length);
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (b.kind === 'title') cell.font = { bold: true, size: 14 };
      if (b.kind === 'heading') cell.font = { bold: true };
      // Heights from the measured text, with its padding (15 pt a line let a second line print over the next row).
      row.height = b.kind === 'title' ? rowHeightFor([{ text, width: fullWidth }], TITLE_PT, 20) : rowHeightFor([{ text, width: fullWidth }], TEXT_PT, 15);
      inTable = false;
      r++;
      continue;
    }
    const row = ws.getRow(r);
    const first = !inTable;
    inTable = true;
    if (first && b.cells.length === INSTRUCTION_WIDTHS.length) tableHeader = r;
    b.cells.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      cell.value = text;
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = border;
      if (first && b.cells.length === INSTRUCTION_WIDTHS.length) {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
    });
    row.height = rowHeightFor(b.cells.map((text, i) => ({ text, width: INSTRUCTION_WIDTHS[i] ?? 10 })), TEXT_PT, 15);
    r++;
  }
  const setup = listPrintSetup(INSTRUCTION_WIDTHS, lang, tableHeader ? `${tableHeader}:${tableHeader}` : undefined);
  ws.pageSetup = setup.pageSetup;
  ws.headerFooter = setup.headerFooter;
}
