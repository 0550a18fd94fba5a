import type { ApplicantResult } from '../core/types.js';
import type { RosterInput } from './run-result.js';

// Files with several roster sheets in the run, worked out once per run's inputs.
const severalSheets = new WeakMap<readonly Pick<RosterInput, 'file'>[], Set<string>>();

/**
 * How outputs name an applicant's sheet: `[专业A] ` when its file had several roster sheets in the
 * run (a row number alone would be ambiguous), '' otherwise.
 */
export function sheetLabel(inputs: readonly Pick<RosterInput, 'file'>[], a: Pick<ApplicantResult, 'file' | 'sheet'>): string {
  let several = severalSheets.get(inputs);
  if (!several) {
    const seen = new Set<string>();
    several = new Set();
    for (const i of inputs) (seen.has(i.file) ? several : seen).add(i.file);
    severalSheets.set(inputs, several);
  }
  return several.has(a.file) ? `[${a.sheet}] ` : '';
}
