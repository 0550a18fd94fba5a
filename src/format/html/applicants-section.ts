import type { ApplicantResult, Lang } from '../../core/types.js';
import { maskApplicant } from '../../report/mask.js';
import { fileNamer, withoutLocalPaths } from '../../regional/file-names.js';
import { ruleNamer } from '../rule-names.js';
import type { RunResult } from '../../report/run-result.js';
import { acceptedText, rowText, SEVERITY_LABEL, STATUS_LABEL } from '../../regional/labels.js';
import { REPORT_TEXT } from '../../regional/report-text.js';
import { reasonsOf } from '../../regional/return-list.js';
import { esc } from './escape.js';
import { sheetLabel } from '../../report/sheet-label.js';

/** 需处理的人员: 不通过 then 待复核, each with every reason, the cell to fix and its source; written a row at a time. */
export function applicantsSection(run: RunResult, opts: { lang: Lang; mask: boolean }, write: (chunk: string) => void): void {
  const { lang } = opts;
  const t = REPORT_TEXT[lang];
  const h = t.applicantHead;
  write(`<section id="action"><h2>${esc(t.action)}</h2>`);
  const needing = run.applicants.filter((a) => a.status !== 'pass');
  const rule = ruleNamer(run.rules, lang);
  const fileName = fileNamer(run.inputs.map((i) => i.file));
  if (needing.length === 0) write(`<p>${esc(t.actionNone)}</p>`);
  for (const status of ['fail', 'review'] as const) {
    const list = needing.filter((a) => a.status === status);
    if (list.length === 0) continue;
    write(`<h3 id="action-${status}">${esc(STATUS_LABEL[lang][status])} (${list.length})</h3>`);
    write(
      `<table class="applicants" data-status="${status}"><thead><tr><th class="num">#</th><th>${esc(h.name)}</th><th>${esc(h.id)}</th><th>${esc(h.unit)}</th><th>${esc(h.where)}</th><th>${esc(h.reasons)}</th></tr></thead><tbody>`,
    );
    list.forEach((raw, i) => write(applicantRow(opts.mask ? maskApplicant(raw) : raw, i + 1, run, lang, rule, fileName)));
    write('</tbody></table>');
  }
  write('</section>');
}

// Rules by their short name, files by their name in the folder given: no English id in the zh
// report, no local path.
function applicantRow(a: ApplicantResult, n: number, run: RunResult, lang: Lang, rule: (id: string) => string, fileName: (file: string) => string): string {
  const where = `${run.inputs.length > 1 ? `${fileName(a.file)} ` : ''}${sheetLabel(run.inputs, a)}${rowText(lang, a.row)}`;
  const files = run.inputs.map((i) => i.file);
  const message = (text: string) => esc(withoutLocalPaths(text, files, fileName));
  const reasons = reasonsOf(a).map(
    (f) =>
      `<li><span class="sev ${f.severity}">${esc(SEVERITY_LABEL[lang][f.severity])}</span>${f.cell ? `<span class="cell">${esc(f.cell)}</span> ` : ''}${message(f.message[lang])} <span class="rule">[${esc(rule(f.ruleId))}]</span> <span class="src">${esc(f.source[lang])}</span></li>`,
  );
  const accepted = a.findings
    .filter((f) => f.exception)
    .map((f) => `<li class="passed"><span class="sev info">${esc(SEVERITY_LABEL[lang].info)}</span>${message(f.message[lang])} <span class="rule">[${esc(rule(f.ruleId))}]</span> (${esc(acceptedText(lang, f.exception!))})</li>`);
  return (
    `<tr data-row="${a.row}"><td class="num">${n}</td><td>${esc(a.name || '—')}</td><td class="id">${esc(a.idNumber)}</td>` +
    `<td>${esc(a.unit)}</td><td>${esc(where)}</td><td><ul class="reasons">${[...reasons, ...accepted].join('')}</ul></td></tr>`
  );
}
