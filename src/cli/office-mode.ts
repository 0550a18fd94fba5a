import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { withBesideRules, RULES_BESIDE_NAME } from './beside-rules.js';
import { EXIT_OK } from './exit-codes.js';
import { main } from './main.js';
import { processOutput, type Output } from './output.js';
import { commandName, setCommandNameFrom } from '../core/command-name.js';

// The single-file executable's start (scripts/dist.mjs). Explorer starts it with the dropped files
// and folders as its only arguments, or with none on a double click, in a console window that
// closes when it ends. "Office mode" then screens with the defaults, writes beside the input, opens
// the HTML report in the browser and waits for a key. Any option makes it exactly the CLI; `--no-pause`, its one option
// of its own, keeps office mode without the wait (as a non-interactive stdin does).
//
// Chinese on a Windows console needs no code page: Node writes to a console with WriteConsoleW
// (UTF-16) whatever the code page is, and `chcp` would leave the user's console changed after we exit.

const COMMANDS = new Set(['rules', 'template', 'help']);

/** What office mode takes from the process; tests give their own (an opener that only records). */
export interface ExecutableEnv {
  /** The executable's own path: a rule file beside it is used. */
  execPath: string;
  /** argv[0] as the executable was started, for the hints that name it. */
  argv0: string;
  stdinIsTTY: boolean;
  /** Opens a file in its default program (the HTML report in the browser). */
  open(file: string, io: Output): Promise<void>;
}

/** Runs the executable with process.argv (`[exe, exe, ...args]`); resolves to the exit code. */
export async function runExecutable(argv: string[], env: ExecutableEnv = processEnv(), io: Output = processOutput()): Promise<number> {
  setCommandNameFrom(env.argv0);
  const args = argv.slice(2).filter((a) => a !== '--no-pause');
  const noPause = args.length < argv.length - 2;
  const interactive = env.stdinIsTTY;
  const cliArgv = (rest: string[]) => ['node', 'roster-screen', ...withBesideRules(rest, env.execPath, io)];
  if (!args.every((a) => !a.startsWith('-') && !COMMANDS.has(a)) || !(interactive || noPause)) return main(cliArgv(args), io);

  const code = args.length === 0 ? await explainAndOfferTemplate(io, interactive, env, cliArgv) : await screenDropped(args, io, env, cliArgv);
  if (interactive && !noPause) {
    io.err('\n按任意键关闭窗口…\n');
    await readKey();
  }
  return code;
}

function processEnv(): ExecutableEnv {
  return { execPath: process.execPath, argv0: process.argv0, stdinIsTTY: Boolean(process.stdin.isTTY), open: openInDefaultApp };
}

/** The HTML report written for one dropped roster: beside it, named after it (`花名册.xlsx` → `花名册.预审报告.html`). */
function reportBeside(roster: string): string {
  return path.join(path.dirname(roster), `${path.basename(roster, path.extname(roster))}.预审报告.html`);
}

// One roster: its annotated copy and its HTML report beside it. Several rosters or a folder: every
// output in a 预审结果 folder beside the (first) input. Either way the HTML report is opened.
async function screenDropped(paths: string[], io: Output, env: ExecutableEnv, cliArgv: (rest: string[]) => string[]): Promise<number> {
  const files = paths.map((p) => path.resolve(p));
  const combined = files.length > 1 || statSync(files[0]!, { throwIfNoEntry: false })?.isDirectory() === true;
  const outDir = path.join(path.dirname(files[0]!), '预审结果');
  // (The combined outputs' module loads exceljs: imported only when needed, as screen-command does.)
  const report = combined ? path.join(outDir, (await import('../regional/write-combined.js')).COMBINED_NAMES.zh.html) : reportBeside(files[0]!);
  const started = Date.now();
  const code = await main(cliArgv([...(combined ? ['--out-dir', outDir] : ['--html', report]), ...files]), io);
  // Only what this run wrote: a report left by an earlier run is not this run's result.
  if ((statSync(report, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= started - 2000) await env.open(report, io);
  return code;
}

async function explainAndOfferTemplate(io: Output, interactive: boolean, env: ExecutableEnv, cliArgv: (rest: string[]) => string[]): Promise<number> {
  const here = path.dirname(env.execPath);
  const me = commandName();
  io.out(
    [
      'roster-screen：正高级工程师申报人员花名册预审',
      '',
      '用法：',
      '  · 把花名册（.xlsx / .xls / .csv）拖到本程序的图标上：批注副本（文件名带 .screened）和预审报告（文件名带 .预审报告.html）写在花名册旁，并在浏览器中打开预审报告。',
      '  · 一次拖入多个花名册或一个文件夹：结果写入旁边的“预审结果”文件夹（批注副本、推荐名单、退回清单、预审报告），并打开预审报告。',
      `  · 本程序旁放一个 ${RULES_BESIDE_NAME}，即按该规则集预审（用于新一轮的规则更新；生成方法：${me} rules init --help）。`,
      `  · 空白花名册模板：在命令提示符中运行 ${me} template`,
      `  · 全部选项：在命令提示符中运行 ${me} --help`,
      '',
    ].join('\n'),
  );
  if (!interactive) return EXIT_OK;
  io.out(`按 Y 在本程序所在文件夹（${here}）生成空白花名册模板；按其他键退出。\n`);
  if (!/^y/i.test(await readKey())) return EXIT_OK;
  return main(cliArgv(['template', '--out', here]), io);
}

function readKey(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve('');
  return new Promise((resolve) => {
    stdin.setRawMode(true);
    stdin.resume();
    stdin.once('data', (data: Buffer) => {
      stdin.setRawMode(false);
      stdin.pause();
      resolve(data.toString('utf8'));
    });
  });
}

// explorer.exe opens a file with its default program without a shell parsing the path (& % ^ in
// folder names); a missing opener only costs the user a click.
function openInDefaultApp(file: string, io: Output): Promise<void> {
  const opener = process.platform === 'win32' ? 'explorer.exe' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  return new Promise((resolve) => {
    const child = spawn(opener, [file], { detached: true, stdio: 'ignore' });
    child.once('spawn', () => {
      io.err(`正在打开：${file}\n`);
      child.unref();
      resolve();
    });
    child.once('error', () => {
      io.err(`未能自动打开，请手动打开：${file}\n`);
      resolve();
    });
  });
}
