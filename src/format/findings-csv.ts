import type { Lang } from '../core/types.js';
import { maskId } from '../normalize/id-number.js';
import { applicantMasker, maskText } from '../report/mask.js';
import type { RunResult } from '../report/run-result.js';
import { acceptedText, SEVERITY_LABEL, STATUS_LABEL } from '../regional/labels.js';

export interface FindingsCsvOptions {
  lang: Lang;
  mask: boolean;
}

const HEAD = {
  zh: ['文件', '工作表', '行', '单元格', '姓名', '身份证号', '结论', '规则', '级别', '说明', '依据', '例外'],
  en: ['file', 'sheet', 'row', 'cell', 'name', 'id_number', 'status', 'rule', 'severity', 'message', 'source', 'exception'],
};

/**
 * findings.csv: one row per finding of every applicant. UTF-8 with BOM and CRLF so Excel shows the
 * Chinese; a cell starting with = + - @ (or tab/CR) is prefixed with ' so Excel never runs it.
 */
export function formatFindingsCsv(run: RunResult, options: FindingsCsvOptions): string {
  const parts: string[] = [];
  writeFindingsCsv(run, options, (chunk) => parts.push(chunk));
  return parts.join('');
}

/** The same text as formatFindingsCsv, handed out an applicant at a time (never one string in memory). */
export function writeFindingsCsv(run: RunResult, { lang, mask }: FindingsCsvOptions, write: (chunk: string) => void): void {
  write(`\uFEFF${HEAD[lang].map(csvCell).join(',')}\r\n`);
  const plain = (x: string) => x;
  for (const a of run.applicants) {
    if (a.findings.length === 0) continue;
    // Masks only what the file prints, as maskApplicant would (which copies every field, both languages).
    const own = mask ? applicantMasker(a) : plain; // the applicant's own ID, however typed
    const name = mask ? maskText(a.name) : a.name;
    const idNumber = mask && a.idNumber ? maskId(a.idNumber) : a.idNumber;
    let lines = '';
    for (const f of a.findings) {
      lines +=
        [
          a.file,
          a.sheet,
          String(a.row),
          f.cell ?? '',
          name,
          idNumber,
          STATUS_LABEL[lang][a.status],
          f.ruleId,
          SEVERITY_LABEL[lang][f.severity],
          own(f.message[lang]),
          f.source[lang],
          f.exception ? acceptedText(lang, { ...f.exception, note: own(f.exception.note) }) : '',
        ]
          .map(csvCell)
          .join(',') + '\r\n';
    }
    write(lines);
  }
}

// Also after leading spaces: some spreadsheet programs trim before deciding.
const FORMULA_START = /^(?:[\t\r]| *[=+\-@])/;

/** One CSV field: neutralised against formula injection, quoted when needed (RFC 4180). */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
