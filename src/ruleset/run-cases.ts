import { Divisions } from '../calendar/divisions.js';
import { WorkingCalendar } from '../calendar/working-days.js';
import type { Applicant, CellValue, FieldColumn, Finding, RosterLayout, Status } from '../core/types.js';
import { colLetters as columnLetter } from '../ooxml/cell-ref.js';
import { Screening } from '../rules/engine.js';
import type { RuleCase, RuleSet } from '../rules/schema.js';

export interface CaseResult {
  index: number;
  name: string;
  ok: boolean;
  expected: { status: Status; rules: string[] };
  actual: { status: Status; rules: string[] };
  /** Expected rules that reported nothing. */
  missing: string[];
  /** Rules that reported a warning or error the case does not list. */
  unexpected: string[];
  findings: Finding[];
}

export interface CaseRunOptions {
  /** Default: the round's reference date, so a case gives the same answer every day. */
  asOf?: string;
}

/**
 * Runs a rule set's own test cases (OpenFisca-style tests as data). Each case is one applicant on a
 * roster that has every declared column; columns the case does not give are blank. A case passes when
 * the status matches, every listed rule reported something (any severity, so `info` rules can be
 * asserted), and every rule that reported a warning or an error is listed.
 */
export async function runCases(rs: RuleSet, options: CaseRunOptions = {}): Promise<CaseResult[]> {
  const asOf = options.asOf ?? rs.round.referenceDate;
  const fields = new Map<string, FieldColumn>();
  rs.columns.forEach((c, col) => fields.set(c.id, { col, letter: columnLetter(col), header: c.label.zh }));
  const layout: RosterLayout = { file: `${rs.id}.cases`, sheet: 'cases', headerRow: 1, fields };
  const results: CaseResult[] = [];
  for (const [index, c] of rs.cases.entries()) {
    // One screening per case: cross-applicant checks must not see the other cases.
    const screening = await Screening.create(rs, {
      asOf,
      strictColumns: false,
      env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
    });
    const input = screening.beginInput(layout);
    const app: Applicant = { input, layout, row: 2, values: cellsOf(c) };
    screening.add(app);
    const applicant = screening.finish().applicants[0]!;
    results.push(judge(index, c, applicant.status, applicant.findings));
  }
  return results;
}

function cellsOf(c: RuleCase): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  for (const [field, v] of Object.entries(c.applicant)) {
    if (typeof v === 'string') {
      if (v.trim() !== '') values.set(field, { kind: 'string', text: v });
    } else if (typeof v === 'number') values.set(field, { kind: 'number', value: v });
    else values.set(field, { kind: 'boolean', value: v });
  }
  return values;
}

function judge(index: number, c: RuleCase, status: Status, findings: Finding[]): CaseResult {
  const reported = new Set(findings.map((f) => f.ruleId));
  const serious = unique(findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId));
  const expectedRules = unique(c.expect.rules);
  const missing = expectedRules.filter((r) => !reported.has(r));
  const unexpected = serious.filter((r) => !expectedRules.includes(r));
  return {
    index,
    name: c.name,
    ok: status === c.expect.status && missing.length === 0 && unexpected.length === 0,
    expected: { status: c.expect.status, rules: expectedRules },
    actual: { status, rules: serious },
    missing,
    unexpected,
    findings,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
