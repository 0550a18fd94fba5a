// Issue 20: command-line mistakes are told in the user's language (zh by default, en with
// --lang en), with exit code 2 and a pointer to --help — never commander's English.
import { describe, expect, it } from 'vitest';
import { optionErrorText } from '../../src/cli/option-errors.js';
import { runCli } from '../helpers/run-cli.js';

describe('optionErrorText', () => {
  it('says each kind of mistake in zh and en, keeping the names commander quoted', () => {
    expect(optionErrorText('commander.unknownOption', "error: unknown option '--fial-on'\n(Did you mean --fail-on?)", 'zh')).toBe(
      '没有选项 --fial-on。是不是要用 --fail-on？\n运行 roster-screen --help 查看用法。',
    );
    expect(optionErrorText('commander.unknownOption', "error: unknown option '--bogus'", 'en')).toBe('Unknown option --bogus.\nRun roster-screen --help for usage.');
    expect(optionErrorText('commander.optionMissingArgument', "error: option '--out-dir <dir>' argument missing", 'zh')).toContain('选项 --out-dir 后面要写一个值');
    // Arguments by what they are, not by their names in the usage line.
    expect(optionErrorText('commander.missingArgument', "error: missing required argument 'file'", 'zh')).toContain('缺少规则集文件。');
    expect(optionErrorText('commander.missingArgument', "error: missing required argument 'b'", 'en')).toContain('Missing the second rule set to compare.');
    expect(optionErrorText('commander.missingArgument', "error: missing required argument 'other'", 'zh')).toContain('缺少参数 other。');
    expect(optionErrorText('commander.missingMandatoryOptionValue', "error: required option '--from <id>' not specified", 'en')).toContain('Option --from <id> is required.');
    expect(
      optionErrorText('commander.invalidArgument', "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are terminal, json.", 'zh'),
    ).toContain('选项 --format 的值 xml 无效，可用的值：terminal、json');
    expect(optionErrorText('commander.excessArguments', 'error: too many arguments. Expected 1 argument but got 2.', 'zh')).toContain('参数太多');
    // `rules bogus`: the default subcommand got one argument too many; it may be a misspelt command.
    expect(optionErrorText('commander.excessArguments', "error: too many arguments for 'list'. Expected 0 arguments but got 1.", 'zh')).toContain('没有这个命令，或命令 list 后面的参数太多。');
  });

  it('commander\'s own help lines are in both languages, as ours are', () => {
    const r = runCli(['--help']);
    expect(r.stdout).toContain('显示帮助 / show help');
    expect(r.stdout).toContain('显示版本号 / show the version');
    expect(r.stdout).not.toMatch(/display help for command|output the version number/);
  });
});

describe('the built command', () => {
  it('an unknown option: Chinese by default, exit 2, no English', () => {
    const r = runCli(['samples/employer/花名册-杭州某某科技.xlsx', '--fial-on', 'review']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('错误: 没有选项 --fial-on');
    expect(r.stderr).toContain('roster-screen --help');
    expect(r.stderr).not.toMatch(/unknown option/i);
  });

  it('a bad choice with --lang en: English', () => {
    const r = runCli(['samples/employer/花名册-杭州某某科技.xlsx', '--lang', 'en', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Error: Option --format: xml is not valid; allowed: terminal, json.');
  });

  // `rules bogus`: list is the default subcommand, but the user never typed it: name the word that
  // is no subcommand of rules and the ones there are.
  it('an unknown subcommand of rules: named, with the subcommands, in zh and en; exit 2, no stack', () => {
    const zh = runCli(['rules', 'bogus']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('错误: rules 没有子命令 bogus；可用的子命令：list、init、check、test、diff');
    expect(zh.stderr).not.toMatch(/list 后面|too many|\bat /);
    const en = runCli(['rules', 'bogus', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('Error: rules has no subcommand bogus; available subcommands: list, init, check, test, diff');
    // Typed list and more: too many arguments for list, as before.
    const typed = runCli(['rules', 'list', 'bogus']);
    expect(typed.status).toBe(2);
    expect(typed.stderr).toContain('命令 list 后面的参数太多');
    expect(runCli(['rules', '--format', 'md']).status).toBe(0);
  });

  it('a subcommand option missing its value (zh)', () => {
    const r = runCli(['rules', 'init', '--from']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('选项 --from 后面要写一个值');
  });
});
