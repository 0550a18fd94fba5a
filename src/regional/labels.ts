import type { Lang, Severity, Status } from '../core/types.js';

// Words shared by the combined outputs (lists, HTML, Markdown, CSV), in the terminal's vocabulary:
// 通过 / 待复核 / 不通过 for applicants; 错误 / 警告 / 提示 only for findings.

export const STATUS_LABEL: Record<Lang, Record<Status, string>> = {
  zh: { pass: '通过', review: '待复核', fail: '不通过' },
  en: { pass: 'pass', review: 'review', fail: 'fail' },
};

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warn: '警告', info: '提示' },
  en: { error: 'error', warn: 'warning', info: 'info' },
};

export function daysLeftText(lang: Lang, d: number): string {
  if (lang === 'zh') return d < 0 ? `已过 ${-d} 天` : d === 0 ? '今天截止' : `还有 ${d} 天`;
  return d < 0 ? `passed ${-d} day(s) ago` : d === 0 ? 'due today' : `${d} day(s) left`;
}

/** A reason led by its rule's short name, as the lists show it: `【退休年龄】…` (zh), `[Retirement age] …` (en). */
export function withRuleName(lang: Lang, rule: string, text: string): string {
  return lang === 'zh' ? `【${rule}】${text}` : `[${rule}] ${text}`;
}

export function acceptedText(lang: Lang, e: { reviewer: string; date: string; note: string }): string {
  return lang === 'zh' ? `已由${e.reviewer}于${e.date}复核接受：${e.note}` : `accepted by ${e.reviewer} on ${e.date}: ${e.note}`;
}

/** `第5行` / `row 5`. */
export function rowText(lang: Lang, row: number): string {
  return lang === 'zh' ? `第${row}行` : `row ${row}`;
}

export const UNKNOWN: Record<Lang, { unit: string; specialty: string; region: string }> = {
  zh: { unit: '（未填工作单位）', specialty: '（未填申报专业）', region: '（未识别地区）' },
  en: { unit: '(no employer given)', specialty: '(no specialty given)', region: '(region not recognised)' },
};
