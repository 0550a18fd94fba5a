import type { ApplicantResult, Finding, Lang } from '../core/types.js';
import { severityRank } from '../core/status.js';
import { parseA1 } from '../ooxml/cell-ref.js';
import { fillForSeverity, type FillKind } from './styles.js';

// What to do to each row of the roster sheet, from the findings of this input.

export interface CellMark {
  fill: FillKind | null;
  findings: Finding[];
}

/** A row with something to mark beyond our two cells. */
export interface RowPlan {
  /** Flagged cells by 0-based column. */
  marks: Map<number, CellMark>;
  /** Findings of this row's applicant with no single cell: noted on the 预审意见 cell. */
  rowFindings: Finding[];
}

export interface Plan {
  /** Only rows with flagged cells or row findings: most rows have none. */
  rows: Map<number, RowPlan>;
  /** The applicant on each Excel row (a plain array by row number: 8 bytes a row). */
  applicants: (ApplicantResult | undefined)[];
  lang: Lang;
  /** A rule's name in our texts (its title). */
  ruleName?: (ruleId: string) => string;
}

// Most rows have no finding: they share these (never written to) instead of one Map each.
const NO_MARKS: Map<number, CellMark> = new Map();
const NO_FINDINGS: Finding[] = [];

export function buildPlan(applicants: readonly ApplicantResult[], lang: Lang, ruleName?: (ruleId: string) => string): Plan {
  const rows = new Map<number, RowPlan>();
  const byRow: (ApplicantResult | undefined)[] = [];
  const rowPlan = (row: number): RowPlan => {
    let p = rows.get(row);
    if (!p) {
      p = { marks: NO_MARKS, rowFindings: NO_FINDINGS };
      rows.set(row, p);
    }
    return p;
  };
  for (const a of applicants) {
    byRow[a.row] = a;
    for (const f of a.findings) {
      // Plain notes (info) are listed in 预审意见 only: a note on every row of a big roster would
      // bury the ones to act on (and cost ~1 GB at 100 000 rows). Accepted exceptions keep theirs.
      if (f.severity === 'info' && !f.exception) continue;
      const pos = f.cell ? parseA1(f.cell) : null;
      if (!pos) {
        const p = rowPlan(a.row);
        if (p.rowFindings === NO_FINDINGS) p.rowFindings = [];
        p.rowFindings.push(f);
        continue;
      }
      const p = rowPlan(pos.row);
      if (p.marks === NO_MARKS) p.marks = new Map();
      const marks = p.marks;
      const mark = marks.get(pos.col) ?? { fill: null, findings: [] };
      // A value merged down several rows is judged on each of them, but noted once on its cell.
      if (pos.row !== a.row && mark.findings.some((g) => g.ruleId === f.ruleId && g.message.zh === f.message.zh)) continue;
      mark.findings.push(f);
      const kind = fillForSeverity(f.severity);
      if (kind && (!mark.fill || severityRank(f.severity) > severityRank(mark.fill === 'error' ? 'error' : 'warn'))) mark.fill = kind;
      marks.set(pos.col, mark);
    }
  }
  return { rows, applicants: byRow, lang, ...(ruleName ? { ruleName } : {}) };
}
