// Big rosters are screened with the rules on a worker thread (src/rules/screening-remote.ts). Every
// output must be the same as with the rules in-thread, and a failure must end the run cleanly.
// ROSTER_SCREEN_RULES_WORKER=on|off overrides the size rule, so the samples exercise both paths.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKER_MIN_BYTES } from '../../src/rules/screening-remote.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'rules-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Preloaded into the CLI: reports each worker thread started, so a test knows which path ran.
const SPY = path.join(tmp, 'spy-workers.cjs');
writeFileSync(
  SPY,
  `const wt = require('node:worker_threads');
const Original = wt.Worker;
wt.Worker = class extends Original {
  constructor(entry, options) {
    process.stderr.write('[worker] ' + require('node:path').basename(String(entry)) + '\\n');
    super(entry, options);
  }
};
`,
);

function screen(args: string[], mode: 'on' | 'off' | undefined) {
  const env: Record<string, string> = { NODE_OPTIONS: `--require ${SPY}` };
  if (mode) env.ROSTER_SCREEN_RULES_WORKER = mode;
  return runCli([...args, '--format', 'json', '--as-of', '2024-03-25', '--no-progress'], { env });
}

const workersIn = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('[worker] '));

/** Every sheet's cell values (exceljs-written files carry their write time, so bytes differ). */
async function cellsOf(file: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => JSON.stringify(r)) }));
}

describe('rules on a worker thread', () => {
  it('an employer roster: the same report and annotated copy, byte for byte', () => {
    // The same path both times: the copy's summary sheet names the roster.
    const dir = path.join(tmp, 'employer');
    const runs = (['on', 'off'] as const).map((mode) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const input = path.join(dir, 'roster.xlsx');
      copyFileSync(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), input);
      const r = screen([input], mode);
      return { r, copy: readFileSync(path.join(dir, 'roster.screened.xlsx')) };
    });
    const [on, off] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(workersIn(on.r.stderr)).toEqual(['[worker] screening-worker.js']);
    expect(workersIn(off.r.stderr)).toEqual([]);
    expect(on.r.status).toBe(1);
    expect(on.r.status).toBe(off.r.status);
    expect(JSON.parse(on.r.stdout).applicants.length).toBeGreaterThan(5);
    expect(on.r.stdout).toBe(off.r.stdout);
    expect(on.copy.equals(off.copy)).toBe(true);
  });

  it('the regional folder: the same report, lists and copies (the list columns travel too)', async () => {
    const out = { on: path.join(tmp, 'regional-on'), off: path.join(tmp, 'regional-off') };
    const on = screen([path.join(ROOT, 'samples/regional'), '--out-dir', out.on], 'on');
    const off = screen([path.join(ROOT, 'samples/regional'), '--out-dir', out.off], 'off');
    expect(workersIn(on.stderr)).toHaveLength(1);
    expect(on.status).toBe(off.status);
    const norm = (s: string, which: string) => s.replaceAll(`regional-${which}`, 'regional-X');
    expect(norm(on.stdout, 'on')).toBe(norm(off.stdout, 'off'));
    const files = readdirSync(out.on).sort();
    expect(files).toEqual(readdirSync(out.off).sort());
    expect(files).toContain('推荐名单.xlsx');
    for (const f of files) {
      const a = readFileSync(path.join(out.on, f));
      const b = readFileSync(path.join(out.off, f));
      if (a.equals(b)) continue;
      // Only exceljs's outputs may differ, and only in their write time.
      expect(f.endsWith('.xlsx'), f).toBe(true);
      expect(await cellsOf(path.join(out.on, f))).toEqual(await cellsOf(path.join(out.off, f)));
    }
  });

  it('small rosters stay in-thread by default; the size rule picks the worker for big inputs', () => {
    const small = screen([path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), '--no-write'], undefined);
    expect(small.status).toBe(1);
    expect(workersIn(small.stderr)).toEqual([]);
    // A roster padded past the threshold (a large unused part) takes the worker.
    const big = path.join(tmp, 'padded.csv');
    const sample = readFileSync(path.join(ROOT, 'samples/regional/温州某某研究院-花名册.csv'), 'utf8');
    writeFileSync(big, sample.trimEnd() + '\n' + '\n'.repeat(WORKER_MIN_BYTES));
    const r = screen([big, '--no-write'], undefined);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(workersIn(r.stderr)).toEqual(['[worker] screening-worker.js']);
  });

  it('bad input part-way: a clear error and exit 2, the worker stopped with the run', () => {
    const dir = path.join(tmp, 'broken-folder');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(ROOT, 'samples/regional/中电某某研究所-花名册.xlsx'), path.join(dir, 'a.xlsx'));
    writeFileSync(path.join(dir, 'b.xlsx'), Buffer.from('PK\u0003\u0004 not really a workbook'));
    const started = Date.now();
    const r = screen([dir, '--no-write'], 'on');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/b\.xlsx/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.cjs/);
    expect(workersIn(r.stderr)).toHaveLength(1);
    // Not held up by the worker (a live one would keep the process running until the 120 s timeout).
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
