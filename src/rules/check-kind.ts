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

/**
 * An outcome whose name the rule's params give (vocabulary's outcomes, keyword-flag's `blank`): the
 * compiler cannot know it, so the kind says so with `named(...)`; the loader checks the rule file
 * declares it (`outcomesFor`). Every other outcome is one of the kind's literal `outcomes`.
 */
export type NamedOutcome = string & { readonly namedInParams: true };
export const named = (outcome: string): NamedOutcome => outcome as NamedOutcome;

export interface RowContext<O extends string = string> {
  env: CheckEnv;
  /** True when the roster has a column for this field (blank or not). */
  has(field: FieldId): boolean;
  /** `O` is the kind's outcome names: `report('shrot')` does not compile. */
  report(outcome: O, options?: ReportOptions): void;
}

export interface CrossContext<O extends string = string> {
  env: CheckEnv;
  /** Report against the applicant that was added with this key. */
  report(key: number, outcome: O, options?: ReportOptions): void;
}

/** The value types kinds read fields as; each has its accessor in ./field-access.ts. */
export const VALUE_TYPES = ['text', 'date', 'hours', 'yes-no', 'id'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** For `reads()`: several fields read as one type. */
export function readAs(type: ValueType, fields: readonly FieldId[]): Record<FieldId, ValueType> {
  return Object.fromEntries(fields.map((f) => [f, type]));
}

export interface FieldNeeds {
  /** Without these columns the rule cannot run (core → warn per applicant; stage → not checked). */
  required: FieldId[];
  /** Read when present. */
  optional: FieldId[];
  /** Alternatives: at least one group must be wholly present (e.g. [[publicStart, publicEnd], [publicPeriod]]). */
  anyOf?: FieldId[][];
  /**
   * Fields judged each on its own (one column per year): the rule runs on those the roster has, and
   * each missing one is reported like a missing column of its class (core → warn per applicant;
   * stage → 未核验项), listed under 未核验项 as the part of the rule not checked. Without any of
   * them the rule does not run. The kind skips a missing one (`ctx.has`).
   */
  each?: FieldId[];
  /**
   * How each field above is read: its value type, whose accessor in ./field-access.ts the kind
   * calls (`dateOf` for 'date'…). The meta-test checks every field read has one.
   */
  types: Record<FieldId, ValueType>;
}

/** A rule's row check, made once by its kind's `create`: looks at one applicant. */
export type RowRun<O extends string = string> = (applicant: Applicant, ctx: RowContext<O>) => void;

/** A cross check's state for one screening: applicants stream in, findings come at finish. */
export interface CrossRun {
  add(applicant: Applicant, key: number): void;
  finish(): void;
}
export type CrossStart<O extends string = string> = (ctx: CrossContext<O>) => CrossRun;

interface CheckBase<P, O extends string> {
  kind: string;
  /** One line for `roster-screen rules` and docs. */
  description: string;
  /** The params' shape; each param carries its zh/en meaning (`doc()` in ./param-doc.ts). */
  params: z.ZodType<P>;
  /** Outcome keys this kind may report; the rule file must give each a severity and message. */
  outcomes: readonly O[];
  /** For kinds whose outcome keys come from their params (e.g. vocabulary): the keys this rule can emit. */
  outcomesFor?(params: P): readonly string[];
  reads(params: P): FieldNeeds;
  /** Checks params against the rest of the rule set at load (e.g. a deadline id exists); returns a problem or null. */
  validate?(params: P, ruleSet: RuleSet): string | null;
  /** When the run lacks an input the check needs (e.g. no --integrity list): why it is not checked. */
  unavailable?(params: P, env: CheckEnv): Localized | null;
  /**
   * True for the kind that reports formulas never calculated. Every other kind's finding on such a
   * cell is dropped: the cell has a value the file does not hold, so "blank" would be wrong.
   */
  judgesUncomputed?: boolean;
  /** Judges the row's state in the sheet (hidden, formulas never calculated), which a case's values cannot show. */
  readsSheetState?: boolean;
}

/**
 * A kind that looks at one applicant at a time. `create` runs once per rule (after `validate`): it
 * compiles what the params say (vocabularies, keyword sets, dates) and returns the row check.
 */
export interface RowCheck<P = unknown, O extends string = string> extends CheckBase<P, O> {
  type: 'row';
  create(params: P, ruleSet: RuleSet): RowRun<O>;
}

/** A kind across applicants (e.g. duplicates): `create` returns how a screening starts it. */
export interface CrossCheck<P = unknown, O extends string = string> extends CheckBase<P, O> {
  type: 'cross';
  create(params: P, ruleSet: RuleSet): CrossStart<O>;
}

export type CheckKind<P = unknown, O extends string = string> = RowCheck<P, O> | CrossCheck<P, O>;

/** What a prepared rule runs: its kind's `create` applied to its params. */
export type CreatedCheck = { type: 'row'; run: RowRun } | { type: 'cross'; start: CrossStart };

/** Typed helper so each check file declares params and outcomes once (outcome names as literals). */
export function defineCheck<P, const O extends string>(check: RowCheck<P, O>): RowCheck<P, O>;
export function defineCheck<P, const O extends string>(check: CrossCheck<P, O>): CrossCheck<P, O>;
export function defineCheck<P, O extends string>(check: CheckKind<P, O>): CheckKind<P, O> {
  return check;
}

/** Runs a kind's `create` for one rule. */
export function createCheck(kind: CheckKind, params: unknown, ruleSet: RuleSet): CreatedCheck {
  return kind.type === 'row' ? { type: 'row', run: kind.create(params, ruleSet) } : { type: 'cross', start: kind.create(params, ruleSet) };
}
