import { Chalk } from 'chalk';
import type { Lang } from '../core/types.js';
import { formatIssue, formatPath, type RuleIssue } from './issues.js';
import type { Validation } from './validate.js';
import { commandName } from '../core/command-name.js';

const T = {
  zh: {
    head: (o: string, e: number, w: number) => `规则集 ${o}：${e} 个错误，${w} 个警告`,
    clean: (o: string, rules: number, cases: number) => `规则集 ${o} 检查通过：没有错误或警告（${rules} 条规则，${cases} 个测试用例）。`,
    errors: '错误（须修改，否则无法使用或结论有误）',
    warnings: '警告（请核对；不影响使用）',
    next: (o: string) => `修改后再运行 ${commandName()} rules check ${o}`,
  },
  en: {
    head: (o: string, e: number, w: number) => `Rule set ${o}: ${e} error(s), ${w} warning(s)`,
    clean: (o: string, rules: number, cases: number) => `Rule set ${o} passes: no errors or warnings (${rules} rules, ${cases} cases).`,
    errors: 'Errors (must be fixed: the set cannot be used or would screen wrongly)',
    warnings: 'Warnings (please check; the set can still be used)',
    next: (o: string) => `Fix them and run ${commandName()} rules check ${o} again`,
  },
};

/** `rules check` for people: errors, then warnings, each `file:line path: message`. */
export function formatCheckTerminal(v: Validation, lang: Lang, color: boolean): string {
  const t = T[lang];
  const c = new Chalk({ level: color ? 1 : 0 });
  if (v.errors.length === 0 && v.warnings.length === 0) {
    return `${c.green(t.clean(v.origin, v.ruleSet?.rules.length ?? 0, v.ruleSet?.cases.length ?? 0))}\n`;
  }
  const out = [c.bold(t.head(v.origin, v.errors.length, v.warnings.length))];
  if (v.errors.length) {
    out.push('', c.red(t.errors));
    for (const i of v.errors) out.push(`  ${c.red('✗')} ${formatIssue(i, lang)}`);
  }
  if (v.warnings.length) {
    out.push('', c.yellow(t.warnings));
    for (const i of v.warnings) out.push(`  ${c.yellow('!')} ${formatIssue(i, lang)}`);
  }
  if (v.errors.length) out.push('', c.dim(t.next(v.origin)));
  return `${out.join('\n')}\n`;
}

function issueJson(i: RuleIssue, lang: Lang) {
  return { code: i.code, file: i.file, line: i.line ?? null, column: i.col ?? null, path: formatPath(i.path), message: i.message[lang] };
}

export function formatCheckJson(v: Validation, lang: Lang): string {
  const body = {
    origin: v.origin,
    sha256: v.sha256,
    valid: v.errors.length === 0,
    errorCount: v.errors.length,
    warningCount: v.warnings.length,
    errors: v.errors.map((i) => issueJson(i, lang)),
    warnings: v.warnings.map((i) => issueJson(i, lang)),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
