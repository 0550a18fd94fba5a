// The single-file executables (`npm run dist`, scripts/dist.mjs): the Linux one with no node on PATH
// must answer exactly as the CLI does; the Windows one, under Wine when installed, screens a roster
// and writes the annotated copy.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { buildExecutables, HAS_SCRIPT, LINUX_EXE, onConsole, runExe, timeExe, WINDOWS_EXE } from './run-executable.js';
import { HAS_WINE, startWine, winPath } from './wine.js';

const AS_OF = ['--as-of', '2024-03-25', '--no-progress'];
let work: string;
let roster: string;
let folder: string;

beforeAll(() => {
  buildExecutables();
  work = makeTempDir('rs-exe-');
  mkdirSync(path.join(work, '某某 单位'));
  roster = path.join(work, '某某 单位', '花名册 2024.xlsx');
  copyFileSync(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), roster);
  folder = path.join(work, '各单位 花名册');
  cpSync(path.join(ROOT, 'samples/regional'), folder, { recursive: true });
});

function json(stdout: string): unknown {
  return JSON.parse(stdout) as unknown;
}

describe('the Linux executable, with no node on PATH', () => {
  it('reports the employer sample exactly as the CLI does', () => {
    const args = [roster, '--format', 'json', '--no-write', ...AS_OF];
    const exe = runExe(LINUX_EXE, args, work);
    const cli = runCli(args);
    expect(exe.stderr).toBe('');
    expect(exe.status).toBe(cli.status);
    expect(json(exe.stdout)).toEqual(json(cli.stdout));
  });

  it('reports the regional folder exactly as the CLI does (CSV and several workbooks)', () => {
    const args = [folder, '--format', 'json', '--no-write', ...AS_OF];
    const exe = runExe(LINUX_EXE, args, work);
    const cli = runCli(args);
    expect(exe.status).toBe(cli.status);
    expect(json(exe.stdout)).toEqual(json(cli.stdout));
  });

  it('is the CLI: annotated copy beside the roster, commands, exit codes, Chinese errors', () => {
    const screened = runExe(LINUX_EXE, [roster, ...AS_OF], work);
    expect([0, 1]).toContain(screened.status);
    expect(screened.stdout).toMatch(/通过 \d+ · 待复核 \d+ · 不通过 \d+/);
    expect(existsSync(path.join(work, '某某 单位', '花名册 2024.screened.xlsx'))).toBe(true);

    const version = runExe(LINUX_EXE, ['--version'], work);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const rules = runExe(LINUX_EXE, ['rules', 'list', '--format', 'json'], work);
    expect(rules.status).toBe(0);
    expect(json(rules.stdout)).toEqual(json(runCli(['rules', 'list', '--format', 'json']).stdout));
    const template = runExe(LINUX_EXE, ['template', '--out', path.join(work, '模板.xlsx')], work);
    expect(template.status).toBe(0);
    expect(readFileSync(path.join(work, '模板.xlsx')).subarray(0, 2).toString()).toBe('PK');

    const missing = runExe(LINUX_EXE, [path.join(work, '没有这个文件.xlsx')], work);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('没有这个文件.xlsx');
    expect(missing.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(runExe(LINUX_EXE, ['--no-such-option'], work).status).toBe(2);
  });

  it('in office mode (--no-pause) writes the HTML report beside a dropped roster, a 预审结果 folder beside a dropped folder, and says where the report is', () => {
    const office = makeTempDir('rs-office-');
    const dropped = path.join(office, '各单位');
    cpSync(folder, dropped, { recursive: true });
    const r = runExe(LINUX_EXE, ['--no-pause', dropped], office);
    expect([0, 1]).toContain(r.status);
    const results = path.join(office, '预审结果');
    expect(readdirSync(results)).toEqual(expect.arrayContaining(['预审报告.html', '推荐名单.xlsx', '退回清单.xlsx']));
    // No opener on this PATH: the user is told where the report is.
    expect(r.stderr).toContain(path.join(results, '预审报告.html'));

    const one = path.join(office, '某某 单位 花名册.xlsx');
    copyFileSync(roster, one);
    const single = runExe(LINUX_EXE, ['--no-pause', one], office);
    expect([0, 1]).toContain(single.status);
    const report = path.join(office, '某某 单位 花名册.预审报告.html');
    expect(readFileSync(report, 'utf8')).toContain('<html');
    expect(single.stdout).toContain(path.join(office, '某某 单位 花名册.screened.xlsx'));
    expect(single.stderr).toContain(report);

    const started = runExe(LINUX_EXE, ['--no-pause'], office);
    expect(started.status).toBe(0);
    expect(started.stdout).toContain('把花名册');
    expect(started.stdout).toContain(`${LINUX_EXE} template`);
  });

  // As from Explorer: a console (a pseudo-terminal from `script`), a roster dropped, a key to close.
  it.skipIf(!HAS_SCRIPT)(HAS_SCRIPT ? 'on a console, screens a dropped roster, writes its report and waits for a key' : 'skipped: util-linux `script` is not installed', async () => {
    const office = makeTempDir('rs-console-');
    const one = path.join(office, '花名册 一.xlsx');
    copyFileSync(roster, one);
    const r = await onConsole(LINUX_EXE, one, office);
    expect([0, 1], r.output).toContain(r.status);
    expect(r.output).toContain('按任意键关闭窗口');
    expect(r.output).toContain(path.join(office, '花名册 一.预审报告.html'));
    expect(existsSync(path.join(office, '花名册 一.预审报告.html'))).toBe(true);
    expect(existsSync(path.join(office, '花名册 一.screened.xlsx'))).toBe(true);
  });

  it('uses roster-screen.rules.yaml beside it and names it', () => {
    const dir = makeTempDir('rs-beside-');
    const exe = path.join(dir, 'roster-screen-linux-x64');
    copyFileSync(LINUX_EXE, exe);
    const rulesFile = path.join(dir, 'roster-screen.rules.yaml');
    const init = runExe(exe, ['rules', 'init', '--from', 'zj-2023-zhenggao', '--id', 'office-round', '--out', rulesFile], dir);
    expect(init.status, init.stderr).toBe(0);
    // Its next steps name this executable, and no editor schema line points where nothing is.
    expect(init.stdout).toContain(`${exe} rules check ${rulesFile}`);
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(rulesFile, 'utf8'));
    if (schemaLine) expect(existsSync(path.resolve(dir, schemaLine[1]!))).toBe(true);
    const r = runExe(exe, [roster, '--format', 'json', '--no-write', ...AS_OF], dir);
    expect([0, 1], r.stderr).toContain(r.status);
    expect(r.stderr).toContain(rulesFile);
    expect((json(r.stdout) as { ruleSet: { id: string } }).ruleSet.id).toBe('office-round');
  });

  // The target: a 30-row roster in ≤ 1 s with the Linux executable (README: ~0.3 s on an idle
  // 2-core machine). Its CPU time (user + system, the median of 5 runs) is held to that always: it
  // hardly moves with what else the machine runs. The wall-clock median is held to it too unless the
  // machine was busier than its cores (load average), when it only says so: on a shared 2-core CI
  // machine running the other slow tests beside this one, wall time measures the neighbours.
  it('screens a 30-row roster in ≤ 1 s (median of 5 runs)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => applicant({ name: `申报人${i + 1}` }));
    const file = path.join(makeTempDir('rs-speed-'), '花名册.xlsx');
    writeFileSync(file, await makeRosterBuffer({ rows }));
    const load = [os.loadavg()[0]!];
    const runs = Array.from({ length: 5 }, () => timeExe(LINUX_EXE, [file, ...AS_OF], path.dirname(file)));
    load.push(os.loadavg()[0]!);
    for (const r of runs) expect([0, 1]).toContain(r.status);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [real, cpu] = [median(runs.map((r) => r.realMs)), median(runs.map((r) => r.cpuMs))];
    const busy = Math.max(...load) > os.cpus().length;
    console.log(`30-row roster, median of 5: ${Math.round(real)} ms wall, ${Math.round(cpu)} ms CPU; load average ${load.map((l) => l.toFixed(1)).join(' → ')} on ${os.cpus().length} cores${busy ? ' (busy: wall time not held to 1 s)' : ''}`);
    expect(cpu).toBeLessThanOrEqual(1000);
    if (!busy) expect(real).toBeLessThanOrEqual(1000);
  });
});

