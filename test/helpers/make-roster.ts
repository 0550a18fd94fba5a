// Builds roster workbooks in code with exceljs (an independent writer), for end-to-end tests.
import ExcelJS from 'exceljs';
import { validApplicant, type RowInput } from './screen-rows.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';

export interface RosterSpec {
  /** Field ids in column order; default: every field of the valid applicant. */
  columns?: string[];
  rows: RowInput[];
  /** Rows above the header (title, 填报单位 …). */
  titleRows?: string[][];
  sheetName?: string;
  /** Header text per field id (default: the rule set's standard label). */
  headers?: Record<string, string>;
}

export function labelOf(id: string): string {
  const col = loadBundledRuleSet().ruleSet.columns.find((c) => c.id === id);
  return col?.label.zh ?? id;
}

export async function makeRosterBuffer(spec: RosterSpec): Promise<Buffer> {
  const columns = spec.columns ?? Object.keys(validApplicant);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.sheetName ?? '花名册');
  for (const t of spec.titleRows ?? []) ws.addRow(t);
  ws.addRow(columns.map((c) => spec.headers?.[c] ?? labelOf(c)));
  for (const r of spec.rows) {
    ws.addRow(
      columns.map((c) => {
        const v = r[c];
        if (v === undefined || v === null) return null;
        if (typeof v === 'object') return null;
        return v;
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A roster row: the valid applicant with overrides. */
export function applicant(overrides: RowInput = {}): RowInput {
  return { ...validApplicant, ...overrides };
}
