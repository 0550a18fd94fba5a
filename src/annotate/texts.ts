import type { Finding, Lang, Status } from '../core/types.js';
import { severityRank } from '../core/status.js';
import { fitCell } from '../ooxml/cell-text.js';
import { SEVERITY_LABEL } from '../regional/labels.js';

// Every word the annotated workbook shows, in both languages, and the texts we build from findings.

export const LABELS = {
  zh: {
    verdict: '预审结论',
    reasons: '预审意见',
    summarySheet: '预审汇总',
    rulesSheet: '预审规则',
    status: { pass: '通过', review: '待复核', fail: '不通过' } as Record<Status, string>,
    noteMarker: '【预审】',
    author: '预审',
    sourcePrefix: '依据：',
    exception: (e: NonNullable<Finding['exception']>) => `已接受例外（${e.reviewer}，${e.date}）：${e.note}`,
  },
  en: {
    verdict: 'Verdict',
    reasons: 'Reasons',
    summarySheet: 'Screening summary',
    rulesSheet: 'Screening rules',
    status: { pass: 'pass', review: 'review', fail: 'fail' } as Record<Status, string>,
    noteMarker: '[Screening]',
    author: 'Screening',
    sourcePrefix: 'Source: ',
    exception: (e: NonNullable<Finding['exception']>) => `Exception accepted (${e.reviewer}, ${e.date}): ${e.note}`,
  },
} as const;

/** Header texts of our two columns in either language (a re-screen may switch language). */
export const OUR_HEADER_PAIRS: readonly [string, string][] = [
  [LABELS.zh.verdict, LABELS.zh.reasons],
  [LABELS.en.verdict, LABELS.en.reasons],
];

export const OUR_SHEET_NAMES: readonly string[] = [
  LABELS.zh.summarySheet,
  LABELS.zh.rulesSheet,
  LABELS.en.summarySheet,
  LABELS.en.rulesSheet,
];

/** Which of our sheets a sheet name is, in either language, with or without the ` (2)` a name clash added. */
export function ourSheetRole(name: string): 'summary' | 'rules' | null {
  const base = name.replace(/ \(\d+\)$/, '');
  if (base === LABELS.zh.summarySheet || base === LABELS.en.summarySheet) return 'summary';
  if (base === LABELS.zh.rulesSheet || base === LABELS.en.rulesSheet) return 'rules';
  return null;
}

export const NOTE_MARKERS: readonly string[] = [LABELS.zh.noteMarker, LABELS.en.noteMarker];

export const OUR_AUTHORS: readonly string[] = [LABELS.zh.author, LABELS.en.author];

/** Errors first, then warnings, then info; otherwise in the order the rules reported them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

/** How a rule is named to the reader (src/format/rule-names.ts); the id when not given. */
export type RuleName = (ruleId: string) => string;

/** One line of the 预审意见 cell. */
export function reasonLine(f: Finding, lang: Lang, rule: RuleName = (id) => id): string {
  const src = f.source[lang].trim();
  let line = `[${rule(f.ruleId)}] ${f.message[lang].trim()}`;
  // Sources come bracketed already (renderSources): bracket only one that is not.
  if (src) line += lang === 'zh' ? (src.startsWith('〔') ? src : `〔${src}〕`) : src.startsWith('[') ? ` ${src}` : ` [${src}]`;
  if (f.exception) line += lang === 'zh' ? `（${LABELS.zh.exception(f.exception)}）` : ` (${LABELS.en.exception(f.exception)})`;
  return line;
}

/** The 预审意见 cell: one line per finding, cut visibly at Excel's cell limit. */
export function reasonsText(findings: readonly Finding[], lang: Lang, rule?: RuleName): string {
  return fitCell(
    sortFindings(findings)
      .map((f) => reasonLine(f, lang, rule))
      .join('\n'),
  );
}

/** The body of our note for one cell (without the marker): a block per finding. */
export function noteText(findings: readonly Finding[], lang: Lang, rule: RuleName = (id) => id): string {
  const L = LABELS[lang];
  return sortFindings(findings)
    .map((f) => {
      // A finding's level in the one vocabulary for findings (错误/警告/提示), never a verdict's word.
      const lines = [`${SEVERITY_LABEL[lang][f.severity]} [${rule(f.ruleId)}]`, f.message[lang].trim()];
      const src = f.source[lang].trim();
      if (src) lines.push(`${L.sourcePrefix}${src}`);
      if (f.exception) lines.push(L.exception(f.exception));
      return lines.join('\n');
    })
    .join('\n\n');
}
