import type { ApplicantResult, Lang } from '../../core/types.js';
import type { RunResult } from '../../report/run-result.js';
import type { RuleSet } from '../../rules/schema.js';
import { breakdowns, type Breakdowns } from '../../regional/breakdowns.js';
import { SEVERITY_LABEL, STATUS_LABEL } from '../../regional/labels.js';
import { REPORT_TEXT } from '../../regional/report-text.js';
import type { Tally } from '../../regional/tallies.js';
import { applicantsSection } from './applicants-section.js';
import { barChart, type Segment } from './bar-chart.js';
import { ruleNamer } from '../rule-names.js';
import { esc } from './escape.js';
import { deadlinesSection, exceptionsSection, problemsSection, runSection, uncheckedSection } from './info-sections.js';
import { REPORT_CSS } from './styles.js';

export interface HtmlOptions {
  lang: Lang;
  mask: boolean;
  /** For canonical specialty names in the chart; without it, specialties are counted as written. */
  ruleSet?: RuleSet | null;
  regionOf?: (a: ApplicantResult) => string | null;
}

/** Loads nothing: no scripts, no fonts, no images but data: ones, styles inline only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const COLORS = { pass: '#2e7d32', review: '#b26a00', fail: '#c62828' };
const MAX_ROWS = 25;

/** 预审报告.html: one self-contained page to open in a browser or print. */
export function formatHtmlReport(run: RunResult, opts: HtmlOptions): string {
  const pieces: string[] = [];
  writeHtml(run, opts, (piece) => pieces.push(piece));
  return pieces.join('');
}

/** formatHtmlReport handed out in pieces (the applicants one row at a time), for a report written as it is made. */
export function writeHtml(run: RunResult, opts: HtmlOptions, write: (chunk: string) => void): void {
  const { lang } = opts;
  const t = REPORT_TEXT[lang];
  const title = `${t.title} · ${run.ruleSet.title[lang]}`;
  const head = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body><main>',
  ];
  write(`${head.join('\n')}\n`);
  // Each section on a line of its own; an empty one leaves no line.
  const section = (html: string) => {
    if (html) write(`${html}\n`);
  };
  section(`<header><h1>${esc(t.title)}</h1><p class="sub">${esc(t.subtitle(run))}</p><p class="privacy">${esc(opts.mask ? t.masked : t.unmasked)}</p>${run.pastRound ? `<p class="past-round" role="alert">${esc(run.pastRound[lang])}</p>` : ''}</header>`);
  section(verdictSection(run, lang));
  section(chartsSection(run, breakdowns(run, opts), lang));
  applicantsSection(run, opts, write);
  write('\n');
  section(deadlinesSection(run, opts));
  section(exceptionsSection(run, opts));
  section(uncheckedSection(run, opts));
  section(problemsSection(run, opts));
  section(runSection(run, opts));
  section(`<footer>${esc(t.generated(`${run.tool.name} ${run.tool.version}`))}</footer>`);
  write('</main></body>\n</html>\n');
}

function verdictSection(run: RunResult, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const st = STATUS_LABEL[lang];
  const card = (cls: string, n: number, label: string) =>
    `<div class="card ${cls}" data-count="${cls}"><div class="n" id="count-${cls}">${n}</div><div class="l">${esc(label)}</div></div>`;
  const s = run.summary;
  return (
    `<section id="verdict"><h2>${esc(t.verdict)}</h2><div class="cards">` +
    card('pass', s.pass, st.pass) +
    card('review', s.review, st.review) +
    card('fail', s.fail, st.fail) +
    card('total', s.total, t.total) +
    '</div></section>'
  );
}

function chartsSection(run: RunResult, b: Breakdowns, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const st = STATUS_LABEL[lang];
  const statusSegments: Segment[] = [
    { key: 'pass', label: st.pass, color: COLORS.pass },
    { key: 'review', label: st.review, color: COLORS.review },
    { key: 'fail', label: st.fail, color: COLORS.fail },
  ];
  const verdictChart = (name: string, title: string, tallies: Tally[]) =>
    barChart({
      name,
      title,
      segments: statusSegments,
      rows: tallies.map((x) => ({ label: x.label, values: { pass: x.pass, review: x.review, fail: x.fail } })),
      maxRows: MAX_ROWS,
      othersLabel: t.others,
    });
  // Rules by their short title; the key below pairs each with its description.
  const rule = ruleNamer(run.rules, lang);
  const ruleChart = barChart({
    name: 'rule',
    title: t.charts.rule,
    segments: [
      { key: 'error', label: SEVERITY_LABEL[lang].error, color: COLORS.fail },
      { key: 'warn', label: SEVERITY_LABEL[lang].warn, color: COLORS.review },
    ],
    rows: b.byRule.map((r) => ({ label: rule(r.ruleId), values: { error: r.error, warn: r.warn } })),
    maxRows: MAX_ROWS,
    othersLabel: t.others,
  });
  const described = new Map(run.rules.map((r) => [r.id, r.description[lang]]));
  const ruleKey = b.byRule.length
    ? `<p class="note">${esc(t.ruleChartNote)}</p><table class="rule-key"><tbody>${b.byRule
        .map((r) => `<tr><td>${esc(rule(r.ruleId))}</td><td>${esc(described.get(r.ruleId) ?? '')}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return (
    `<section id="charts"><h2>${esc(t.breakdown)}</h2><div class="charts">` +
    verdictChart('specialty', t.charts.specialty, b.bySpecialty) +
    verdictChart('employer', t.charts.employer, b.byEmployer) +
    verdictChart('region', t.charts.region, b.byRegion) +
    `<div>${ruleChart}${ruleKey}</div>` +
    '</div></section>'
  );
}
