import { Chalk } from 'chalk';
import type { Lang, Severity, Status } from '../core/types.js';
import { maskText } from '../report/mask.js';
import { originText } from './read-source.js';
import { changePath, type RuleSetChange } from './diff-rule-sets.js';
import type { VerdictDiff } from './diff-verdicts.js';

export interface DiffReport {
  a: string;
  b: string;
  changes: RuleSetChange[];
  /** Present when rosters were given. */
  verdicts?: VerdictDiff & { asOf: string; files: string[] };
}

const STATUS: Record<Lang, Record<Status, string>> = {
  zh: { pass: '通过', review: '待复核', fail: '不通过' },
  en: { pass: 'pass', review: 'review', fail: 'fail' },
};
const SEV: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warn: '警告', info: '提示' },
  en: { error: 'error', warn: 'warning', info: 'info' },
};

const T = {
  zh: {
    head: (a: string, b: string, n: number) => (n ? `规则集比较：${a} → ${b}，${n} 处变化` : `规则集比较：${a} → ${b}，内容相同`),
    kind: { added: '新增', removed: '删除', changed: '修改' },
    rosters: (n: number, asOf: string) => `花名册比较（核验日期 ${asOf}，共 ${n} 人）`,
    counts: (s: Status, x: number, y: number) => `${STATUS.zh[s]} ${x} → ${y}`,
    none: '没有人的结论发生变化。',
    changedN: (n: number) => `结论变化 ${n} 人：`,
    row: (file: string, row: number) => `${file} 第${row}行`,
    same: (n: number) => `另有 ${n} 人结论未变，但问题有增减。`,
    gone: '不再报告',
  },
  en: {
    head: (a: string, b: string, n: number) => (n ? `Rule sets: ${a} → ${b}, ${n} change(s)` : `Rule sets: ${a} → ${b}, no changes`),
    kind: { added: 'added', removed: 'removed', changed: 'changed' },
    rosters: (n: number, asOf: string) => `Rosters (as of ${asOf}, ${n} applicant(s))`,
    counts: (s: Status, x: number, y: number) => `${STATUS.en[s]} ${x} → ${y}`,
    none: 'No applicant changes verdict.',
    changedN: (n: number) => `${n} applicant(s) change verdict:`,
    row: (file: string, row: number) => `${file} row ${row}`,
    same: (n: number) => `${n} more keep their verdict with different findings.`,
    gone: 'no longer reported',
  },
};

/** `rules diff` for people: what the rule sets say differently, then whose verdict moves and why. */
export function formatDiffTerminal(r: DiffReport, lang: Lang, color: boolean): string {
  const t = T[lang];
  const c = new Chalk({ level: color ? 1 : 0 });
  const out = [c.bold(t.head(originText(r.a, lang), originText(r.b, lang), r.changes.length))];
  for (const ch of r.changes) {
    const label = ch.kind === 'added' ? c.green(t.kind.added) : ch.kind === 'removed' ? c.red(t.kind.removed) : c.yellow(t.kind.changed);
    const where = changePath(ch.path);
    const sep = lang === 'zh' ? '：' : ': ';
    if (ch.kind === 'changed') out.push(`  ${label} ${where}${sep}${show(ch.before, lang)} → ${show(ch.after, lang)}`);
    else out.push(`  ${label} ${where}${sep}${show(ch.kind === 'added' ? ch.after : ch.before, lang)}`);
  }
  const v = r.verdicts;
  if (v) {
    out.push('', c.bold(t.rosters(v.applicants, v.asOf)));
    out.push(`  ${(['pass', 'review', 'fail'] as const).map((s) => t.counts(s, v.counts.before[s], v.counts.after[s])).join(' · ')}`);
    if (v.changed.length === 0) out.push(`  ${t.none}`);
    else {
      out.push(`  ${t.changedN(v.changed.length)}`);
      for (const ch of v.changed) {
        const name = ch.name || '—';
        out.push(`  ${c.bold(`${t.row(ch.file, ch.row)} ${name}`)}${lang === 'zh' ? '：' : ': '}${STATUS[lang][ch.before]} → ${statusColor(c, ch.after)(STATUS[lang][ch.after])}`);
        for (const w of ch.why) {
          const sev = w.after ? SEV[lang][w.after] : t.gone;
          const mark = w.after === null ? c.green('−') : w.before === null ? c.red('+') : c.yellow('~');
          const tag = `${sev}${w.cell ? ` ${w.cell}` : ''}`;
          out.push(`      ${mark} ${w.ruleId}${lang === 'zh' ? `（${tag}）` : ` (${tag}) `}${maskText(w.message[lang])}`);
        }
      }
    }
    if (v.sameStatusOtherFindings) out.push(`  ${c.dim(t.same(v.sameStatusOtherFindings))}`);
  }
  return `${out.join('\n')}\n`;
}

function statusColor(c: InstanceType<typeof Chalk>, s: Status) {
  return s === 'fail' ? c.red : s === 'review' ? c.yellow : c.green;
}

function show(v: unknown, lang: Lang): string {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 80)}…` : v;
  if (v && typeof v === 'object' && !Array.isArray(v) && 'zh' in v && 'en' in v) return show((v as Record<Lang, unknown>)[lang], lang);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(lang === 'zh' ? '、' : ', ');
  const json = JSON.stringify(v);
  return json.length > 100 ? `${json.slice(0, 100)}…` : json;
}

export function formatDiffJson(r: DiffReport, lang: Lang): string {
  const body = {
    a: r.a,
    b: r.b,
    changes: r.changes.map((ch) => ({ kind: ch.kind, path: changePath(ch.path), before: ch.before, after: ch.after })),
    ...(r.verdicts
      ? {
          verdicts: {
            asOf: r.verdicts.asOf,
            files: r.verdicts.files,
            applicants: r.verdicts.applicants,
            counts: r.verdicts.counts,
            sameStatusOtherFindings: r.verdicts.sameStatusOtherFindings,
            changed: r.verdicts.changed.map((ch) => ({
              file: ch.file,
              sheet: ch.sheet,
              row: ch.row,
              name: ch.name,
              before: ch.before,
              after: ch.after,
              why: ch.why.map((w) => ({ ruleId: w.ruleId, outcome: w.outcome, cell: w.cell, before: w.before, after: w.after, message: maskText(w.message[lang]) })),
            })),
          },
        }
      : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
