// A folder is searched for rosters; files that look like our own outputs are left out, and the run
// says so (never a silent skip).
import { copyFileSync, mkdirSync, mkdtempSync, promises as fsp, rmSync, symlinkSync, writeFileSync, type PathLike } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readInputFile } from '../../src/io/read-file.js';
import type { Problem } from '../../src/report/run-result.js';
import { expandInputs, skippedOutputsProblem } from '../../src/pipeline/expand-inputs.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'expand-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SAMPLE = path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx');

describe('expandInputs', () => {
  it('lists rosters in name order, recursively, and reports our outputs as skipped', async () => {
    const dir = path.join(tmp, 'a');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    mkdirSync(path.join(dir, '预审结果'));
    for (const f of ['乙.xlsx', '甲.csv', 'sub/丙.xlsx', '甲.screened.xlsx', '推荐名单.xlsx', 'notes.txt', '~$乙.xlsx', '预审结果/推荐名单.xlsx']) {
      writeFileSync(path.join(dir, f), 'x');
    }
    const skipped: string[] = [];
    const files = await expandInputs([dir], undefined, skipped);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['sub/丙.xlsx', '乙.xlsx', '甲.csv']);
    expect(skipped.map((f) => path.relative(dir, f)).sort()).toEqual(['推荐名单.xlsx', '甲.screened.xlsx'].sort());
  });

  it('a file named on the command line is taken as given, even if named like an output', async () => {
    const skipped: string[] = [];
    const f = path.join(tmp, 'x.screened.xlsx');
    writeFileSync(f, 'x');
    expect(await expandInputs([f], undefined, skipped)).toEqual([f]);
    expect(skipped).toEqual([]);
  });

  it('the note names the first few files and counts the rest', () => {
    expect(skippedOutputsProblem([])).toBeNull();
    const many = Array.from({ length: 7 }, (_, i) => path.join('/in', `r${i}.screened.xlsx`));
    const p = skippedOutputsProblem(many)!;
    expect(p.file).toBe('/in');
    expect(p.message.zh).toBe('跳过了 7 个本工具生成的文件（r0.screened.xlsx、r1.screened.xlsx、r2.screened.xlsx、r3.screened.xlsx、r4.screened.xlsx 等），未作为花名册审核。若其中有花名册，请改名后再审核。');
    expect(skippedOutputsProblem([many[0]!])!.message.en).toBe(
      'Skipped 1 file made by this tool (r0.screened.xlsx); not screened as rosters. Rename any that is a roster and screen again.',
    );
  });
});

describe('screening a folder twice', () => {
  it('the second run says it skipped the first run’s annotated copy', () => {
    const dir = path.join(tmp, 'folder');
    mkdirSync(dir);
    copyFileSync(SAMPLE, path.join(dir, '花名册.xlsx'));
    const first = runCli([dir, '--format', 'json', '--no-progress', '--as-of', '2024-03-25']);
    expect(first.status, first.stderr).toBe(1);
    // The first run's only note is the sample's instructions sheet; no copy of ours was there yet.
    const notes = (JSON.parse(first.stdout) as { problems: { message: string }[] }).problems.map((p) => p.message);
    expect(notes).toEqual(['工作表"填写说明"中没有花名册表头（姓名、身份证号），已跳过']);
    const second = runCli([dir, '--lang', 'en', '--no-progress', '--as-of', '2024-03-25']);
    expect(second.status, second.stderr).toBe(1);
    expect(second.stdout).toContain('Skipped 1 file made by this tool (花名册.screened.xlsx)');
  });
});

describe('expandInputs: links, formats, names and unreadable folders', () => {
  it('lists every spreadsheet format, so none is skipped silently', async () => {
    const dir = path.join(tmp, 'formats');
    mkdirSync(dir);
    for (const f of ['a.xlsx', 'b.xlsm', 'c.csv', 'd.xls', 'e.et', 'f.ods', 'g.xlsb', 'h.doc', 'a.screened (2).xlsx']) writeFileSync(path.join(dir, f), 'x');
    const skipped: string[] = [];
    const files = await expandInputs([dir], undefined, skipped);
    expect(files.map((f) => path.basename(f))).toEqual(['a.xlsx', 'b.xlsm', 'c.csv', 'd.xls', 'e.et', 'f.ods', 'g.xlsb']);
    expect(skipped.map((f) => path.basename(f))).toEqual(['a.screened (2).xlsx']);
  });

  it('follows a linked file once, refuses a loop, names a dangling link, keeps one of the same file', async () => {
    const dir = path.join(tmp, 'links');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'sub', 'real.xlsx'), 'x');
    writeFileSync(path.join(tmp, 'outside.csv'), 'x');
    symlinkSync(path.join(dir, 'sub', 'real.xlsx'), path.join(dir, 'alias.xlsx'));
    symlinkSync(path.join(tmp, 'outside.csv'), path.join(dir, 'outside.csv'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync(path.join(dir, 'gone.xlsx'), path.join(dir, 'dangling.xlsx'));
    const problems: Problem[] = [];
    const files = await expandInputs([dir, path.join(dir, 'sub', 'real.xlsx')], undefined, [], problems);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['sub/real.xlsx', 'outside.csv']); // the file itself, not the link
    expect(problems.map((p) => [path.relative(dir, p.file), p.unreadable])).toEqual([
      ['dangling.xlsx', true],
      ['sub/up', false],
    ]);
    expect(problems[1]!.message.zh).toContain('循环');
  });

  it('a file name that is not UTF-8 is shown decoded as GB18030 and read by its raw bytes', async () => {
    const dir = path.join(tmp, 'gbk');
    mkdirSync(dir);
    // 花名册.csv in GBK
    const raw = Buffer.concat([Buffer.from(dir + path.sep), Buffer.from([0xbb, 0xa8, 0xc3, 0xfb, 0xb2, 0xe1]), Buffer.from('.csv')]);
    writeFileSync(raw, '姓名,身份证号\n');
    const files = await expandInputs([dir]);
    expect(files).toEqual([path.join(dir, '花名册.csv')]);
    expect(Buffer.from(await readInputFile(files[0]!)).toString()).toBe('姓名,身份证号\n');
  });

  it('an unreadable subfolder (EACCES) is a problem naming it, and the rest is listed', async () => {
    const dir = path.join(tmp, 'locked');
    mkdirSync(path.join(dir, 'secret'), { recursive: true });
    writeFileSync(path.join(dir, 'ok.csv'), 'x');
    const real = fsp.readdir.bind(fsp);
    const spy = vi.spyOn(fsp, 'readdir').mockImplementation(((p: PathLike, o: unknown) => {
      if (String(p).endsWith('secret')) return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
      return real(p, o as never);
    }) as typeof fsp.readdir);
    try {
      const problems: Problem[] = [];
      const files = await expandInputs([dir], undefined, [], problems);
      expect(files.map((f) => path.basename(f))).toEqual(['ok.csv']);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: path.join(dir, 'secret'), unreadable: true });
      expect(problems[0]!.message.zh).toContain('没有权限');
    } finally {
      spy.mockRestore();
    }
  });
});
