// Keeps `npm run bench` from rotting: runs scripts/bench.mjs at its smallest size (--quick: 200 rows,
// one run, a 30-row roster, a folder of 3; with and without the code cache) against the built CLI.
// Speed is never asserted here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

interface Run {
  wallMs: number;
  rssKiB: number | null;
  stealPct: number | null;
  ok: boolean;
  error: string | null;
}
interface Measured {
  scenario: string;
  rows: number;
  tool: string;
  runs: Run[];
}

const dir = mkdtempSync(path.join(tmpdir(), 'rs-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench (quick)', () => {
  it('measures screen (with and without the code cache) and the floor, and writes the results file', () => {
    const results = path.join(dir, 'results.md');
    const json = path.join(dir, 'bench.json');
    const r = spawnSync(
      process.execPath,
      ['scripts/bench.mjs', '--quick', '--results', results, '--json', json, '--work', path.join(dir, 'work')],
      { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
    );
    expect(r.stderr).not.toMatch(/FAILED/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| input | tool | runs | median wall (s) |');

    const summary = JSON.parse(readFileSync(json, 'utf8')) as { machine: { cores: number; node: string }; measured: Measured[] };
    expect(summary.machine.cores).toBeGreaterThan(0);
    expect(summary.machine.node).toBe(process.version);
    const tools = summary.measured.map((m) => `${m.scenario}/${m.tool}`);
    expect(tools).toEqual([
      '200 rows/screen',
      '200 rows/screen, no code cache',
      '200 rows/screen --out-dir',
      '200 rows/floor',
      '30 rows/screen',
      '30 rows/screen, no code cache',
      'folder 3×30/screen',
    ]);
    for (const m of summary.measured) {
      expect(m.runs.length).toBeGreaterThan(0);
      for (const run of m.runs) {
        expect(run.error).toBeNull();
        expect(run.wallMs).toBeGreaterThan(0);
        expect(run.rssKiB).toBeGreaterThan(0);
        // The hypervisor's share while the run went on (Linux: /proc/stat), a percentage.
        if (process.platform === 'linux') {
          expect(run.stealPct).toBeGreaterThanOrEqual(0);
          expect(run.stealPct).toBeLessThanOrEqual(100);
        }
      }
    }

    const md = readFileSync(results, 'utf8');
    expect(md).toContain('## Machine');
    expect(md).toContain('## Targets (issues 16 and 20)');
    expect(md).toContain('| CPU (s) | steal |');
    expect(md).toMatch(/30-row roster: wall ≤ 0\.5 s \(with Node start-up\) \| [\d.]+ s \| (met|\*\*NOT met\*\*) \|/);
    expect(md).toMatch(/folder of 200 rosters × 30 rows: wall ≤ 8 s \| not measured in this run \| not measured \|/);
    expect(md).toMatch(/100 000 rows, --out-dir: peak RSS ≤ 400 MiB \(issue 20\) \| not measured in this run \| not measured \|/);
  }, 300_000);
});
