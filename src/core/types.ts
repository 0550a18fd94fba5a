// Shared vocabulary of the pure core. IO adapters produce these; rules and formatters consume them.

export type Lang = 'zh' | 'en';
export type Severity = 'error' | 'warn' | 'info';
export type Status = 'pass' | 'review' | 'fail';
export type Localized = { zh: string; en: string };

/** A cell value as the reader found it. Dates are calendar dates (no time zone): ISO `YYYY-MM-DD`. */
export type CellValue =
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string; serial: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string };

/** One row of a sheet: `cells[c]` is column c (0-based), undefined when empty. */
export interface RawRow {
  /** 1-based Excel row number, as the user sees it. */
  row: number;
  cells: (CellValue | undefined)[];
  /** The row is hidden (folded away or filtered out). */
  hidden?: boolean;
  /** 0-based columns holding a formula without a cached value (never calculated). */
  uncomputed?: number[];
}

/** A merged range, 1-based inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The identifier of a roster column, e.g. `idNumber`, `cpd2021`. Defined by the rule set's `columns`. */
export type FieldId = string;

/** Where a field sits in one roster: shared by every applicant of that roster. */
export interface FieldColumn {
  /** 0-based column index. */
  col: number;
  /** Column letters, e.g. `C`. */
  letter: string;
  /** The header text as written in the roster (joined parent+child for two-row headers). */
  header: string;
}

export interface RosterLayout {
  file: string;
  sheet: string;
  headerRow: number;
  fields: Map<FieldId, FieldColumn>;
}

/** One data row of a roster. `values` holds only non-blank cells of recognised columns. */
export interface Applicant {
  /** Index of the input in the run (0-based). */
  input: number;
  layout: RosterLayout;
  row: number;
  values: Map<FieldId, CellValue>;
  /** The row is hidden in the roster. */
  hidden?: boolean;
  /** Fields whose cell is a formula never calculated (no value to judge). */
  uncomputed?: Set<FieldId>;
  /** Fields whose value came from a merged range: findings point at the range's first cell (A1). */
  cellAt?: Map<FieldId, string>;
  /** Fields read from part of a combined cell (现职称及取得时间 …): that whole cell, shown as a finding's value. */
  combinedCells?: Map<FieldId, CellValue>;
}

export interface Finding {
  ruleId: string;
  /** Outcome key of the check, e.g. `short`, `blank` (stable; for tests and exceptions). */
  outcome: string;
  severity: Severity;
  /** A1 address of the offending cell, or null when no single cell is at fault. */
  cell: string | null;
  /** Header text of that column, or the field's standard label when the column is missing. */
  column: string | null;
  /**
   * The cell as the roster holds it, as text: the whole cell when the rule judged one part of a
   * combined cell (the message names that part); the check's own value when it gives one.
   */
  value: string | null;
  message: Localized;
  source: Localized;
  /** Set when an accepted exception downgraded this finding. */
  exception?: { reviewer: string; date: string; note: string; originalSeverity: Severity };
}

export interface ApplicantResult {
  input: number;
  file: string;
  sheet: string;
  row: number;
  name: string;
  idNumber: string;
  unit: string;
  specialty: string;
  status: Status;
  findings: Finding[];
  /** Display text of the columns the recommendation list needs (field id → text; '' when blank or missing). */
  fields?: Record<string, string>;
}
