import type { z } from 'zod';
import type { Applicant, FieldId, Localized } from '../core/types.js';
import type { TemplateData } from '../core/interpolate.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { Divisions } from '../calendar/divisions.js';
import type { RuleSet } from './schema.js';

/** An entry of the integrity-record list (`--integrity FILE`). */
export interface IntegrityRecord {
  idNumber: string;
  name: string;
  /** ISO dates; at least one is set. */
  decisionDate?: string;
  endDate?: string;
  reason: string;
}

/** What checks may know besides the applicant: the run's dates and reference data. */
export interface CheckEnv {
  /** The day the screening is judged on (`--as-of`, default today), ISO. */
  asOf: string;
  ruleSet: RuleSet;
  calendar: WorkingCalendar;
  divisions: Divisions;
  /** Loaded from `--integrity FILE`; null when no list was given. */
  integrity: IntegrityRecord[] | null;
}

export interface ReportOptions {
  /** The field at fault: the engine fills cell address, column header and value from it. */
  field?: FieldId;
  /** Override the value shown (default: the field's cell text). */
  value?: string;
  /** Placeholders for the outcome's message template. */
  data?: TemplateData;
}

export interface RowContext {
  env: CheckEnv;
  /** True when the roster has a column for this field (blank or not). */
  has(field: FieldId): boolean;
  report(outcome: string, options?: ReportOptions): void;
}

export interface CrossContext {
  env: CheckEnv;
  /** Report against the applicant that was added with this key. */
  report(key: number, outcome: string, options?: ReportOptions): void;
}

export interface FieldNeeds {
  /** Without these columns the rule cannot run (core → warn per applicant; stage → not checked). */
  required: FieldId[];
  /** Read when present. */
  optional: FieldId[];
  /** Alternatives: at least one group must be wholly present (e.g. [[publicStart, publicEnd], [publicPeriod]]). */
  anyOf?: FieldId[][];
}

interface CheckBase<P> {
  kind: string;
  /** One line for `screen rules` and docs. */
  description: string;
  params: z.ZodType<P>;
  /** Outcome keys this kind may report; the rule file must give each a severity and message. */
  outcomes: readonly string[];
  /** For kinds whose outcome keys come from their params (e.g. vocabulary): the keys this rule can emit. */
  outcomesFor?(params: P): readonly string[];
  reads(params: P): FieldNeeds;
  /** Checks params against the rest of the rule set at load (e.g. a deadline id exists); returns a problem or null. */
  validate?(params: P, ruleSet: RuleSet): string | null;
  /** When the run lacks an input the check needs (e.g. no --integrity list): why it is not checked. */
  unavailable?(params: P, env: CheckEnv): Localized | null;
}

/** A check that looks at one applicant at a time. */
export interface RowCheck<P = unknown> extends CheckBase<P> {
  type: 'row';
  check(applicant: Applicant, params: P, ctx: RowContext): void;
}

/** A check across applicants (e.g. duplicates). Applicants stream in; findings come at finish. */
export interface CrossCheck<P = unknown> extends CheckBase<P> {
  type: 'cross';
  start(params: P, ctx: CrossContext): { add(applicant: Applicant, key: number): void; finish(): void };
}

export type CheckKind<P = unknown> = RowCheck<P> | CrossCheck<P>;

/** Typed helper so each check file declares params and outcomes once. */
export function defineCheck<P>(check: CheckKind<P>): CheckKind<P> {
  return check;
}
