import type { FieldId } from '../core/types.js';
import type { RuleDef } from './schema.js';

export interface YearColumn {
  year: number;
  field: FieldId;
}

/**
 * The years a round counts and the roster column holding each (`params.years: [{ year, field }]`)
 * of the first enabled rule of a kind. Code never names a year or a year's column: they are here.
 */
export function yearColumns(rules: readonly RuleDef[], check: string): YearColumn[] {
  const years = rules.find((r) => r.enabled && r.check === check)?.params['years'];
  if (!Array.isArray(years)) return [];
  return years.flatMap((y: unknown) => {
    const { year, field } = (y ?? {}) as { year?: unknown; field?: unknown };
    return typeof year === 'number' && typeof field === 'string' ? [{ year, field }] : [];
  });
}

const cpdByRules = new WeakMap<readonly RuleDef[], readonly YearColumn[]>();

/**
 * The continuing-education (CPD) years: the min-hours-per-year rule's. Found once per rule list
 * (rule sets are not changed once loaded): every applicant's list fields ask for them.
 */
export function cpdYearColumns(rules: readonly RuleDef[]): readonly YearColumn[] {
  let found = cpdByRules.get(rules);
  if (!found) cpdByRules.set(rules, (found = Object.freeze(yearColumns(rules, 'min-hours-per-year'))));
  return found;
}
