import type { ApplicantResult, Lang } from '../core/types.js';
import { maskId } from '../normalize/id-number.js';
import { applicantMasker, maskText } from '../report/mask.js';
import type { RunResult } from '../report/run-result.js';

export interface JsonOptions {
  lang: Lang;
  mask: boolean;
}

/** Everything of the JSON report but the applicants, in the contract's key order. */
function jsonHead(run: RunResult, { lang, mask }: JsonOptions): Record<string, unknown> {
  return {
    tool: run.tool,
    ruleSet: { id: run.ruleSet.id, notice: run.ruleSet.notice, sha256: run.ruleSet.sha256 },
    asOf: run.asOf,
    inputs: run.inputs.map((i) => ({ file: i.file, sheet: i.sheet, headerRow: i.headerRow, applicants: i.applicants, sha256: i.sha256 })),
    summary: run.summary,
    deadlines: run.deadlines.map((d) => ({ id: d.id, label: d.label[lang], date: d.date, daysLeft: d.daysLeft, passed: d.daysLeft < 0 })),
    unchecked: run.unchecked.map((u) => ({ ruleId: u.ruleId, reason: u.reason[lang], columns: u.columns, files: u.files, ...(u.partial ? { partial: true } : {}) })),
    problems: run.problems.map((p) => ({ file: p.file, message: mask ? maskText(p.message[lang]) : p.message[lang], ...(p.unreadable ? { unreadable: true } : {}) })),
    exceptions: run.exceptions.map((e) => ({
      idNumber: mask ? maskId(e.entry.idNumber) : e.entry.idNumber,
      ruleId: e.entry.ruleId,
      reviewer: e.entry.reviewer,
      date: e.entry.date,
      note: mask ? maskText(e.entry.note) : e.entry.note,
      origin: e.entry.origin,
      matched: e.matched,
    })),
  };
}

// Masks only what the report prints (maskApplicant would copy every field and both languages).
function jsonApplicant(a: ApplicantResult, { lang, mask }: JsonOptions): unknown {
  const text = mask ? maskText : (s: string) => s;
  const own = mask ? applicantMasker(a) : text; // the applicant's own ID, however typed
  return {
    file: a.file,
    sheet: a.sheet,
    row: a.row,
    name: text(a.name),
    idNumber: mask ? (a.idNumber ? maskId(a.idNumber) : '') : a.idNumber,
    unit: text(a.unit),
    specialty: text(a.specialty),
    status: a.status,
    findings: a.findings.map((f) => ({
      ruleId: f.ruleId,
      outcome: f.outcome,
      severity: f.severity,
      cell: f.cell,
      column: f.column,
      value: f.value === null ? null : own(f.value),
      message: own(f.message[lang]),
      source: f.source[lang],
      ...(f.exception ? { exception: { ...f.exception, note: own(f.exception.note) } } : {}),
    })),
  };
}

/**
 * The JSON report contract (issue 2) — our one JSON writer: one document, messages in the chosen
 * language, laid out as `JSON.stringify(report, null, 2)` would, but handed out in pieces (a batch
 * of applicants at a time) so a report on 100 000 applicants never exists as one string in memory.
 */
export function writeJson(run: RunResult, options: JsonOptions, write: (chunk: string) => void): void {
  const indent = (value: unknown, pad: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
  let head = '{';
  for (const [key, value] of Object.entries(jsonHead(run, options))) head += `\n  ${JSON.stringify(key)}: ${indent(value, '  ')},`;
  write(`${head}\n  "applicants": [`);
  // Each batch is stringified inside the same wrapper the whole document has, so JSON.stringify
  // indents it exactly as the whole document would be; slicing the wrapper off is cheaper than re-indenting.
  const applicants = run.applicants;
  for (let from = 0; from < applicants.length; from += JSON_BATCH) {
    const batch = applicants.slice(from, from + JSON_BATCH).map((a) => jsonApplicant(a, options));
    const wrapped = JSON.stringify({ applicants: batch }, null, 2);
    write(`${from ? ',' : ''}\n${wrapped.slice(WRAP_HEAD.length, wrapped.length - WRAP_TAIL.length)}`);
  }
  write(applicants.length ? '\n  ]\n}\n' : ']\n}\n');
}

const JSON_BATCH = 256;
const WRAP_HEAD = '{\n  "applicants": [\n';
const WRAP_TAIL = '\n  ]\n}';