describe('the Windows executable', () => {
  const name = HAS_WINE
    ? 'screens the sample under Wine as the CLI does, and a roster dropped on it in a Chinese folder with spaces gets its HTML report'
    : 'skipped: wine is not installed (apt-get install -y wine)';
  it.skipIf(!HAS_WINE)(name, () => {
    const wine = startWine();
    try {
      const out = path.join(work, 'wine 结果');
      const r = wine.run([WINDOWS_EXE, winPath(roster), '--out-dir', winPath(out), ...AS_OF]);
      const cliOut = path.join(work, 'cli 结果');
      const cli = runCli([roster, '--out-dir', cliOut, ...AS_OF]);
      expect(r.status, r.stderr).toBe(cli.status);
      expect(r.stdout).toContain('花名册 2024.xlsx');
      expect(r.stdout).toMatch(/通过 \d+ · 待复核 \d+ · 不通过 \d+/);
      expect(readdirSync(out).sort()).toEqual(readdirSync(cliOut).sort());
      expect(readFileSync(path.join(out, '花名册 2024.screened.xlsx')).subarray(0, 2).toString()).toBe('PK');
      type Report = { summary: unknown; applicants: { status: string }[] };
      const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
      const expected = JSON.parse(readFileSync(path.join(cliOut, 'report.json'), 'utf8')) as Report;
      expect(report.summary).toEqual(expected.summary);
      expect(report.applicants.map((a) => a.status)).toEqual(expected.applicants.map((a) => a.status));

      // Dropped on it (only a path, --no-pause for want of a console): the report beside the roster,
      // opened with explorer.exe, and the hints name the .exe.
      const dropped = path.join(work, '某某 单位', '拖入 花名册.xlsx');
      copyFileSync(roster, dropped);
      const office = wine.run([WINDOWS_EXE, '--no-pause', winPath(dropped)]);
      expect([0, 1], office.stderr).toContain(office.status);
      const html = path.join(work, '某某 单位', '拖入 花名册.预审报告.html');
      expect(readFileSync(html, 'utf8')).toContain('<html');
      expect(office.stdout).toContain(winPath(html));
      expect(office.stderr).toContain(winPath(html));
      const mistyped = wine.run([WINDOWS_EXE, '--no-such-option']);
      expect(mistyped.status).toBe(2);
      expect(mistyped.stderr).toContain('roster-screen-win-x64.exe --help');
    } finally {
      wine.stop();
    }
  });
});
