// Runs one check kind with params of the test's own (not through a rule set's rules), like ESLint's
// RuleTester: each row becomes an applicant, and the test reads back what the kind reported.
import type { Applicant, CellValue, FieldColumn, RosterLayout } from '../../src/core/types.js';
import type { CheckEnv, CheckKind, ReportOptions } from '../../src/rules/check-kind.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import type { RuleSet } from '../../src/rules/schema.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { Divisions } from '../../src/calendar/divisions.js';
import { toCell, type RowInput } from './screen-rows.js';

export interface Reported {
  outcome: string;
  field?: string;
  data?: Record<string, unknown>;
  value?: string;
  /** Cross checks: the row (0-based) reported against. */
  row?: number;
}

export interface KindRunOptions {
  /** Columns the roster has; default: the keys of the rows. */
  columns?: string[];
  asOf?: string;
  /** The rule set a kind's `create` and env see (round dates, the specialty rule); default: the bundled one. */
  ruleSet?: RuleSet;
  env?: Partial<CheckEnv>;
  /** The row's state in the sheet (hidden, formulas never calculated), for row kinds. */
  rowState?: Pick<Applicant, 'hidden' | 'uncomputed'>;
}

let bundled: RuleSet | null = null;
/** The bundled rule set, with parts replaced (e.g. `round`). */
export function testRuleSet(patch: Partial<RuleSet> = {}): RuleSet {
  bundled ??= loadBundledRuleSet().ruleSet;
  return { ...bundled, ...patch };
}

function setUp(kind: CheckKind, params: unknown, rows: RowInput[], o: KindRunOptions) {
  const ruleSet = o.ruleSet ?? testRuleSet();
  const parsed = kind.params.parse(params);
  const problem = kind.validate?.(parsed, ruleSet) ?? null;
  if (problem) throw new Error(problem);
  const columns = o.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const fields = new Map<string, FieldColumn>(columns.map((id, col) => [id, { col, letter: String(col), header: id }]));
  const layout: RosterLayout = { file: 'test.xlsx', sheet: 'Sheet1', headerRow: 1, fields };
  const env: CheckEnv = {
    asOf: o.asOf ?? '2024-03-25',
    ruleSet,
    calendar: WorkingCalendar.official(),
    divisions: Divisions.zhejiang(),
    integrity: null,
    ...o.env,
  };
  const applicants = rows.map((r, i): Applicant => {
    const values = new Map<string, CellValue>();
    for (const id of columns) {
      const cell = toCell(r[id]);
      if (cell) values.set(id, cell);
    }
    return { input: 0, layout, row: i + 2, values };
  });
  return { parsed, ruleSet, env, layout, applicants };
}

const reported = (outcome: string, opts: ReportOptions | undefined, row?: number): Reported => ({
  outcome,
  ...(opts?.field !== undefined ? { field: opts.field } : {}),
  ...(opts?.data !== undefined ? { data: opts.data } : {}),
  ...(opts?.value !== undefined ? { value: opts.value } : {}),
  ...(row !== undefined ? { row } : {}),
});

/** A row kind on one row: everything it reported, in order. */
export function runRow(kind: CheckKind, params: unknown, row: RowInput, o: KindRunOptions = {}): Reported[] {
  if (kind.type !== 'row') throw new Error(`${kind.kind} is not a row kind`);
  const { parsed, ruleSet, env, layout, applicants } = setUp(kind, params, [row], o);
  const run = kind.create(parsed, ruleSet);
  const out: Reported[] = [];
  Object.assign(applicants[0]!, o.rowState);
  run(applicants[0]!, { env, has: (f) => layout.fields.has(f), report: (outcome, opts) => out.push(reported(outcome, opts)) });
  return out;
}

/** What case tables assert on: [outcome, field] per report. */
export function outcomes(kind: CheckKind, params: unknown, row: RowInput, o: KindRunOptions = {}): [string, string | undefined][] {
  return runRow(kind, params, row, o).map((r) => [r.outcome, r.field]);
}

/** A cross kind over rows (keys = row indexes): everything reported at finish. */
export function runCross(kind: CheckKind, params: unknown, rows: RowInput[], o: KindRunOptions = {}): Reported[] {
  if (kind.type !== 'cross') throw new Error(`${kind.kind} is not a cross kind`);
  const { parsed, ruleSet, env, applicants } = setUp(kind, params, rows, o);
  const out: Reported[] = [];
  const run = kind.create(parsed, ruleSet)({ env, report: (key, outcome, opts) => out.push(reported(outcome, opts, key)) });
  applicants.forEach((a, i) => run.add(a, i));
  run.finish();
  return out;
}
