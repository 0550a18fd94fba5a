// Issue 18: the write transaction seen from outside — a lock on the output folder, signals, a
// failed run leaving nothing (no folders either), and stdout failures. Through the BUILT command.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { applicants, rosterXlsx } from './build.js';
import { AS_OF, expectOutputsNotWritten, noStackTrace, put, screen, tempDir } from './cli.js';

const LOCK = '.roster-screen.lock';

/** Every file under `dir` whose name says it is a temp file of ours. */
function temps(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => /(^|\/)\.rs-[0-9a-f]+\.tmp$|\.tmp$/.test(n));
}

describe('a lock on the output folder', () => {
  it('a second run finds the folder in use: it waits, then exits 2 saying so, and writes nothing', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', rosterXlsx({ rows: applicants(2) }));
    const out = path.join(dir, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, LOCK), `${process.pid}\n`); // held by a live process: this test
    const t0 = Date.now();
    const r = screen([file], ['--out-dir', out], { env: { ROSTER_SCREEN_LOCK_WAIT_MS: '600' } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
    // The screening is done: its verdicts are shown, then why nothing was written.
    expectOutputsNotWritten(r, /正被另一次预审写入/);
    expect(r.stderr).toContain(path.basename(out));
    expect(readdirSync(out)).toEqual([LOCK]);
  });

  it('a lock left by a run that was killed (its process is gone) is taken over, and removed at the end', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', rosterXlsx({ rows: applicants(2) }));
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(path.join(out, LOCK), `${gone}\n`);
    const r = screen([file], ['--out-dir', out], { env: { ROSTER_SCREEN_LOCK_WAIT_MS: '0' } });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['findings.csv', 'report.json', 'summary.md', '推荐名单.xlsx', '花名册.screened.xlsx', '退回清单.xlsx', '预审报告.html'].sort());
  });

  it('two runs started together on one folder: one writes, the other waits its turn or says the folder is in use — never a mix', async () => {
    const dir = tempDir();
    const a = put(dir, '甲.xlsx', rosterXlsx({ rows: applicants(300) }));
    const b = put(dir, '乙.xlsx', rosterXlsx({ rows: applicants(300) }));
    const out = path.join(dir, 'out');
    const run = (f: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [BIN, f, '--out-dir', out, '--as-of', AS_OF, '--no-progress'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        c.on('close', (code) => resolve({ code, stderr }));
      });
    const [ra, rb] = await Promise.all([run(a), run(b)]);
    for (const r of [ra, rb]) expect([0, 2], r.stderr).toContain(r.code);
    const copies = readdirSync(out).filter((n) => n.endsWith('.screened.xlsx'));
    const report = readFileSync(path.join(out, 'report.json'), 'utf8');
    // The combined outputs are those of the run whose copy is there (the last to write).
    expect(copies.length).toBeGreaterThan(0);
    const last = JSON.parse(report) as { inputs: { file: string }[] };
    expect(copies).toContain(path.basename(last.inputs[0]!.file).replace('.xlsx', '.screened.xlsx'));
    expect(existsSync(path.join(out, LOCK))).toBe(false);
  }, 60_000);
});

describe('a failed run', () => {
  it('leaves none of the --out-dir folders it created', () => {
    const dir = tempDir();
    // A workbook we can read but not annotate ([Content_Types].xml without <Types>): fails while writing.
    const files = unzipSync(rosterXlsx({ rows: applicants(2) }));
    files['[Content_Types].xml'] = strToU8('<?xml version="1.0"?><Other/>');
    const file = put(dir, '花名册.xlsx', zipSync(files));
    const r = screen([file], ['--out-dir', path.join(dir, 'new', 'deeper')]);
    expect(r.status).toBe(2);
    noStackTrace(r.stderr);
    expect(existsSync(path.join(dir, 'new'))).toBe(false);
    expect(temps(dir)).toEqual([]);
  });
});

describe('Ctrl-C / SIGTERM while writing', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: temp files removed, exit %i', async (signal, code) => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', rosterXlsx({ rows: applicants(3000) }));
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [BIN, file, '--out-dir', out, '--as-of', AS_OF, '--no-progress'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    // Signal as soon as a temp file exists (the write transaction is under way).
    let sent = false;
    const poll = setInterval(() => {
      if (!sent && existsSync(out) && temps(out).length > 0) {
        sent = true;
        child.kill(signal);
      }
    }, 2);
    const status = await done;
    clearInterval(poll);
    expect(sent, `the run ended before writing began (exit ${status}): ${stderr}`).toBe(true);
    expect(status).toBe(code);
    noStackTrace(stderr);
    expect(temps(dir)).toEqual([]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);
});

describe('stdout that cannot be written', () => {
  const sh = (cmd: string, dir: string) => spawnSync('bash', ['-c', cmd], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('a reader that stops early (| head -c 1, EPIPE): exit 2 and nothing on stderr', () => {
    const dir = tempDir();
    put(dir, 'r.xlsx', rosterXlsx({ rows: applicants(400, () => ({ cpd2022: 10 })) }));
    const r = sh(`node ${JSON.stringify(BIN)} r.xlsx --format json --no-write --as-of ${AS_OF} --no-progress 2>err.txt | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`, dir);
    expect(r.stdout.trim()).toBe('2');
    expect(readFileSync(path.join(dir, 'err.txt'), 'utf8')).toBe('');
  });

  it('a full disk (> /dev/full): exit 2 with one line on stderr, no stack trace', () => {
    if (!existsSync('/dev/full')) return void console.warn('skipped: no /dev/full on this system');
    const dir = tempDir();
    put(dir, 'r.xlsx', rosterXlsx({ rows: applicants(5) }));
    const r = sh(`node ${JSON.stringify(BIN)} r.xlsx --no-write --as-of ${AS_OF} --no-progress >/dev/full`, dir);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/标准输出.*ENOSPC/);
    noStackTrace(r.stderr);
  });
});
