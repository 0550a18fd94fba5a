import type { Lang, Severity } from '../core/types.js';
import { severityRank } from '../core/status.js';
import { allSources, renderSources } from '../rules/citation.js';
import type { RuleSet } from '../rules/schema.js';
import { SEVERITY_LABEL } from '../regional/labels.js';
import { ruleNamer } from './rule-names.js';

export interface RuleRow {
  id: string;
  check: string;
  /** Short name (from the rule set, else derived: src/format/rule-names.ts). */
  title: string;
  severity: Severity;
  outcomes: { outcome: string; severity: Severity; message: string }[];
  description: string;
  source: string;
  confidence: string;
  note?: string;
}

export function ruleRows(rs: RuleSet, lang: Lang): RuleRow[] {
  const name = ruleNamer(rs.rules, lang);
  return rs.rules
    .filter((r) => r.enabled)
    .map((r) => {
      const outcomes = Object.entries(r.outcomes).map(([outcome, o]) => ({ outcome, severity: o.severity, message: o.message[lang] }));
      const severity = outcomes.reduce<Severity>((w, o) => (severityRank(o.severity) > severityRank(w) ? o.severity : w), 'info');
      return {
        id: r.id,
        check: r.check,
        title: name(r.id),
        severity,
        outcomes,
        description: r.description[lang],
        source: renderSources(allSources(r))[lang],
        confidence: r.confidence,
        ...(r.note ? { note: r.note } : {}),
      };
    });
}

const head = {
  zh: { id: '规则', sev: '最高级别', what: '检查内容', src: '依据', conf: '可信度', outcomes: '结果' },
  en: { id: 'Rule', sev: 'Max severity', what: 'What it checks', src: 'Source', conf: 'Confidence', outcomes: 'Outcomes' },
};

/** A rule's confidence mark as a person reads it: N/H/M/L as they are; `design` is 本工具设定 in zh. */
export function confidenceLabel(confidence: string, lang: Lang): string {
  return lang === 'zh' && confidence === 'design' ? '本工具设定' : confidence;
}

/** What the confidence marks mean (rule listings, and the annotated copy's 预审规则 sheet). */
export const confidenceText = {
  zh: 'N=通知原文 H=已见国家/省级规定 M=仅见类似文件 L=推断，待确认 本工具设定=本工具的核对做法（如重复申报、日期先后），非文件规定',
  en: 'N=in the notice, H=in a national/provincial rule we have seen, M=analogous documents only, L=our inference, to confirm, design=a check of this tool (duplicates, date order), not a rule of any document',
};

/** A severity as a person reads it: 错误/警告/提示 in zh; in en the rule set's own word (error/warn/info). */
function severityText(s: Severity, lang: Lang): string {
  return lang === 'zh' ? SEVERITY_LABEL.zh[s] : s;
}

export function formatRulesTerminal(rs: RuleSet, lang: Lang): string {
  const out = [`${rs.id} · ${rs.title[lang]} · ${rs.notice.number}`, confidenceText[lang], ''];
  for (const r of ruleRows(rs, lang)) {
    out.push(`${r.id}  ${r.title}  [${severityText(r.severity, lang)}]  ${confidenceLabel(r.confidence, lang)}`);
    out.push(`  ${r.description}`);
    out.push(`  ${r.source}`);
    for (const o of r.outcomes) out.push(`    ${o.outcome} → ${severityText(o.severity, lang)}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatRulesJson(rs: RuleSet, lang: Lang): string {
  return `${JSON.stringify({ id: rs.id, title: rs.title[lang], notice: rs.notice, rules: ruleRows(rs, lang) }, null, 2)}\n`;
}

export function formatRulesMarkdown(rs: RuleSet, lang: Lang): string {
  const h = head[lang];
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    `# ${rs.title[lang]}`,
    '',
    `${rs.id} · ${rs.notice.number} (${rs.notice.issued})`,
    '',
    `${h.conf}: ${confidenceText[lang]}`,
    '',
    `| ${h.id} | ${h.sev} | ${h.what} | ${h.src} | ${h.conf} | ${h.outcomes} |`,
    '|---|---|---|---|---|---|',
  ];
  for (const r of ruleRows(rs, lang)) {
    const outcomes = r.outcomes.map((o) => `${o.outcome}: ${severityText(o.severity, lang)}`).join('<br>');
    out.push(`| \`${r.id}\` ${esc(r.title)} | ${severityText(r.severity, lang)} | ${esc(r.description)} | ${esc(r.source)} | ${confidenceLabel(r.confidence, lang)} | ${outcomes} |`);
  }
  return `${out.join('\n')}\n`;
}
