import { Chalk } from 'chalk';
import type { Lang, Status } from '../core/types.js';
import { maskText } from '../report/mask.js';
import type { CaseResult } from './run-cases.js';
import { originText } from './read-source.js';

const STATUS: Record<Lang, Record<Status, string>> = {
  zh: { pass: '通过', review: '待复核', fail: '不通过' },
  en: { pass: 'pass', review: 'review', fail: 'fail' },
};

const T = {
  zh: {
    head: (o: string, ok: number, bad: number, asOf: string) => `${o} 的测试用例（核验日期 ${asOf}）：${ok} 个通过，${bad} 个失败`,
    none: (o: string) => `${o} 没有测试用例（cases）。`,
    expected: (s: string, r: string[]) => `预期 ${s}${r.length ? `，报告 ${r.join('、')}` : ''}`,
    actual: (s: string, r: string[]) => `实际 ${s}${r.length ? `，报告 ${r.join('、')}` : ''}`,
    missing: (r: string[]) => `应报告但未报告：${r.join('、')}`,
    unexpected: (r: string[]) => `未列入预期却报告了：${r.join('、')}`,
    allPass: '全部通过。',
  },
  en: {
    head: (o: string, ok: number, bad: number, asOf: string) => `Cases of the ${o} (as of ${asOf}): ${ok} passed, ${bad} failed`,
    none: (o: string) => `The ${o} has no test cases (cases).`,
    expected: (s: string, r: string[]) => `expected ${s}${r.length ? `, reported by ${r.join(', ')}` : ''}`,
    actual: (s: string, r: string[]) => `actual ${s}${r.length ? `, reported by ${r.join(', ')}` : ''}`,
    missing: (r: string[]) => `should have reported: ${r.join(', ')}`,
    unexpected: (r: string[]) => `reported but not expected: ${r.join(', ')}`,
    allPass: 'All cases pass.',
  },
};

/** `rules test` for people: one line per case; failures say what was expected, what came, and why. */
export function formatTestTerminal(origin: string, results: CaseResult[], asOf: string, lang: Lang, color: boolean): string {
  const t = T[lang];
  const c = new Chalk({ level: color ? 1 : 0 });
  // 内置规则集 zj-2023-zhenggao, or 规则集 rules/x.yaml: never the internal token bundled:<id>.
  const named = origin.startsWith('bundled:') ? originText(origin, lang) : `${lang === 'zh' ? '规则集' : 'rule set'} ${origin}`;
  if (results.length === 0) return `${t.none(named)}\n`;
  const bad = results.filter((r) => !r.ok);
  const out = [c.bold(t.head(named, results.length - bad.length, bad.length, asOf))];
  for (const r of results) {
    if (r.ok) {
      out.push(`  ${c.green('✓')} ${r.name}`);
      continue;
    }
    out.push(`  ${c.red('✗')} ${r.name}`);
    out.push(`      ${t.expected(STATUS[lang][r.expected.status], r.expected.rules)}`);
    out.push(`      ${t.actual(STATUS[lang][r.actual.status], r.actual.rules)}`);
    if (r.missing.length) out.push(`      ${t.missing(r.missing)}`);
    if (r.unexpected.length) out.push(`      ${t.unexpected(r.unexpected)}`);
    for (const f of r.findings.filter((x) => x.severity !== 'info')) {
      const mark = f.severity === 'error' ? c.red('✗') : f.severity === 'warn' ? c.yellow('!') : c.cyan('i');
      out.push(c.dim(`        ${mark} ${f.ruleId}/${f.outcome}: ${maskText(f.message[lang])}`));
    }
  }
  if (bad.length === 0) out.push(c.green(t.allPass));
  return `${out.join('\n')}\n`;
}

export function formatTestJson(origin: string, results: CaseResult[], asOf: string, lang: Lang): string {
  const body = {
    origin,
    asOf,
    passed: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    cases: results.map((r) => ({
      name: r.name,
      ok: r.ok,
      expected: r.expected,
      actual: r.actual,
      missing: r.missing,
      unexpected: r.unexpected,
      findings: r.findings.map((f) => ({ ruleId: f.ruleId, outcome: f.outcome, severity: f.severity, message: maskText(f.message[lang]) })),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
