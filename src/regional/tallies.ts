import type { ApplicantResult, Status } from '../core/types.js';

export interface Tally {
  label: string;
  pass: number;
  review: number;
  fail: number;
  total: number;
}

/** Verdict counts per group, largest group first (ties: first seen first). */
export function tallyBy(applicants: readonly ApplicantResult[], keyOf: (a: ApplicantResult) => string): Tally[] {
  const groups = new Map<string, Tally>();
  for (const a of applicants) {
    const label = keyOf(a);
    let t = groups.get(label);
    if (!t) groups.set(label, (t = { label, pass: 0, review: 0, fail: 0, total: 0 }));
    t[a.status satisfies Status]++;
    t.total++;
  }
  return [...groups.values()].sort((x, y) => y.total - x.total);
}

export interface RuleTally {
  ruleId: string;
  /** Applicants with at least one error of the rule. */
  error: number;
  /** Applicants with warnings of the rule but no error. */
  warn: number;
}

/** Applicants flagged per rule (accepted exceptions, now info, do not count), most flagged first. */
export function tallyRules(applicants: readonly ApplicantResult[]): RuleTally[] {
  const byRule = new Map<string, RuleTally>();
  for (const a of applicants) {
    const worst = new Map<string, 'error' | 'warn'>();
    for (const f of a.findings) {
      if (f.severity === 'info') continue;
      if (worst.get(f.ruleId) !== 'error') worst.set(f.ruleId, f.severity);
    }
    for (const [ruleId, sev] of worst) {
      let t = byRule.get(ruleId);
      if (!t) byRule.set(ruleId, (t = { ruleId, error: 0, warn: 0 }));
      t[sev]++;
    }
  }
  return [...byRule.values()].sort((x, y) => y.error + y.warn - (x.error + x.warn));
}
