import type { ApplicantResult, Lang } from '../core/types.js';
import { toHalfWidth } from '../normalize/text.js';
import { UNKNOWN } from './labels.js';

export interface EmployerGroup {
  /** The unit as first written (工作单位), or a placeholder when blank. */
  unit: string;
  /** Roster files its applicants came from, in order. */
  files: string[];
  applicants: ApplicantResult[];
}

const keyOf = (unit: string) => toHalfWidth(unit).replace(/[\s\u200B\uFEFF]+/g, '');

/** Applicants by employer (spacing and full-width differences ignored), in order of first appearance. */
export function groupByEmployer(applicants: readonly ApplicantResult[], lang: Lang): EmployerGroup[] {
  const groups = new Map<string, EmployerGroup>();
  for (const a of applicants) {
    // A blank unit is grouped per file: the file is then what identifies the employer.
    const key = keyOf(a.unit) || `\0${a.file}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit: a.unit.trim() || UNKNOWN[lang].unit, files: [], applicants: [] }));
    if (!g.files.includes(a.file)) g.files.push(a.file);
    g.applicants.push(a);
  }
  return [...groups.values()];
}
