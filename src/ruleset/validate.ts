import type { RuleSet } from '../rules/schema.js';
import { sortIssues, type RuleIssue } from './issues.js';
import { checkKinds, type KindInfo, type StageProblem } from './kinds-stage.js';
import { ENGINE_LINTS, lintRuleSet } from './lint.js';
import { checkShape, placeOf } from './shape.js';
import { segmentsFor, sha256, type RuleSource } from './read-source.js';

export interface Validation {
  origin: string;
  sha256: string;
  /** Set when the file fits the schema (even if later stages found errors). */
  ruleSet?: RuleSet;
  kinds: KindInfo[];
  errors: RuleIssue[];
  warnings: RuleIssue[];
  /** The errors that make the rule set unusable for screening (syntax, schema, kinds, engine needs). */
  blocking: RuleIssue[];
}

/** Lint errors the engine would trip on at run time; other lint errors are for `rules check` only. */
const BLOCKING_LINT = new Set(['duplicate-id', 'unknown-deadline']);

/**
 * What stops a rule set that is already shaped (built in code, or the build's checked copy) from
 * being screened with: the kinds stage's errors and the lint errors the engine would trip on.
 */
export async function blockingStageProblems(rs: RuleSet): Promise<{ problems: StageProblem[]; kinds: KindInfo[] }> {
  const { problems, kinds } = await checkKinds(rs);
  const lint = lintRuleSet(rs, kinds, ENGINE_LINTS).filter((p) => p.level === 'error' && BLOCKING_LINT.has(p.code));
  return { problems: [...problems.filter((p) => p.level === 'error'), ...lint], kinds };
}

/**
 * All three stages over one rule-set file — shape, check kinds, round lint — collecting errors and
 * warnings apart (like changesets' config parser). `rules check` prints them; `--rules` and the other
 * rule tools refuse a rule set with blocking errors.
 */
export async function validateSource(src: RuleSource): Promise<Validation> {
  const shape = checkShape(src.text, src.segments);
  const base = { origin: src.origin, sha256: src.sha256, kinds: [] as KindInfo[], warnings: [] as RuleIssue[] };
  // A fit shape with bad calendar dates still gets the later stages, so one run shows everything.
  const rs = shape.fits;
  if (!rs) return { ...base, errors: sortIssues(shape.errors), blocking: sortIssues(shape.errors) };
  const { problems: kindProblems, kinds } = await checkKinds(rs);
  const lint = lintRuleSet(rs, kinds);
  const located = [...kindProblems.map((p) => ({ ...p, stage: 'kinds' })), ...lint.map((p) => ({ ...p, stage: 'lint' }))].map((p) => ({
    level: p.level,
    blocking: p.level === 'error' && (p.stage === 'kinds' || BLOCKING_LINT.has(p.code)),
    issue: { code: p.code, path: p.path, message: p.message, ...placeOf(shape.locator, p.path) } satisfies RuleIssue,
  }));
  const errors = [...shape.errors, ...located.filter((p) => p.level === 'error').map((p) => p.issue)];
  const blocking = [...shape.errors, ...located.filter((p) => p.blocking).map((p) => p.issue)];
  return {
    ...base,
    ruleSet: rs,
    kinds,
    errors: sortIssues(errors),
    warnings: sortIssues(located.filter((p) => p.level === 'warning').map((p) => p.issue)),
    blocking: sortIssues(blocking),
  };
}

/** Validation of text already read (origin: the file path, or `bundled:<id>`). */
export async function validateRuleSetText(text: string, origin: string): Promise<Validation> {
  return validateSource({ text, origin, segments: segmentsFor(text, origin), sha256: sha256(text) });
}
