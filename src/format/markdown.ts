import path from 'node:path';
import type { ApplicantResult, Lang, Severity } from '../core/types.js';
import { maskId } from '../normalize/id-number.js';
import { maskApplicant, maskText } from '../report/mask.js';
import type { RunResult } from '../report/run-result.js';
import type { RuleSet } from '../rules/schema.js';
import { breakdowns } from '../regional/breakdowns.js';
import { acceptedText, daysLeftText, rowText, STATUS_LABEL } from '../regional/labels.js';
import { reasonsOf } from '../regional/return-list.js';
import { LineSink } from './line-sink.js';
import { originText } from '../ruleset/read-source.js';
import { ruleNamer } from './rule-names.js';
import { REPORT_TEXT } from '../regional/report-text.js';
import type { Tally } from '../regional/tallies.js';
import { sheetLabel } from '../report/sheet-label.js';

export interface MarkdownOptions {
  lang: Lang;
  mask: boolean;
  /** For specialty names in the breakdown; without it, specialties are counted as written. */
  ruleSet?: RuleSet | null;
  regionOf?: (a: ApplicantResult) => string | null;
}

const MARK: Record<Severity, string> = { error: '✗', warn: '!', info: 'i' };

/** summary.md: the HTML report's story in Markdown (counts, breakdowns, who needs action, deadlines, run details). */
export function formatMarkdown(run: RunResult, opts: MarkdownOptions): string {
  const pieces: string[] = [];
  writeMarkdown(run, opts, (piece) => pieces.push(piece));
  return pieces.join('');
}

/** formatMarkdown handed out in pieces (a line at a time), for a report written as it is made. */
export function writeMarkdown(run: RunResult, opts: MarkdownOptions, write: (chunk: string) => void): void {
  const { lang } = opts;
  const ruleText = ruleTexts(run, lang);
  const t = REPORT_TEXT[lang];
  const st = STATUS_LABEL[lang];
  const b = breakdowns(run, opts);
  const out = new LineSink(write);
  out.push(`# ${md(t.title)}`, '', md(t.subtitle(run)), '', `_${opts.mask ? t.masked : t.unmasked}_`, '');

  out.push(`## ${t.verdict}`, '');
  out.push(...table([st.pass, st.review, st.fail, t.total], [[run.summary.pass, run.summary.review, run.summary.fail, run.summary.total].map(String)]));

  for (const [title, tallies] of [
    [t.charts.specialty, b.bySpecialty],
    [t.charts.employer, b.byEmployer],
    [t.charts.region, b.byRegion],
  ] as const) {
    out.push(`## ${title}`, '', ...tallyTable(tallies, lang));
  }
  out.push(`## ${t.charts.rule}`, '', md(t.ruleChartNote), '');
  const description = new Map(run.rules.map((r) => [r.id, r.description[lang]]));
  out.push(
    ...(b.byRule.length
      ? table([t.ruleHead.rule, t.ruleHead.what, t.ruleHead.error, t.ruleHead.warn], b.byRule.map((r) => [ruleText(r.ruleId), md(description.get(r.ruleId) ?? ''), String(r.error), String(r.warn)]))
      : ['—', '']),
  );

  out.push(`## ${t.action}`, '');
  const needing = run.applicants.filter((a) => a.status !== 'pass');
  if (needing.length === 0) out.push(md(t.actionNone), '');
  for (const status of ['fail', 'review'] as const) {
    const list = needing.filter((a) => a.status === status);
    if (list.length === 0) continue;
    out.push(`### ${st[status]} (${list.length})`, '');
    for (const raw of list) out.push(...applicantLines(opts.mask ? maskApplicant(raw) : raw, run, lang, ruleText));
    out.push('');
  }

  out.push(`## ${t.deadlines}`, '');
  out.push(...table([t.deadlineHead.what, t.deadlineHead.date, t.deadlineHead.left], run.deadlines.map((d) => [md(d.label[lang]), d.date, daysLeftText(lang, d.daysLeft)])));

  out.push(...exceptionLines(run, opts));

  out.push(`## ${t.unchecked}`, '');
  if (run.unchecked.length === 0) out.push(md(t.allChecked), '');
  else out.push(...run.unchecked.map((u) => `- ${ruleText(u.ruleId)}: ${md(u.reason[lang])} (${u.files.map((f) => md(path.basename(f))).join(', ')})`), '');

  if (run.problems.length) {
    out.push(`## ${t.problems}`, '', ...run.problems.map((p) => `- ${md(p.file)}: ${md(p.message[lang])}`), '');
  }

  const h = t.runHead;
  out.push(`## ${t.run}`, '');
  const sep = lang === 'zh' ? '：' : ': ';
  for (const [k, v] of [
    [h.tool, md(`${run.tool.name} ${run.tool.version}`)],
    [h.ruleSet, `\`${run.ruleSet.id}\``],
    [h.notice, md(`${run.ruleSet.notice} (${run.ruleSet.noticeIssued})`)],
    [h.origin, md(originText(run.ruleSet.origin, lang))],
    [h.sha, `\`${run.ruleSet.sha256}\``],
    [h.asOf, run.asOf],
  ]) {
    out.push(`- ${k}${sep}${v}`);
  }
  out.push('');
  const ih = t.inputHead;
  out.push(`### ${t.inputs}`, '');
  out.push(...table([ih.file, ih.sheet, ih.headerRow, ih.applicants, ih.sha], run.inputs.map((i) => [md(i.file), md(i.sheet), String(i.headerRow), String(i.applicants), `\`${i.sha256}\``])));
  out.end();
}

