import type { RuleSet } from '../../schema.js';
import type { Localized } from '../../../core/types.js';

export interface RoundDeadline {
  date: string;
  label: Localized;
}

const byRuleSet = new WeakMap<RuleSet, Map<string, RoundDeadline>>();

/**
 * A deadline of the round by id (`individual`, `employer`, `lower`): rules name the id, the date
 * lives once in the rule set's `round.deadlines`. Throws when the rule set does not define it.
 */
export function roundDeadline(ruleSet: RuleSet, id: string): RoundDeadline {
  let map = byRuleSet.get(ruleSet);
  if (map === undefined) {
    map = new Map(ruleSet.round.deadlines.map((d) => [d.id, { date: d.date, label: d.label }]));
    byRuleSet.set(ruleSet, map);
  }
  const hit = map.get(id);
  if (hit === undefined) {
    const known = ruleSet.round.deadlines.map((d) => d.id).join(', ');
    throw new Error(`rule set ${ruleSet.id}: round.deadlines has no deadline "${id}" (known: ${known})`);
  }
  return hit;
}
