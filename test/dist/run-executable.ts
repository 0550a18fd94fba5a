// Builds the single-file executables once per test file and runs them as an office PC would: no
// node on PATH, only the executable and the user's files.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

export const LINUX_EXE = path.join(ROOT, 'dist/roster-screen-linux-x64');
export const WINDOWS_EXE = path.join(ROOT, 'dist/roster-screen-win-x64.exe');

// `node scripts/dist.mjs`, not `npm run dist`: the slow suite's script has just built, and a second
// build here would delete dist/bundle/ under the other slow tests running beside this file.
export function buildExecutables(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`scripts/dist.mjs failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export interface ExeRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs an executable with PATH holding only an empty folder (no node, no xdg-open). */
export function runExe(exe: string, args: string[], cwd: string): ExeRun {
  const empty = path.join(makeTempDir('rs-empty-path-'), 'bin');
  mkdirSync(empty);
  const started = performance.now();
  const r = spawnSync(exe, args, { cwd, env: { PATH: empty, HOME: cwd, NO_COLOR: '1', LANG: 'C.UTF-8' }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}
