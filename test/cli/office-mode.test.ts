// Office mode (src/cli/office-mode.ts), the single-file executable's start, run in-process: files
// dropped on it are screened with the defaults, the HTML report is written and opened (here the
// opener only records), and every hint names the executable as it was started.
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commandName, resetCommandName, setCommandNameFrom } from '../../src/core/command-name.js';
import { runExecutable, type ExecutableEnv } from '../../src/cli/office-mode.js';
import type { Output } from '../../src/cli/output.js';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { outputText } from '../helpers/output-text.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ID = '110101198001010012';
let roster: Buffer;

beforeAll(async () => {
  roster = await makeRosterBuffer({ rows: [applicant({ name: '张三', idNumber: ID }), applicant({ name: '李四' })] });
});

afterEach(() => {
  resetCommandName();
  process.exitCode = undefined;
});

async function run(args: string[], argv0 = '/opt/办公/roster-screen-linux-x64') {
  const opened: string[] = [];
  const text = { err: '' };
  const stdout = outputText();
  const io: Output = { out: (t) => stdout.write(t), err: (t) => void (text.err += t), stdoutIsTTY: false, stderrIsTTY: false, color: false };
  const env: ExecutableEnv = {
    execPath: path.join(makeTempDir('rs-exe-dir-'), 'roster-screen-linux-x64'),
    argv0,
    stdinIsTTY: false,
    open: (file) => {
      opened.push(file);
      return Promise.resolve();
    },
  };
  const code = await runExecutable([argv0, argv0, ...args], env, io);
  return { code, opened, out: stdout.text(), ...text };
}

describe('office mode: files dropped on the executable', () => {
  it('one roster: annotated copy and HTML report beside it, the report opened, both named in the summary', async () => {
    const dir = path.join(makeTempDir('rs-office-'), '某某 单位');
    mkdirSync(dir);
    const file = path.join(dir, '花名册 2024.xlsx');
    writeFileSync(file, roster);
    const r = await run(['--no-pause', file]);
    expect([0, 1], r.err).toContain(r.code);
    const report = path.join(dir, '花名册 2024.预审报告.html');
    const copy = path.join(dir, '花名册 2024.screened.xlsx');
    expect(r.opened).toEqual([report]);
    expect(r.out).toContain(report);
    expect(r.out).toContain(copy);
    expect(readFileSync(copy).subarray(0, 2).toString()).toBe('PK');
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('张三');
    expect(html).not.toContain(ID);
    expect(readFileSync(file).equals(roster)).toBe(true);
  });

  it('a folder: every output in 预审结果 beside it, and its 预审报告.html opened', async () => {
    const office = makeTempDir('rs-office-');
    const folder = path.join(office, '各单位 花名册');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '甲单位.xlsx'), roster);
    writeFileSync(path.join(folder, '乙单位.xlsx'), await makeRosterBuffer({ rows: [applicant({ name: '王五', idNumber: '110101198001010038' })] }));
    const r = await run(['--no-pause', folder]);
    expect([0, 1], r.err).toContain(r.code);
    const report = path.join(office, '预审结果', '预审报告.html');
    expect(r.opened).toEqual([report]);
    expect(r.out).toContain(path.join(office, '预审结果', '推荐名单.xlsx'));
    expect(readFileSync(report, 'utf8')).toContain('王五');
  });

  it('opens nothing when the roster could not be screened, not even an earlier run’s report', async () => {
    const dir = makeTempDir('rs-office-');
    const file = path.join(dir, '花名册.xlsx');
    writeFileSync(file, 'not a workbook');
    const stale = path.join(dir, '花名册.预审报告.html');
    writeFileSync(stale, '<p>earlier run</p>');
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const r = await run(['--no-pause', file]);
    expect(r.code).toBe(2);
    expect(r.opened).toEqual([]);
    expect(r.err).toContain('花名册.xlsx');
  });
});

describe('office mode: hints name the executable as it was started', () => {
  it('started with no files, explains drag and drop and how to make the template with its own name', async () => {
    const r = await run(['--no-pause'], './roster-screen-linux-x64');
    expect(r.code).toBe(0);
    expect(r.out).toContain('把花名册');
    expect(r.out).toContain('预审报告');
    expect(r.out).toContain('./roster-screen-linux-x64 template');
    expect(r.out).not.toMatch(/roster-screen (template|--help)/);
    expect(r.opened).toEqual([]);
  });

  it('a mistyped option tells the user to run the executable with --help', async () => {
    const r = await run(['--no-such-option'], 'roster-screen-win-x64.exe');
    expect(r.code).toBe(2);
    expect(r.err).toContain('roster-screen-win-x64.exe --help');
  });

  it('on Windows, a started-from-Explorer path becomes the file name; a name with a space is quoted', () => {
    setCommandNameFrom('C:\\Users\\人事处\\Desktop\\roster-screen-win-x64.exe', 'win32');
    expect(commandName()).toBe('roster-screen-win-x64.exe');
    setCommandNameFrom('D:\\工具\\预审 工具.exe', 'win32');
    expect(commandName()).toBe('"预审 工具.exe"');
    setCommandNameFrom('.\\roster-screen-win-x64', 'win32');
    expect(commandName()).toBe('.\\roster-screen-win-x64');
    setCommandNameFrom('/opt/rs/roster-screen-linux-x64', 'linux');
    expect(commandName()).toBe('/opt/rs/roster-screen-linux-x64');
  });
});
