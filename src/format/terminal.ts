import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { ApplicantResult, Lang, Severity, Status } from '../core/types.js';
import { maskApplicant, maskText } from '../report/mask.js';
import type { RunResult } from '../report/run-result.js';
import { ruleNamer } from './rule-names.js';
import { sheetLabel } from '../report/sheet-label.js';

export interface TerminalOptions {
  lang: Lang;
  mask: boolean;
  color: boolean;
  /** Annotated copies and other files written, shown at the end. */
  written?: string[];
}

const T = {
  zh: {
    header: (r: RunResult) => `规则集 ${r.ruleSet.id}（${r.ruleSet.notice}） · 核验日期 ${r.asOf}`,
    input: (file: string, sheet: string, row: number, n: number) => `${file} [${sheet}] 表头第${row}行，${n}人`,
    verdict: (s: RunResult['summary']) => `通过 ${s.pass} · 待复核 ${s.review} · 不通过 ${s.fail}（共 ${s.total} 人）`,
    status: { pass: '通过', review: '待复核', fail: '不通过' } as Record<Status, string>,
    row: (n: number) => `第${n}行`,
    unchecked: '未核验项（花名册缺少相应列，以下条件未检查）',
    problems: '提示',
    unreadable: (n: number) => `无法读取的文件或表格（${n} 处）：其中的人员未审核，不在以上人数中`,
    deadlines: '截止时间',
    daysLeft: (d: number) => (d < 0 ? `已过 ${-d} 天` : d === 0 ? '今天截止' : `还有 ${d} 天`),
    exceptions: '已采纳的例外',
    staleExceptions: '未匹配任何问题的例外（可能已过时）',
    accepted: (who: string, note: string) => `（已由${who}复核：${note}）`,
    written: '已写出',
    allPass: '全部通过。',
    allScreenedPass: '已审核的人员全部通过；上面列出的文件或表格中的人员未审核。',
    notesHint: '（"提示"级别的说明未在此列出，见批注版工作簿或 --format json）',
  },
  en: {
    header: (r: RunResult) => `Rule set ${r.ruleSet.id} (${r.ruleSet.notice}) · as of ${r.asOf}`,
    input: (file: string, sheet: string, row: number, n: number) => `${file} [${sheet}] header row ${row}, ${n} applicant(s)`,
    verdict: (s: RunResult['summary']) => `pass ${s.pass} · review ${s.review} · fail ${s.fail} (${s.total} in all)`,
    status: { pass: 'pass', review: 'review', fail: 'fail' } as Record<Status, string>,
    row: (n: number) => `row ${n}`,
    unchecked: 'Not checked (the roster lacks the columns these conditions need)',
    problems: 'Notes',
    unreadable: (n: number) => `Files or tables that could not be read (${n}): their applicants were not screened and are not counted above`,
    deadlines: 'Deadlines',
    daysLeft: (d: number) => (d < 0 ? `passed ${-d} day(s) ago` : d === 0 ? 'due today' : `${d} day(s) left`),
    exceptions: 'Accepted exceptions',
    staleExceptions: 'Exceptions that matched nothing (may be stale)',
    accepted: (who: string, note: string) => ` (accepted by ${who}: ${note})`,
    written: 'Written',
    allPass: 'Everyone passes.',
    allScreenedPass: 'Everyone screened passes; the applicants of the files or tables listed above were not screened.',
    notesHint: '(notes of level "info" are not listed here; see the annotated workbook or --format json)',
  },
};

const mark: Record<Severity, string> = { error: '✗', warn: '!', info: 'i' };

// Roster text must not drive the terminal: an ESC in a cell could clear or recolour the screen,
// and a bidi override (U+202E …) could show text reversed, hiding what it says.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const clean = (s: string): string => s.replace(CONTROL, ' ');

/** A rule as the reader sees it: its short title (zh or en); ids stay in JSON and CSV. */
function ruleLabel(run: RunResult, lang: Lang): (ruleId: string) => string {
  const name = ruleNamer(run.rules, lang);
  return (id) => clean(name(id));
}

