// A folder is searched for rosters; files that look like our own outputs are left out, and the run
// says so (never a silent skip).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
    expect((JSON.parse(first.stdout) as { problems: unknown[] }).problems).toEqual([]);
    const second = runCli([dir, '--lang', 'en', '--no-progress', '--as-of', '2024-03-25']);
    expect(second.status, second.stderr).toBe(1);
    expect(second.stdout).toContain('Skipped 1 file made by this tool (花名册.screened.xlsx)');
  });
});
