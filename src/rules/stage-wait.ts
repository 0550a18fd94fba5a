import type { FieldId } from '../core/types.js';
import type { RuleSet } from './schema.js';

export interface StageWait {
  deadline: string;
  deadlineLabel: string;
  deadlineLabelEn: string;
}

/**
 * The stage columns still waiting on `asOf` (rule-set `columns[].waitsFor`): their blank cells are
 * "not yet" until the deadline they wait for has passed. Empty when the rule set has no `not-yet`
 * note to report them with (an older rule set keeps its blank outcomes).
 */
export function waitingColumns(ruleSet: RuleSet, asOf: string): Map<FieldId, StageWait> {
  const out = new Map<FieldId, StageWait>();
  if (!ruleSet.common['not-yet']) return out;
  for (const c of ruleSet.columns) {
    const d = c.waitsFor === undefined ? undefined : ruleSet.round.deadlines.find((x) => x.id === c.waitsFor);
    if (d === undefined || asOf > d.date) continue;
    const en = d.label.en;
    out.set(c.id, { deadline: d.date, deadlineLabel: d.label.zh, deadlineLabelEn: en.charAt(0).toLowerCase() + en.slice(1) });
  }
  return out;
}
