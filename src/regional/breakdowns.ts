import type { ApplicantResult, Lang } from '../core/types.js';
import type { RunResult } from '../report/run-result.js';
import type { RuleSet } from '../rules/schema.js';
import { groupByEmployer } from './employer-groups.js';
import { UNKNOWN } from './labels.js';
import { regionResolver } from './region-of.js';
import { specialtyGroups } from './specialty-groups.js';
import { tallyBy, tallyRules, type RuleTally, type Tally } from './tallies.js';

export interface Breakdowns {
  bySpecialty: Tally[];
  byEmployer: Tally[];
  byRegion: Tally[];
  byRule: RuleTally[];
}

export interface BreakdownOptions {
  lang: Lang;
  /** For canonical specialty names (信息技术工程 → 信息技术); null counts the text as written. */
  ruleSet?: RuleSet | null;
  regionOf?: (a: ApplicantResult) => string | null;
}

/** Verdict counts by specialty, employer and region, and applicants flagged per rule. */
export function breakdowns(run: RunResult, opts: BreakdownOptions): Breakdowns {
  const unknown = UNKNOWN[opts.lang];
  const groups = specialtyGroups(opts.ruleSet ?? null, opts.lang);
  const regionOf = opts.regionOf ?? regionResolver();
  const employerOf = new Map<ApplicantResult, string>();
  for (const g of groupByEmployer(run.applicants, opts.lang)) for (const a of g.applicants) employerOf.set(a, g.unit);
  return {
    bySpecialty: tallyBy(run.applicants, (a) => groups.of(a.specialty).canonical || unknown.specialty),
    byEmployer: tallyBy(run.applicants, (a) => employerOf.get(a) ?? unknown.unit),
    byRegion: tallyBy(run.applicants, (a) => regionOf(a) ?? unknown.region),
    byRule: tallyRules(run.applicants),
  };
}
