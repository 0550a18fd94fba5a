import type { CheckKind } from '../check-kind.js';

// Check kinds by name; each file's name is its kind. Loaded lazily: a run imports only the kinds its
// rule set uses, which keeps start-up fast for a 30-row roster.
export const checkKindNames = [
  'id-number',
  'duplicate',
  'vocabulary',
  'specialty',
  'region',
  'yes-no',
  'keyword-flag',
  'current-title',
  'education',
  'seniority',
  'min-hours-per-year',
  'hours-split',
  'deadline',
  'publicity-days',
  'publicity-order',
  'retirement-age',
  'discipline',
  'integrity-record',
  'annual-assessment',
  'same-unit',
  'date-sanity',
  'info-note',
  'hidden-row',
  'formula-uncomputed',
  'required-value',
] as const;

export type CheckKindName = (typeof checkKindNames)[number];

export function isCheckKindName(name: string): name is CheckKindName {
  return (checkKindNames as readonly string[]).includes(name);
}

export async function loadCheckKind(name: CheckKindName): Promise<CheckKind> {
  const mod = (await import(/* @vite-ignore */ `./${name}.js`)) as { default: CheckKind };
  return mod.default;
}
