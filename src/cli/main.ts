import { Command, CommanderError, Option } from 'commander';
import { isUserError } from '../core/user-error.js';
import type { Lang } from '../core/types.js';
import { maskText } from '../report/mask.js';
import { toolInfo } from '../report/tool-info.js';
import { abandonOutputsSync } from '../output/atomic-write.js';
import { EXIT_ERROR, EXIT_OK, EXIT_SIGINT, EXIT_SIGTERM } from './exit-codes.js';
import { optionErrorText } from './option-errors.js';
import { processOutput, type Output } from './output.js';
import { commandName } from '../core/command-name.js';

/** Process entry: parse argv, run, map every failure to exit code 2 with a message (never a stack). */
export async function main(argv: string[], given?: Output): Promise<number> {
  const lang = langFromArgv(argv);
  const io = given ?? processOutput(lang);
  if (given === undefined) onSignalsCleanUp();
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    code = handleError(err, io, lang, !argv.includes('--no-mask'));
  }
  process.exitCode = code;
  return code;
}

function buildProgram(io: Output, setCode: (code: number) => void): Command {
  const program = new Command(commandName())
    .description('预审浙江省工业和信息化领域正高级工程师申报人员花名册 / Pre-screen rosters for the Zhejiang 正高级工程师 review')
    .version(toolInfo().version, '-v, --version', '显示版本号 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command')
    .exitOverride()
    // Options after a subcommand belong to it (`roster-screen rules list --lang en`), not to the root.
    .enablePositionalOptions()
    // Commander's own error text is English: handleError says it in the user's language instead.
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .showHelpAfterError(false)
    .argument('[files...]', '花名册文件或文件夹（.xlsx / .csv）/ roster files or folders')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['terminal', 'json']).default('terminal'))
    .addOption(new Option('--lang <lang>', '语言 / language').choices(['zh', 'en']).default('zh'))
    .option('--no-mask', '不隐去身份证号和手机号 / show ID and phone numbers in full')
    .option('--no-write', '不写出任何文件 / write no files')
    .option('--out-dir <dir>', '输出目录 / output directory')
    .option('--html <file>', '另写出网页版预审报告 / also write the HTML report to this file')
    .option('--sheet <name>', '只审核此工作表（可重复）/ screen only this sheet (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--as-of <date>', '核验日期 YYYY-MM-DD（默认今天）/ judge as of this date (default today)')
    .addOption(new Option('--fail-on <level>', '何时以退出码1结束 / exit 1 when an applicant reaches').choices(['fail', 'review', 'never']).default('fail'))
    .option('--strict-columns', '缺少阶段性列时也按缺少核心列处理 / treat missing stage columns like core ones')
    .option('--rules <file>', '使用自定义规则集（YAML/JSON）/ use this rule set file')
    .option('--integrity <file>', '诚信档案名单（xlsx/csv）/ integrity-record list')
    .option('--exceptions <file>', '已复核的例外（xlsx/csv）/ accepted exceptions')
    .option('--include-review', '推荐名单另附待复核人员 / add review applicants to the recommendation list')
    .option('--no-progress', '不显示进度 / no progress display')
    .action(async (files: string[], options: Record<string, unknown>, cmd: Command) => {
      if (files.length === 0) {
        cmd.outputHelp();
        setCode(EXIT_ERROR);
        return;
      }
      const { runScreen } = await import('./screen-command.js');
      setCode(await runScreen(files, options, io));
    });

  const rules = program.command('rules').description('查看规则集 / show the active rule set');
  rules
    .command('list', { isDefault: true })
    .description('列出规则 / list the rules')
    .addOption(new Option('--format <format>').choices(['terminal', 'json', 'md']).default('terminal'))
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']).default('zh'))
    .option('--rules <file>', '规则集文件 / rule set file')
    // `rules bogus` reaches the default subcommand as an argument: say which word is no subcommand,
    // not "too many arguments for list" (the user never typed list).
    .allowExcessArguments()
    .action(async (options: Record<string, unknown>, cmd: Command) => {
      if (cmd.args.length) throw excessForList(cmd);
      const { runRulesList } = await import('./rules-command.js');
      setCode(await runRulesList(options, io));
    });
  const tool = (name: string) => async (...args: unknown[]) => {
    const mod = (await import('./rules-tools-command.js')) as unknown as Record<string, (...a: unknown[]) => Promise<number>>;
    setCode(await mod[name]!(...args.slice(0, -1), io));
  };
  rules
    .command('init')
    .description('复制规则集用于新一轮 / copy a rule set to edit for a new round')
    .requiredOption('--from <id>', '来源规则集 / rule set to copy (bundled id or file)')
    .requiredOption('--id <id>', '新规则集编号 / id of the new rule set')
    .option('--year <year>', '新一轮的评审年度（年份随之后移）/ the new round\'s year (years move with it)')
    .option('--out <file>', '输出文件 / output file')
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']).default('zh'))
    .action(tool('runRulesInit'));
  rules
    .command('check <file>')
    .description('检查规则集文件 / lint a rule set file')
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--format <format>').choices(['terminal', 'json']).default('terminal'))
    .action(tool('runRulesCheck'));
  rules
    .command('test <file>')
    .description('运行规则集自带的测试用例 / run the cases a rule set carries')
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--format <format>').choices(['terminal', 'json']).default('terminal'))
    .action(tool('runRulesTest'));
  rules
    .command('diff <a> <b>')
    .description('比较两个规则集 / compare two rule sets')
    .option('--roster <files...>', '用花名册比较结论变化 / show verdict changes on these rosters')
    .option('--as-of <date>', '核验日期 / as-of date')
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--format <format>').choices(['terminal', 'json']).default('terminal'))
    .action(tool('runRulesDiff'));

  program
    .command('template')
    .description('生成本轮花名册模板 / write a blank roster template for the round')
    .option('--out <file>', '输出文件（默认：<评审年度>年度正高级工程师申报人员花名册.xlsx）/ output file (default: <round year>年度正高级工程师申报人员花名册.xlsx)')
    .option('--rules <file>', '规则集文件 / rule set file')
    .addOption(new Option('--lang <lang>').choices(['zh', 'en']).default('zh'))
    .action(async (options: Record<string, unknown>) => {
      const { runTemplate } = await import('./template-command.js');
      setCode(await runTemplate(options, io));
    });
  return program;
}