function applicantLines(a: ApplicantResult, run: RunResult, lang: Lang, rule: (id: string) => string): string[] {
  const where = `${run.inputs.length > 1 ? `${path.basename(a.file)} ` : ''}${sheetLabel(run.inputs, a)}${rowText(lang, a.row)}`;
  const lines = [`- **${md(a.name || '—')}** ${code(a.idNumber)} · ${md(a.unit)} · ${md(where)}`];
  for (const f of reasonsOf(a)) {
    lines.push(`  - ${MARK[f.severity]} ${rule(f.ruleId)} ${f.cell ? `${f.cell} ` : ''}${md(f.message[lang])} ${md(f.source[lang])}`);
  }
  for (const f of a.findings.filter((x) => x.exception)) {
    lines.push(`  - ${MARK.info} ${rule(f.ruleId)} ${md(f.message[lang])} (${md(acceptedText(lang, f.exception!))})`);
  }
  return lines;
}

function exceptionLines(run: RunResult, opts: MarkdownOptions): string[] {
  const t = REPORT_TEXT[opts.lang];
  const ruleText = ruleTexts(run, opts.lang);
  const h = t.exceptionHead;
  if (run.exceptions.length === 0) return [`## ${t.exceptions}`, '', md(t.noExceptions), ''];
  const rows = (used: boolean) =>
    run.exceptions
      .filter((e) => (e.matched > 0) === used)
      .map((e) => [
        code(opts.mask ? maskId(e.entry.idNumber) : e.entry.idNumber),
        ruleText(e.entry.ruleId),
        md(e.entry.reviewer),
        e.entry.date,
        md(opts.mask ? maskText(e.entry.note) : e.entry.note),
        md(e.entry.origin),
        String(e.matched),
      ]);
  const head = [h.id, h.rule, h.reviewer, h.date, h.note, h.origin, h.matched];
  const out: string[] = [];
  const used = rows(true);
  const stale = rows(false);
  out.push(`## ${t.exceptions}`, '', ...(used.length ? table(head, used) : ['—', '']));
  if (stale.length) out.push(`## ${t.staleExceptions}`, '', ...table(head, stale));
  return out;
}

function tallyTable(tallies: Tally[], lang: Lang): string[] {
  const h = REPORT_TEXT[lang].tableHead;
  return table(
    [h.group, h.pass, h.review, h.fail, h.total],
    tallies.map((x) => [md(x.label), String(x.pass), String(x.review), String(x.fail), String(x.total)]),
  );
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

/** A code span (IDs: no escapes needed for the mask's asterisks). */
function code(s: string): string {
  return s === '' ? '' : /[`\r\n]/.test(s) ? md(s) : `\`${s}\``;
}

/** Text safe inside Markdown (tables included): no markup, no line breaks. */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A rule as the reader sees it: its short title (zh or en); ids stay in JSON and CSV. */
function ruleTexts(run: RunResult, lang: Lang): (ruleId: string) => string {
  const name = ruleNamer(run.rules, lang);
  return (id) => md(name(id));
}
