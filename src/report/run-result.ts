import type { ApplicantResult, Localized, RosterLayout, Severity } from '../core/types.js';
import type { UncheckedRule } from '../rules/engine.js';
import type { ExceptionUse } from '../rules/exceptions.js';

/** One roster screened in the run. */
export interface RosterInput {
  /** Path as the user gave it. */
  file: string;
  kind: 'xlsx' | 'csv' | 'legacy';
  sheet: string;
  /** 0-based index of the sheet in the workbook. */
  sheetIndex: number;
  /** Excel row of the (last) header row; data starts below it. */
  headerRow: number;
  /** First header row (differs from headerRow for two-row headers). */
  headerTop: number;
  /** Number of used columns in the header (0-based last column + 1). */
  width: number;
  applicants: number;
  sha256: string;
  layout: RosterLayout;
  ignoredHeaders: string[];
}

export interface Problem {
  file: string;
  message: Localized;
  /** The input could not be read (its applicants are missing): the run exits 2 and 退回清单 names it. */
  unreadable?: boolean;
}

export interface RuleSummary {
  id: string;
  /** The most severe outcome the rule can give. */
  severity: Severity;
  /** Short name from the rule set, when it has one (src/format/rule-names.ts falls back otherwise). */
  title?: Localized;
  description: Localized;
  source: Localized;
  confidence: string;
  /** Applicants with at least one finding of this rule. */
  flagged: number;
  /** Not run for at least one input (missing stage column); a rule run without some of its years' columns is not. */
  unchecked: boolean;
}

export interface DeadlineStatus {
  id: string;
  label: Localized;
  date: string;
  /** Days from the as-of date to the deadline; negative once passed. */
  daysLeft: number;
}

/** Everything a formatter or writer needs; immutable once built. Messages stay bilingual until output. */
export interface RunResult {
  tool: { name: string; version: string };
  ruleSet: { id: string; title: Localized; notice: string; noticeIssued: string; sha256: string; origin: string };
  asOf: string;
  inputs: RosterInput[];
  applicants: ApplicantResult[];
  summary: { total: number; pass: number; review: number; fail: number };
  unchecked: UncheckedRule[];
  problems: Problem[];
  /** Set when the as-of date is after the rule set's last deadline (report/past-round.ts); also among `problems`. */
  pastRound?: Localized;
  exceptions: ExceptionUse[];
  deadlines: DeadlineStatus[];
  rules: RuleSummary[];
}
