// Test harness: screen applicants given as plain {field: value} objects with the bundled rule set,
// without any file I/O. Each object becomes one roster row (Excel row = 2 + index).
import type { Applicant, ApplicantResult, CellValue, FieldColumn, RosterLayout } from '../../src/core/types.js';
import { Screening, type ScreenResult } from '../../src/rules/engine.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import type { IntegrityRecord } from '../../src/rules/check-kind.js';
import type { RuleSet } from '../../src/rules/schema.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { Divisions } from '../../src/calendar/divisions.js';
import { colLetters } from '../../src/ooxml/cell-ref.js';

export type RowInput = Record<string, string | number | boolean | CellValue | null | undefined>;

export interface HarnessOptions {
  /** Columns present in the roster; default: every key used in any row plus name and idNumber. */
  columns?: string[];
  asOf?: string;
  strictColumns?: boolean;
  integrity?: IntegrityRecord[];
  ruleSet?: RuleSet;
  file?: string;
}

/** A valid base applicant who passes every rule; override fields per case. */
export const validApplicant: RowInput = {
  name: '张三',
  idNumber: '330106197102114319',
  sex: '男',
  birthDate: '1971-02',
  unit: '杭州某某科技有限公司',
  unitType: '企业',
  unitRegion: '杭州市西湖区',
  jobType: '工程技术',
  archiveApproved: '是',
  specialty: '信息技术',
  applyLevel: '正高级工程师',
  currentTitle: '高级工程师',
  currentTitleDate: '2015-12-30',
  education: '大学本科',
  degree: '学士',
  gradDate: '1993-07',
  workStart: '1993-08',
  cpd2021: 96,
  cpd2022: 100,
  cpd2023: 92,
  cpdRegistered: '是',
  applyDate: '2024-03-01',
  publicStart: '2024-03-11',
  publicEnd: '2024-03-15',
  recommendDate: '2024-03-18',
  lowerLevelDate: '2024-04-01',
  discipline: '无',
  assessment2021: '合格',
  assessment2022: '优秀',
  assessment2023: '合格',
  insuranceUnit: '杭州某某科技有限公司',
  achievements: '主持省级重点研发项目1项',
};

export function toCell(v: RowInput[string]): CellValue | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { kind: 'string', text: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return v;
}

// Parsed once per test file: rule case tables screen hundreds of single applicants.
let bundled: RuleSet | null = null;

export async function screenRows(rows: RowInput[], options: HarnessOptions = {}): Promise<ScreenResult> {
  const ruleSet = options.ruleSet ?? (bundled ??= loadBundledRuleSet().ruleSet);
  const cols = options.columns ?? [...new Set(['name', 'idNumber', ...rows.flatMap((r) => Object.keys(r))])];
  const labels = new Map(ruleSet.columns.map((c) => [c.id, c.label.zh]));
  const fields = new Map<string, FieldColumn>();
  cols.forEach((id, col) => fields.set(id, { col, letter: colLetters(col), header: labels.get(id) ?? id }));
  const layout: RosterLayout = { file: options.file ?? 'test.xlsx', sheet: 'Sheet1', headerRow: 1, fields };
  const screening = await Screening.create(ruleSet, {
    asOf: options.asOf ?? '2024-03-01',
    strictColumns: options.strictColumns ?? false,
    env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: options.integrity ?? null },
  });
  const input = screening.beginInput(layout);
  rows.forEach((r, i) => {
    const values = new Map<string, CellValue>();
    for (const id of cols) {
      const cell = toCell(r[id]);
      if (cell) values.set(id, cell);
    }
    const app: Applicant = { input, layout, row: i + 2, values };
    screening.add(app);
  });
  return screening.finish();
}

/** Screens one applicant: the valid base with `overrides` (undefined/'' blanks a field). */
export async function screenOne(overrides: RowInput, options: HarnessOptions = {}): Promise<ApplicantResult> {
  const row = { ...validApplicant, ...overrides };
  const columns = options.columns ?? Object.keys(row);
  const result = await screenRows([row], { ...options, columns });
  return result.applicants[0]!;
}

/** The findings of one rule, as [outcome, severity] pairs — what case tables assert on. */
export function outcomesOf(result: ApplicantResult, ruleId: string): [string, string][] {
  return result.findings.filter((f) => f.ruleId === ruleId).map((f) => [f.outcome, f.severity]);
}