/** `rules bogus` (list is the default) → no such subcommand; `rules list bogus` → too many arguments. */
function excessForList(list: Command): CommanderError {
  const parent = list.parent!;
  if (parent.args[0] === list.name()) {
    return new CommanderError(1, 'commander.excessArguments', `error: too many arguments for '${list.name()}'. Expected 0 arguments but got ${list.args.length}.`);
  }
  const names = parent.commands.map((c) => c.name()).join(', ');
  return new CommanderError(1, 'roster-screen.unknownSubcommand', `error: '${parent.name()}' has no subcommand '${list.args[0]}'; subcommands: ${names}`);
}

// A message quotes the user's files (a list row, a file name): no terminal control or bidi
// override from there, and no full ID or phone number unless --no-mask.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function handleError(err: unknown, io: Output, lang: Lang, mask: boolean): number {
  if (err instanceof CommanderError) {
    // --help and --version end through here too.
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
    const text = optionErrorText(err.code, err.message, lang);
    if (text) io.err(`${lang === 'zh' ? '错误' : 'Error'}: ${text}\n`);
    return EXIT_ERROR;
  }
  if (isUserError(err)) {
    const text = err.render(lang).replace(UNSAFE, ' ');
    io.err(`${lang === 'zh' ? '错误' : 'Error'}: ${mask ? maskText(text) : text}\n`);
    return EXIT_ERROR;
  }
  // An internal error: a short message without data (the roster holds personal information).
  const name = err instanceof Error ? err.name : 'Error';
  io.err(
    lang === 'zh'
      ? `内部错误（${name}）。输入文件未被修改。请将此信息和版本号 ${toolInfo().version} 反馈给维护者。\n`
      : `Internal error (${name}). The input files were not modified. Please report this with version ${toolInfo().version}.\n`,
  );
  if (process.env.ROSTER_SCREEN_DEBUG) io.err(`${err instanceof Error ? err.stack : String(err)}\n`);
  return EXIT_ERROR;
}

/**
 * Ctrl-C (SIGINT) and SIGTERM: remove the temp files, lock and new folders of the writes under
 * way, then exit 128 + the signal's number (130, 143), as shells expect.
 */
function onSignalsCleanUp(): void {
  for (const [signal, code] of [['SIGINT', EXIT_SIGINT], ['SIGTERM', EXIT_SIGTERM]] as const) {
    if (process.listenerCount(signal) > 0) continue;
    process.once(signal, () => {
      abandonOutputsSync();
      process.exit(code);
    });
  }
}

function langFromArgv(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'zh';
}
