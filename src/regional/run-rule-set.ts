import type { RunResult } from '../report/run-result.js';
import { reloadRuleSet } from '../ruleset/load.js';
import type { RuleSet } from '../rules/schema.js';

/**
 * The rule set a run used, reloaded from its origin (for specialty grouping), or null when it can
 * no longer be had or has changed since the run (hash differs). Callers that hold the rule set
 * should pass it instead.
 */
export function ruleSetOfRun(run: RunResult): RuleSet | null {
  try {
    const loaded = reloadRuleSet(run.ruleSet.origin);
    return loaded.sha256 === run.ruleSet.sha256 ? loaded.ruleSet : null;
  } catch {
    return null;
  }
}
