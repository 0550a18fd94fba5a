import type { Localized } from '../core/types.js';
import { ruleSetError } from '../ruleset/issues.js';
import { blockingStageProblems } from '../ruleset/validate.js';
import { createCheck, type CheckKind, type CreatedCheck, type FieldNeeds } from './check-kind.js';
import { renderSources } from './citation.js';
import type { RuleDef, RuleSet } from './schema.js';

export interface PreparedRule {
  def: RuleDef;
  kind: CheckKind;
  params: unknown;
  needs: FieldNeeds;
  source: Localized;
  /** Outcomes citing their own sources (see OutcomeSchema): outcome key → rendered citation. */
  outcomeSources: Map<string, Localized>;
  /** The kind's `create` applied to the params: what the engine runs. */
  created: CreatedCheck;
}

/**
 * The enabled rules bound to their kinds, params parsed. The checks are the validator's own (the
 * stages `--rules` and `rules check` run after the shape), so a rule set built in code is held to
 * the same terms; its errors name the rule set and field (there is no file to point into).
 */
export async function prepareRules(ruleSet: RuleSet): Promise<PreparedRule[]> {
  const { problems, kinds } = await blockingStageProblems(ruleSet);
  if (problems.length) throw ruleSetError(ruleSet.id, problems.map((p) => ({ ...p, file: ruleSet.id })));
  const prepared: PreparedRule[] = [];
  for (const info of kinds) {
    const def = ruleSet.rules[info.index]!;
    if (!def.enabled) continue;
    const kind = info.kind!;
    prepared.push({
      def,
      kind,
      params: info.params,
      needs: info.needs!,
      source: renderSources(def.sources),
      outcomeSources: new Map(Object.entries(def.outcomes).flatMap(([key, o]) => (o.sources ? [[key, renderSources(o.sources)] as const] : []))),
      created: createCheck(kind, info.params, ruleSet),
    });
  }
  return prepared;
}
