// Issue 20: what `npm pack` publishes is only what runs (bin, the bundle, the compiled rule sets,
// rules and data), its run-time dependencies are only what the bundle leaves out (exceljs, yaml),
// and a packed tarball installed into a fresh prefix runs as `roster-screen` and screens the
// sample. Needs npm and the packages in npm's cache (or the registry); skips saying so otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const hasNpm = spawnSync(NPM, ['--version']).status === 0;
if (!hasNpm) console.warn('packed-install.slow.test: skipped — npm is not on PATH');

interface PackFile {
  path: string;
}

describe.skipIf(!hasNpm)('the published package [needs npm]', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds only what runs, and depends only on what the bundle leaves out', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; bin: Record<string, string> };
    // The run-time dependencies are exactly the packages the bundle leaves external.
    const bundler = readFileSync(path.join(ROOT, 'scripts/bundle-cli.mjs'), 'utf8');
    const external = /external: \[([^\]]*)\]/.exec(bundler)?.[1] ?? '';
    const externals = [...external.matchAll(/'([^']+)'/g)].map((m) => m[1]!).sort();
    expect(externals).toContain('exceljs');
    expect(Object.keys(pkg.dependencies).sort()).toEqual(externals);
    // Never a `screen` command: that is GNU screen.
    expect(Object.keys(pkg.bin)).toEqual(['roster-screen']);

    const out = execFileSync(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files = (JSON.parse(out) as { files: PackFile[] }[])[0]!.files.map((f) => f.path);
    const outside = files.filter((f) => !/^(bin\/|dist\/bundle\/|dist\/rule-sets\/|rules\/|data\/|package\.json$|README\.md$|LICENSE)/.test(f));
    expect(outside).toEqual([]);
    for (const must of ['bin/screen.js', 'bin/load-bundle.js', 'dist/bundle/main.cjs', 'rules/zj-2023-zhenggao.yaml', 'data/cn-holidays-2020-2026.json']) expect(files).toContain(must);
    expect(files.some((f) => f.startsWith('dist/rule-sets/'))).toBe(true);
  });

  it('a packed tarball installed into a temp prefix runs `roster-screen --version` and screens the sample', () => {
    const packed = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const tarball = path.join(dir, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
    const prefix = path.join(dir, 'prefix');
    const install = spawnSync(NPM, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8', timeout: 240_000 });
    if (install.status !== 0) {
      console.warn(`packed-install.slow.test: install failed (offline without the packages cached?), not judged:\n${install.stderr}`);
      return;
    }
    const bin = process.platform === 'win32' ? path.join(prefix, 'roster-screen.cmd') : path.join(prefix, 'bin', 'roster-screen');
    const env = { ...process.env, NO_COLOR: '1' };
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8', env, cwd: dir });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

    const roster = path.join(dir, '花名册.xlsx');
    copyFileSync(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), roster);
    const r = spawnSync(bin, [roster, '--as-of', '2024-03-25'], { encoding: 'utf8', env, cwd: dir });
    // 1: screened, and the sample has applicants who fail.
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('不通过');
    expect(r.stdout).toContain('花名册.screened.xlsx');
    // Installed, it needs only its two run-time dependencies.
    const installed = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'roster-screen', 'node_modules');
    const top = spawnSync(process.execPath, ['-e', `console.log(require('fs').readdirSync(${JSON.stringify(installed)}).join(','))`], { encoding: 'utf8' });
    expect(top.stdout).not.toMatch(/\b(zod|commander|chalk|vitest|typescript)\b/);
  }, 300_000);
});
