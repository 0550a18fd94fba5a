import type { RuleSet } from '../../schema.js';
import type { Localized } from '../../../core/types.js';

export interface RoundDeadline {
  date: string;
  label: Localized;
}

/**
 * A deadline of the round by id (`individual`, `employer`, `lower`): rules name the id, the date
 * lives once in the rule set's `round.deadlines`. Throws when the rule set does not define it.
 */
export function roundDeadline(ruleSet: RuleSet, id: string): RoundDeadline {
  const hit = ruleSet.round.deadlines.find((d) => d.id === id);
  if (hit === undefined) {
    const known = ruleSet.round.deadlines.map((d) => d.id).join(', ');
    throw new Error(`rule set ${ruleSet.id}: round.deadlines has no deadline "${id}" (known: ${known})`);
  }
  return { date: hit.date, label: hit.label };
}
