import type { ApplicantResult } from '../core/types.js';
import { toHalfWidth } from '../normalize/text.js';

// IDs compare after half-width, no spaces, upper-case X: a roster and a list typed differently still match.
const idKey = (id: string) => toHalfWidth(id).replace(/\s+/g, '').toUpperCase();

/** One accepted exception (`--exceptions FILE`): a reviewer accepted this rule for this person. */
export interface ExceptionEntry {
  idNumber: string;
  ruleId: string;
  reviewer: string;
  date: string;
  note: string;
  /** Where it came from, for reporting: file and row. */
  origin: string;
}

export interface ExceptionUse {
  entry: ExceptionEntry;
  /** How many findings it downgraded; 0 = stale (matched nothing). */
  matched: number;
}

/** Turns each matching warn/error into info carrying the reviewer's note. */
export function applyExceptions(results: ApplicantResult[], entries: ExceptionEntry[]): ExceptionUse[] {
  if (entries.length === 0) return [];
  const byKey = new Map<string, ExceptionUse>();
  const uses = entries.map((entry) => {
    const use = { entry, matched: 0 };
    byKey.set(`${idKey(entry.idNumber)}|${entry.ruleId}`, use);
    return use;
  });
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'info') continue;
      const use = byKey.get(`${idKey(r.idNumber)}|${f.ruleId}`);
      if (!use) continue;
      use.matched += 1;
      f.exception = { reviewer: use.entry.reviewer, date: use.entry.date, note: use.entry.note, originalSeverity: f.severity };
      f.severity = 'info';
    }
  }
  return uses;
}
