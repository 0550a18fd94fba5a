import { commandName } from '../core/command-name.js';
import type { Lang } from '../core/types.js';

// Command-line mistakes (unknown option, missing argument, bad choice …) in the user's language.
// Commander reports them in English with a code; we keep its facts (the quoted names) and say
// them again in zh or en, with what to do next.

/** Builds the message from what commander quoted (first, second) and its whole English text. */
type Say = (q: [string, string], rest: string) => string;

const HELP: Record<Lang, () => string> = {
  zh: () => `运行 ${commandName()} --help 查看用法。`,
  en: () => `Run ${commandName()} --help for usage.`,
};

/** The commands' arguments (main.ts) by what they are, not by their names in the usage line. */
const ARGUMENTS: Record<string, Record<Lang, string>> = {
  file: { zh: '规则集文件', en: 'the rule set file' },
  a: { zh: '要比较的第一个规则集', en: 'the first rule set to compare' },
  b: { zh: '要比较的第二个规则集', en: 'the second rule set to compare' },
};

const MESSAGES: Record<string, Record<Lang, Say>> = {
  'commander.unknownOption': {
    zh: (q) => `没有选项 ${q[0]}。`,
    en: (q) => `Unknown option ${q[0]}.`,
  },
  'commander.unknownCommand': {
    zh: (q) => `没有命令 ${q[0]}。`,
    en: (q) => `Unknown command ${q[0]}.`,
  },
  'commander.missingArgument': {
    zh: (q) => `缺少${ARGUMENTS[q[0]]?.zh ?? `参数 ${q[0]}`}。`,
    en: (q) => `Missing ${ARGUMENTS[q[0]]?.en ?? `argument ${q[0]}`}.`,
  },
  'commander.optionMissingArgument': {
    zh: (q) => `选项 ${flagOf(q[0])} 后面要写一个值。`,
    en: (q) => `Option ${flagOf(q[0])} needs a value.`,
  },
  'commander.missingMandatoryOptionValue': {
    zh: (q) => `必须给出选项 ${q[0]}。`,
    en: (q) => `Option ${q[0]} is required.`,
  },
  'commander.invalidArgument': {
    zh: (q, rest) => `选项 ${flagOf(q[0])} 的值 ${q[1]} 无效${choicesOf(rest, 'zh')}。`,
    en: (q, rest) => `Option ${flagOf(q[0])}: ${q[1]} is not valid${choicesOf(rest, 'en')}.`,
  },
  // Too many arguments (`rules list bogus`; `rules bogus`, without list, is unknownSubcommand below).
  'commander.excessArguments': {
    zh: (q) => (q[0] ? `没有这个命令，或命令 ${q[0]} 后面的参数太多。` : '参数太多。'),
    en: (q) => (q[0] ? `No such command, or too many arguments for ${q[0]}.` : 'Too many arguments.'),
  },
  // `rules bogus` (main.ts): the command, the word, and its subcommands after `subcommands:`.
  'roster-screen.unknownSubcommand': {
    zh: (q, rest) => `${q[0]} 没有子命令 ${q[1]}；可用的子命令：${subcommandsOf(rest).join('、')}`,
    en: (q, rest) => `${q[0]} has no subcommand ${q[1]}; available subcommands: ${subcommandsOf(rest).join(', ')}`,
  },
  'commander.conflictingOption': {
    zh: (q) => `${q[0]} 不能与 ${q[1]} 同时使用。`,
    en: (q) => `${q[0]} cannot be used with ${q[1]}.`,
  },
};

/**
 * The message for a commander error (its code and English text); a code we do not know keeps the
 * English text. Null when there is nothing to say.
 */
export function optionErrorText(code: string, english: string, lang: Lang): string | null {
  const say = MESSAGES[code]?.[lang];
  if (!say) return english ? `${english.replace(/^error:\s*/, '')}\n${HELP[lang]()}` : null;
  const found = [...english.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const quoted: [string, string] = [found[0] ?? '', found[1] ?? ''];
  const guess = /\(Did you mean ([^)]+?)\?\)/.exec(english)?.[1];
  const hint = guess ? (lang === 'zh' ? `是不是要用 ${guess}？` : `Did you mean ${guess}?`) : '';
  return `${say(quoted, english)}${hint ? `${lang === 'zh' ? '' : ' '}${hint}` : ''}\n${HELP[lang]()}`;
}

/** `--format <format>` → `--format`. */
function flagOf(flags: string): string {
  return flags.split(/[ ,]+/).filter((f) => f.startsWith('--')).pop() ?? flags;
}

function subcommandsOf(english: string): string[] {
  return (/subcommands: (.+)$/m.exec(english)?.[1] ?? '').split(/,\s*/).filter(Boolean);
}

function choicesOf(english: string, lang: Lang): string {
  const m = /Allowed choices are (.+?)\.?$/m.exec(english);
  if (!m) return '';
  return lang === 'zh' ? `，可用的值：${m[1]!.split(/,\s*/).join('、')}` : `; allowed: ${m[1]}`;
}
