import type { Lang, Localized } from '../core/types.js';
import { UserError } from '../core/user-error.js';
import { commandName } from '../core/command-name.js';

export type IssuePath = readonly (string | number)[];

/**
 * One problem found in a rule-set file. Whether it is an error or a warning is decided by the list it
 * sits in. `code` is stable (tests, JSON output); `message` says what is wrong in both languages.
 */
export interface RuleIssue {
  code: string;
  path: IssuePath;
  message: Localized;
  /** The file shown to the user (for the bundled set during development, possibly a part file). */
  file: string;
  /** 1-based line and column, when the path could be placed in the text. */
  line?: number;
  col?: number;
  /** Offset in the parsed text: orders issues as they appear, across part files too. */
  offset?: number;
}

/** `rules[7].params.minHours`; `(root)` for the whole file. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(root)';
}

/** `rules.yaml:42 rules[7].params.minHours: 应为数字` — the form every rule-set message takes. */
export function formatIssue(issue: RuleIssue, lang: Lang): string {
  const col = issue.code === 'syntax' && issue.col !== undefined ? `:${issue.col}` : '';
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}${col}` : issue.file;
  const path = issue.path.length ? ` ${formatPath(issue.path)}` : '';
  return `${where}${path}: ${issue.message[lang]}`;
}

/** In the order they appear in the text, so a list reads top to bottom like the file. */
export function sortIssues(issues: RuleIssue[]): RuleIssue[] {
  return [...issues].sort((a, b) => (a.offset ?? Number.MAX_SAFE_INTEGER) - (b.offset ?? Number.MAX_SAFE_INTEGER));
}

const SHOWN = 20;

/** The fatal error for `--rules FILE` and the other commands that need a usable rule set (exit 2). */
export function ruleSetError(origin: string, errors: RuleIssue[], code = 'rules-invalid'): UserError {
  const sorted = sortIssues(errors);
  const lines = (lang: Lang) => {
    const shown = sorted.slice(0, SHOWN).map((i) => `  ${formatIssue(i, lang)}`);
    const more = sorted.length - SHOWN;
    if (more > 0) shown.push(lang === 'zh' ? `  ……另有 ${more} 处` : `  … and ${more} more`);
    return shown.join('\n');
  };
  const hint = {
    zh: `运行 ${commandName()} rules check ${origin} 可列出全部问题。`,
    en: `Run ${commandName()} rules check ${origin} to list every problem.`,
  };
  if (code === 'rules-syntax') {
    return new UserError(code, {
      zh: `规则集 ${origin} 无法解析：\n${lines('zh')}`,
      en: `Rule set ${origin} cannot be parsed:\n${lines('en')}`,
    });
  }
  return new UserError(code, {
    zh: `规则集 ${origin} 有 ${sorted.length} 处错误：\n${lines('zh')}\n${hint.zh}`,
    en: `Rule set ${origin} has ${sorted.length} error(s):\n${lines('en')}\n${hint.en}`,
  });
}