/** The default output: counts, then every applicant who is not 通过 with every reason. */
export function formatTerminal(run: RunResult, options: TerminalOptions): string {
  const t = T[options.lang];
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const sev = (s: Severity) => (s === 'error' ? c.red : s === 'warn' ? c.yellow : c.cyan);
  const out: string[] = [];
  const rule = ruleLabel(run, options.lang);
  out.push(c.dim(`${run.tool.name} ${run.tool.version} · ${t.header(run)}`));
  // A past round's rule set comes first: every verdict below is judged by it.
  if (run.pastRound) out.push(c.yellow.bold(clean(`! ${run.pastRound[options.lang]}`)));
  for (const i of run.inputs) out.push(c.dim(clean(t.input(i.file, i.sheet, i.headerRow, i.applicants))));
  out.push('');
  out.push(c.bold(t.verdict(run.summary)));
  // Right under the counts: the applicants of these files are missing from everything below.
  const unreadable = run.problems.filter((p) => p.unreadable);
  if (unreadable.length) {
    out.push(c.red.bold(t.unreadable(unreadable.length)));
    for (const p of unreadable) {
      const message = options.mask ? maskText(p.message[options.lang]) : p.message[options.lang];
      // Most such messages name the file already.
      out.push(c.red(clean(`  ✗ ${message.includes(p.file) ? '' : `${p.file}: `}${message}`)));
    }
  }

  for (const status of ['fail', 'review'] as const) {
    const list = run.applicants.filter((a) => a.status === status);
    if (list.length === 0) continue;
    out.push('');
    out.push((status === 'fail' ? c.red.bold : c.yellow.bold)(`${t.status[status]} (${list.length})`));
    for (const raw of list) out.push(...applicantLines(options.mask ? maskApplicant(raw) : raw, run, options, c, sev, rule));
  }
  // Applicants not screened (a file or a table that could not be read) leave no run clean.
  if (run.summary.pass === run.summary.total) out.push(unreadable.length ? c.yellow(t.allScreenedPass) : c.green(t.allPass));
  if (run.applicants.some((a) => a.findings.some((f) => f.severity === 'info' && !f.exception))) out.push(c.dim(t.notesHint));

  if (run.unchecked.length) {
    out.push('', c.bold(t.unchecked));
    // With several rosters, name the ones the condition was not checked in (not always all of them).
    const several = run.inputs.length > 1;
    for (const u of run.unchecked) {
      const where = several && u.files.length ? ` [${u.files.map((f) => path.basename(f)).join(options.lang === 'zh' ? '、' : ', ')}]` : '';
      out.push(`  - ${rule(u.ruleId)}: ${clean(u.reason[options.lang] + where)}`);
    }
  }
  out.push('', c.bold(t.deadlines));
  for (const d of run.deadlines) {
    const left = t.daysLeft(d.daysLeft);
    out.push(`  - ${d.label[options.lang]} ${d.date}  ${d.daysLeft < 0 ? c.dim(left) : left}`);
  }
  const used = run.exceptions.filter((e) => e.matched > 0);
  const stale = run.exceptions.filter((e) => e.matched === 0);
  if (used.length) {
    out.push('', c.bold(t.exceptions));
    const note = (s: string) => (options.mask ? maskText(s) : s);
    for (const e of used) out.push(clean(`  - ${rule(e.entry.ruleId)} · ${e.entry.reviewer} ${e.entry.date} · ${note(e.entry.note)} (${e.entry.origin})`));
  }
  if (stale.length) {
    out.push('', c.yellow.bold(t.staleExceptions));
    for (const e of stale) out.push(clean(`  - ${rule(e.entry.ruleId)} · ${e.entry.origin}`));
  }
  const problems = run.problems.filter((p) => p.message !== run.pastRound && !p.unreadable);
  if (problems.length) {
    out.push('', c.bold(t.problems));
    for (const p of problems) out.push(clean(`  - ${p.file}: ${options.mask ? maskText(p.message[options.lang]) : p.message[options.lang]}`));
  }
  if (options.written?.length) {
    out.push('', c.bold(t.written));
    for (const w of options.written) out.push(`  ${clean(w)}`);
  }
  return `${out.join('\n')}\n`;
}

function applicantLines(
  a: ApplicantResult,
  run: RunResult,
  options: TerminalOptions,
  c: ChalkInstance,
  sev: (s: Severity) => ChalkInstance,
  rule: (ruleId: string) => string,
): string[] {
  const t = T[options.lang];
  const where = `${run.inputs.length > 1 ? `${a.file} ` : ''}${sheetLabel(run.inputs, a)}`;
  const lines = [`  ${clean(where)}${t.row(a.row)}  ${c.bold(clean(a.name) || '—')}  ${clean(a.idNumber)}  ${clean(a.unit)}`];
  const order: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
  // Notes (info) are not reasons; the terminal keeps to what must be acted on, plus accepted exceptions.
  const shown = a.findings.filter((f) => f.severity !== 'info' || f.exception);
  for (const f of shown.sort((x, y) => order[x.severity] - order[y.severity])) {
    const cell = f.cell ? `${f.cell} ` : '';
    const accepted = f.exception ? t.accepted(f.exception.reviewer, f.exception.note) : '';
    const text = clean(`${cell}${f.message[options.lang]}${accepted}`);
    lines.push(`    ${sev(f.severity)(mark[f.severity])} ${c.dim(`[${rule(f.ruleId)}]`)} ${text} ${c.dim(f.source[options.lang])}`);
  }
  return lines;
}
