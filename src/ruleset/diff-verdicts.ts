import type { ApplicantResult, Finding, Severity, Status } from '../core/types.js';

export interface FindingChange {
  ruleId: string;
  outcome: string;
  cell: string | null;
  /** null: the finding is not there under that rule set. */
  before: Severity | null;
  after: Severity | null;
  /** The message under B when the finding is there, else under A. */
  message: Finding['message'];
}

export interface VerdictChange {
  file: string;
  sheet: string;
  row: number;
  name: string;
  idNumber: string;
  before: Status;
  after: Status;
  /** Warnings and errors that appeared, went, or changed severity: why the verdict moved. */
  why: FindingChange[];
}

export interface VerdictDiff {
  applicants: number;
  /** Applicants whose status differs. */
  changed: VerdictChange[];
  /** Applicants with the same status whose warnings or errors differ. */
  sameStatusOtherFindings: number;
  counts: { before: Record<Status, number>; after: Record<Status, number> };
}

/**
 * Compares the verdicts of the same rosters screened under two rule sets. Applicants are matched by
 * file, sheet and row (the rosters are the same files), findings by rule, outcome and cell.
 */
export function diffVerdicts(a: ApplicantResult[], b: ApplicantResult[]): VerdictDiff {
  const byPlace = new Map(b.map((x) => [placeKey(x), x]));
  const changed: VerdictChange[] = [];
  let sameStatusOtherFindings = 0;
  for (const before of a) {
    const after = byPlace.get(placeKey(before));
    if (!after) continue;
    const why = findingChanges(before.findings, after.findings);
    if (before.status !== after.status) {
      changed.push({
        file: before.file,
        sheet: before.sheet,
        row: before.row,
        name: before.name,
        idNumber: before.idNumber,
        before: before.status,
        after: after.status,
        why,
      });
    } else if (why.length) sameStatusOtherFindings++;
  }
  return { applicants: a.length, changed, sameStatusOtherFindings, counts: { before: count(a), after: count(b) } };
}

function findingChanges(a: Finding[], b: Finding[]): FindingChange[] {
  const key = (f: Finding) => `${f.ruleId}\u0000${f.outcome}\u0000${f.cell ?? ''}`;
  const serious = (fs: Finding[]) => new Map(fs.filter((f) => f.severity !== 'info').map((f) => [key(f), f]));
  const am = serious(a);
  const bm = serious(b);
  const out: FindingChange[] = [];
  for (const [k, f] of bm) {
    const old = am.get(k);
    if (!old || old.severity !== f.severity) out.push(change(f, old?.severity ?? null, f.severity));
  }
  for (const [k, f] of am) if (!bm.has(k)) out.push(change(f, f.severity, b.find((x) => key(x) === k)?.severity ?? null));
  return out;
}

function change(f: Finding, before: Severity | null, after: Severity | null): FindingChange {
  return { ruleId: f.ruleId, outcome: f.outcome, cell: f.cell, before, after, message: f.message };
}

function placeKey(x: ApplicantResult): string {
  return `${x.file}\u0000${x.sheet}\u0000${x.row}`;
}

function count(xs: ApplicantResult[]): Record<Status, number> {
  const c: Record<Status, number> = { pass: 0, review: 0, fail: 0 };
  for (const x of xs) c[x.status]++;
  return c;
}
