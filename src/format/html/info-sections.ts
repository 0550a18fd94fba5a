import path from 'node:path';
import type { Lang } from '../../core/types.js';
import { maskId } from '../../normalize/id-number.js';
import { maskText } from '../../report/mask.js';
import type { RunResult } from '../../report/run-result.js';
import { fileNamer, withoutLocalPaths } from '../../regional/file-names.js';
import { daysLeftText } from '../../regional/labels.js';
import { REPORT_TEXT } from '../../regional/report-text.js';
import { originText } from '../../ruleset/read-source.js';
import { ruleNamer } from '../rule-names.js';
import { esc } from './escape.js';

type Opts = { lang: Lang; mask: boolean };

function table(head: string[], rows: string[][], attrs = ''): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  return `<table${attrs}><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>`;
}

const td = (s: string | number, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${esc(s)}</td>`;

/** 截止时间 with days left relative to the as-of date. */
export function deadlinesSection(run: RunResult, { lang }: Opts): string {
  const t = REPORT_TEXT[lang];
  const h = t.deadlineHead;
  const rows = run.deadlines.map((d) => [td(d.label[lang]), td(d.date), `<td class="num${d.daysLeft < 0 ? ' passed' : ''}" data-days-left="${d.daysLeft}">${esc(daysLeftText(lang, d.daysLeft))}</td>`]);
  return `<section id="deadlines"><h2>${esc(t.deadlines)}</h2>${table([h.what, h.date, h.left], rows)}</section>`;
}

/** The exceptions applied and, separately, those that matched nothing. */
export function exceptionsSection(run: RunResult, { lang, mask }: Opts): string {
  const t = REPORT_TEXT[lang];
  const h = t.exceptionHead;
  const parts = [`<section id="exceptions"><h2>${esc(t.exceptions)}</h2>`];
  if (run.exceptions.length === 0) return `${parts[0]}<p>${esc(t.noExceptions)}</p></section>`;
  const rule = ruleNamer(run.rules, lang);
  const rows = (used: boolean) =>
    run.exceptions
      .filter((e) => (e.matched > 0) === used)
      .map((e) => [
        td(mask ? maskId(e.entry.idNumber) : e.entry.idNumber, 'id'),
        td(rule(e.entry.ruleId)),
        td(e.entry.reviewer),
        td(e.entry.date),
        td(mask ? maskText(e.entry.note) : e.entry.note),
        td(withoutLocalPaths(e.entry.origin, [], (f) => path.basename(f))),
        td(e.matched, 'num'),
      ]);
  const head = [h.id, h.rule, h.reviewer, h.date, h.note, h.origin, h.matched];
  const used = rows(true);
  const stale = rows(false);
  parts.push(used.length ? table(head, used, ' data-exceptions="applied"') : '<p>—</p>');
  if (stale.length) parts.push(`<h3 class="stale">${esc(t.staleExceptions)}</h3>`, table(head, stale, ' data-exceptions="stale"'));
  parts.push('</section>');
  return parts.join('');
}

/** 未核验项: the rules not run for lack of columns, and the files concerned. */
export function uncheckedSection(run: RunResult, { lang }: Opts): string {
  const t = REPORT_TEXT[lang];
  const h = t.uncheckedHead;
  const rule = ruleNamer(run.rules, lang);
  const fileName = fileNamer(run.inputs.map((i) => i.file));
  const body = run.unchecked.length
    ? table(
        [h.rule, h.reason, h.files],
        run.unchecked.map((u) => [td(rule(u.ruleId)), td(u.reason[lang]), td(u.files.map(fileName).join(lang === 'zh' ? '、' : ', '))]),
      )
    : `<p>${esc(t.allChecked)}</p>`;
  return `<section id="unchecked"><h2>${esc(t.unchecked)}</h2>${body}</section>`;
}

export function problemsSection(run: RunResult, { lang }: Opts): string {
  if (run.problems.length === 0) return '';
  const items = run.problems.map((p) => `<li><strong>${esc(p.file)}</strong>: ${esc(p.message[lang])}</li>`).join('');
  return `<section id="problems"><h2>${esc(REPORT_TEXT[lang].problems)}</h2><ul>${items}</ul></section>`;
}

/** Tool, rule set, notice, as-of date, and every input with its hash: enough to reproduce the run. */
export function runSection(run: RunResult, { lang }: Opts): string {
  const t = REPORT_TEXT[lang];
  const h = t.runHead;
  const facts: [string, string][] = [
    [h.tool, esc(`${run.tool.name} ${run.tool.version}`)],
    [h.ruleSet, `<code>${esc(run.ruleSet.id)}</code>`],
    [h.notice, esc(`${run.ruleSet.notice} (${run.ruleSet.noticeIssued})`)],
    [h.origin, esc(originText(run.ruleSet.origin, lang))],
    [h.sha, `<code class="sha">${esc(run.ruleSet.sha256)}</code>`],
    [h.asOf, esc(run.asOf)],
  ];
  const ih = t.inputHead;
  const inputs = table(
    [ih.file, ih.sheet, ih.headerRow, ih.applicants, ih.sha],
    run.inputs.map((i) => [td(i.file), td(i.sheet), td(i.headerRow, 'num'), td(i.applicants, 'num'), `<td><code class="sha">${esc(i.sha256)}</code></td>`]),
    ' id="inputs"',
  );
  return (
    `<section id="run"><h2>${esc(t.run)}</h2>` +
    `<table class="facts"><tbody>${facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>` +
    `<h3>${esc(t.inputs)}</h3>${inputs}</section>`
  );
}
