// The combined outputs written on a worker thread (src/regional/combined-aside.ts), as the BUILT
// command does: the same files as written on the main thread (the in-process run below, which has no
// bundle to start a worker from), and a failed commit leaves nothing behind.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli, ROOT, type CliRun } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SAMPLE = path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx');
const COMBINED = ['推荐名单.xlsx', '退回清单.xlsx', '预审报告.html', 'report.json', 'summary.md', 'findings.csv'];
const ARGS = ['--as-of', '2024-03-25', '--no-progress', '--format', 'json'];

async function inProcess(args: string[]): Promise<number> {
  const quiet = { out: () => undefined, err: () => undefined, stdoutIsTTY: false, stderrIsTTY: false, color: false };
  return main(['node', 'screen', ...args], quiet);
}

describe('--out-dir: the combined outputs on a worker thread', () => {
  const dir = makeTempDir('rs-worker-');
  const roster = path.join(dir, '花名册.xlsx');
  let cli: CliRun;
  beforeAll(async () => {
    copyFileSync(SAMPLE, roster);
    cli = runCli([roster, '--out-dir', path.join(dir, 'worker'), ...ARGS], { env: { NODE_DEBUG: 'worker' } });
    expect(await inProcess([roster, '--out-dir', path.join(dir, 'main'), ...ARGS])).toBe(1);
  });

  it('the built command starts one worker for them', () => {
    expect(cli.status, cli.stderr).toBe(1);
    expect(cli.stderr.match(/created Worker with ID/g)).toHaveLength(1);
  });

  it('writes the same six files, byte for byte, as the main thread does, and nothing else', () => {
    expect(readdirSync(path.join(dir, 'worker')).sort()).toEqual([...COMBINED, '花名册.screened.xlsx'].sort());
    for (const name of COMBINED) {
      const a = readFileSync(path.join(dir, 'worker', name));
      const b = readFileSync(path.join(dir, 'main', name));
      expect(a.equals(b), name).toBe(true);
    }
    // The JSON on stdout is the report.json written by the worker.
    expect(cli.stdout).toBe(readFileSync(path.join(dir, 'worker', 'report.json'), 'utf8'));
  });

  it('without an output folder, one roster: no worker', () => {
    const copy = path.join(makeTempDir('rs-worker-'), '花名册.xlsx');
    copyFileSync(SAMPLE, copy);
    const r = runCli([copy, ...ARGS], { env: { NODE_DEBUG: 'worker' } });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/Worker/);
  });

  it('a target that cannot be replaced (a folder named 退回清单.xlsx): exit 2 naming it, and nothing written or left', () => {
    const d = makeTempDir('rs-worker-');
    const copy = path.join(d, '花名册.xlsx');
    copyFileSync(SAMPLE, copy);
    const out = path.join(d, 'out');
    mkdirSync(path.join(out, '退回清单.xlsx'), { recursive: true });
    const r = runCli([copy, '--out-dir', out, ...ARGS], { env: { NODE_DEBUG: 'worker' } });
    expect(r.stderr).toMatch(/created Worker with ID/);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('退回清单.xlsx');
    expect(r.stderr).toContain('目标是一个目录');
    expect(readdirSync(out)).toEqual(['退回清单.xlsx']);
    expect(readdirSync(path.join(out, '退回清单.xlsx'))).toEqual([]);
    expect(existsSync(path.join(d, '花名册.screened.xlsx'))).toBe(false);
  });
});
