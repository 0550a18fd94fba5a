// What the default path loads. A 30-row roster should come back in well under a second, and most of
// that is Node loading code: exceljs (~740 CommonJS modules) and yaml (~70) are needed only for CSV
// rosters, regional outputs and rule files, so the default path must not load them.
// Speed itself is measured by `npm run bench`, never asserted here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'start-up-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HOOK = pathToFileURL(path.join(ROOT, 'test/fixtures/cli/report-loaded-packages.mjs')).href;

function loadedBy(args: string[]): { status: number | null; packages: string[]; stderr: string } {
  const out = path.join(tmp, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd: tmp,
    env: { ...process.env, NO_COLOR: '1', LOADED_PACKAGES_FILE: out },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const { packages } = JSON.parse(readFileSync(out, 'utf8')) as { packages: string[] };
  return { status: r.status, packages, stderr: r.stderr };
}

describe('start-up', () => {
  const roster = path.join(tmp, '花名册.xlsx');
  copyFileSync(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), roster);

  it('the default path (xlsx roster, annotated copy, JSON report) loads neither exceljs nor yaml', () => {
    const r = loadedBy([roster, '--format', 'json', '--no-progress', '--as-of', '2024-03-25']);
    expect(r.status, r.stderr).toBe(1); // the sample has applicants who fail
    expect(r.packages).not.toContain('exceljs');
    expect(r.packages).not.toContain('yaml');
    expect(r.packages).not.toContain('jszip');
  });

  it('the hook sees lazily loaded packages: a CSV roster loads exceljs to build its annotated copy', () => {
    const csv = path.join(tmp, 'roster.csv');
    const header = '姓名,身份证号\n张三,110101199003074514\n';
    writeFileSync(csv, header);
    const r = loadedBy([csv, '--format', 'json', '--no-progress', '--as-of', '2024-03-25']);
    expect([0, 1]).toContain(r.status);
    expect(r.packages).toContain('exceljs');
  });

  it('a user rule file loads yaml', () => {
    const rules = path.join(ROOT, 'rules/zj-2023-zhenggao.yaml');
    const r = loadedBy([roster, '--rules', rules, '--no-write', '--format', 'json', '--no-progress', '--as-of', '2024-03-25']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.packages).toContain('yaml');
  });
});
