// Issue 7: runs longer than about a second show a progress line on stderr when it is a TTY, and
// nothing otherwise.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/cli/progress.js';
import type { Output } from '../../src/cli/output.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

function fakeIo(): Output & { errs: string[] } {
  const errs: string[] = [];
  return { out: () => undefined, err: (t) => void errs.push(t), stdoutIsTTY: false, stderrIsTTY: true, color: false, errs };
}

describe('createProgress', () => {
  it('shows nothing during the first second, then the phase, files and rows', () => {
    let now = 0;
    const io = fakeIo();
    const p = createProgress(io, true, 'zh', () => now);
    p.update({ filesDone: 0, files: 4, rows: 5000 });
    now = 900;
    p.update({ filesDone: 1, files: 4, rows: 10_000 });
    expect(io.errs).toEqual([]);
    now = 1500;
    p.update({ filesDone: 2, files: 4, rows: 15_000 });
    expect(io.errs).toEqual([`\r读取花名册 · [██████████░░░░░░░░░░] 2/4 个文件 · 已读 15,000 行 · 1 s\x1b[K`]);
    now = 1550; // within 100 ms of the last line: not redrawn
    p.update({ filesDone: 2, files: 4, rows: 20_000 });
    expect(io.errs).toHaveLength(1);
    now = 1560; // a new phase is always shown
    p.phase('annotate');
    expect(io.errs[1]).toContain('写出批注副本');
    p.done();
    expect(io.errs[2]).toBe('\r\x1b[K');
    p.done(); // clearing twice writes nothing more
    expect(io.errs).toHaveLength(3);
  });

  it('a run shorter than the delay never shows (or clears) a line', () => {
    let now = 0;
    const io = fakeIo();
    const p = createProgress(io, true, 'en', () => now);
    now = 400;
    p.update({ filesDone: 1, files: 1, rows: 30 });
    p.phase('annotate');
    p.done();
    expect(io.errs).toEqual([]);
  });

  it('disabled (not a TTY, or --no-progress): nothing at all', () => {
    let now = 0;
    const io = fakeIo();
    const p = createProgress(io, false, 'zh', () => now, 0);
    now = 5000;
    p.update({ filesDone: 1, files: 2, rows: 9 });
    p.phase('report');
    p.done();
    expect(io.errs).toEqual([]);
  });

  it('one file: no bar, rows and seconds; English', () => {
    expect(progressLine({ phase: 'read', filesDone: 0, files: 1, rows: 123_456 }, 'en', 7)).toBe('reading rosters · 123,456 rows read · 7 s');
    expect(progressLine({ phase: 'regional', filesDone: 3, files: 3, rows: 90, partsDone: 3, parts: 6 }, 'zh', 2)).toBe(
      '写出推荐名单等汇总 · [██████████░░░░░░░░░░] 已写 3/6 个文件 · 2 s',
    );
    expect(progressLine({ phase: 'annotate', filesDone: 1, files: 1, rows: 90, partsDone: 0, parts: 1 }, 'en', 3)).toBe(
      'writing annotated copies · 0/1 files written · 3 s',
    );
  });

  it("a writing phase shows the rows of the file being written, reset when a file is done or a phase starts", () => {
    expect(progressLine({ phase: 'annotate', filesDone: 1, files: 1, rows: 90, partsDone: 0, parts: 1, partRows: 12_000 }, 'zh', 5)).toBe(
      '写出批注副本 · 已写 0/1 个文件 · 当前文件已处理 12,000 行 · 5 s',
    );
    expect(progressLine({ phase: 'regional', filesDone: 1, files: 1, rows: 90, partsDone: 0, parts: 6, partRows: 3000 }, 'en', 5)).toBe(
      'writing the combined outputs · [░░░░░░░░░░░░░░░░░░░░] 0/6 files written · 3,000 rows of this file done · 5 s',
    );
    let now = 2000;
    const io = fakeIo();
    const p = createProgress(io, true, 'zh', () => now, 0, () => () => undefined);
    p.phase('annotate', 1);
    now += 200;
    p.partRows(4000);
    expect(io.errs.at(-1)).toContain('当前文件已处理 4,000 行');
    now += 200;
    p.partDone(1);
    expect(io.errs.at(-1)).not.toContain('当前文件');
    now += 200;
    p.partRows(2000);
    now += 200;
    p.phase('regional', 6);
    expect(io.errs.at(-1)).not.toContain('当前文件');
    p.done();
  });

  it('the elapsed time moves every second while a phase reports nothing (fake clock and timer)', () => {
    let now = 0;
    let tick: (() => void) | null = null;
    let stopped = false;
    const io = fakeIo();
    const p = createProgress(io, true, 'zh', () => now, 1000, (t) => {
      tick = t;
      return () => void (stopped = true);
    });
    p.phase('regional', 6);
    p.partDone(1);
    for (const s of [1, 2, 3, 4]) {
      now = s * 1000 + 5;
      tick!();
    }
    // Four redraws, one a second, each with the parts done and a later time.
    expect(io.errs).toHaveLength(4);
    expect(io.errs.map((e) => /· (\d+) s/.exec(e)?.[1])).toEqual(['1', '2', '3', '4']);
    expect(io.errs[3]).toContain('已写 1/6 个文件');
    p.done();
    expect(stopped).toBe(true);
  });
});

describe('the built command', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'progress-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const folder = path.join(tmp, 'rosters');
  mkdirSync(folder);
  for (const n of ['甲', '乙', '丙']) copyFileSync(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), path.join(folder, `${n}.xlsx`));
  const args = [folder, '--out-dir', path.join(tmp, 'out'), '--as-of', '2024-03-25'];
  const env = { ...process.env, NO_COLOR: '1', ROSTER_SCREEN_PROGRESS_DELAY_MS: '0' };

  it('stderr not a TTY: no progress line', () => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('读取花名册');
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (!hasScript) console.warn('[progress] the pty test is skipped: `script` (util-linux) is not installed');
  it.skipIf(!hasScript)('on a terminal (a pty from `script`): the progress line is drawn and cleared', () => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('\r读取花名册');
    expect(r.stdout).toContain('写出批注副本');
    expect(r.stdout).toContain('个文件');
    expect(r.stdout).toContain('\r\x1b[K');
  });
});
