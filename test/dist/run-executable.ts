// Builds the single-file executables once per test file and runs them as an office PC would: no
// node on PATH, only the executable and the user's files.
import { spawn, spawnSync } from 'node:child_process';
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
  const started = performance.now();
  const r = spawnSync(exe, args, { cwd, env: officeEnv(cwd), encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

function officeEnv(cwd: string): Record<string, string> {
  const empty = path.join(makeTempDir('rs-empty-path-'), 'bin');
  mkdirSync(empty);
  return { PATH: empty, HOME: cwd, NO_COLOR: '1', LANG: 'C.UTF-8' };
}

export interface TimedRun {
  status: number;
  /** Wall-clock time. */
  realMs: number;
  /** CPU time (user + system) of the executable: what it costs, whatever else the machine runs. */
  cpuMs: number;
}

/** Runs an executable as runExe does, timed by bash's `time` (Node cannot see a child's CPU time); output discarded. */
export function timeExe(exe: string, args: string[], cwd: string): TimedRun {
  const script = 'TIMEFORMAT="%R %U %S"; time "$0" "$@" >/dev/null 2>&1; echo "status $?" >&2';
  const r = spawnSync('/bin/bash', ['-c', script, exe, ...args], { cwd, env: officeEnv(cwd), encoding: 'utf8', timeout: 120_000 });
  const status = /status (\d+)/.exec(r.stderr);
  const times = /^([\d.]+) ([\d.]+) ([\d.]+)$/m.exec(r.stderr);
  if (!status || !times) throw new Error(`could not time ${exe}: ${r.stderr}`);
  const [real, user, sys] = times.slice(1).map((t) => Number(t) * 1000) as [number, number, number];
  return { status: Number(status[1]), realMs: real, cpuMs: user + sys };
}

const SCRIPT = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim();
export const HAS_SCRIPT = SCRIPT !== '';

/**
 * Runs an executable on a console (a pseudo-terminal made by util-linux `script`) with one file
 * dropped on it, as Explorer would start it: once it asks for a key to close its window, one is pressed.
 */
export function onConsole(exe: string, dropped: string, cwd: string): Promise<{ status: number | null; output: string }> {
  // Paths travel in the environment: no shell quoting of Chinese names with spaces.
  const env = { ...officeEnv(cwd), SHELL: '/bin/sh', EXE: exe, DROPPED: dropped };
  const child = spawn(SCRIPT, ['-qec', 'exec "$EXE" "$DROPPED"', '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  let pressed = false;
  // The console may be gone by the time the key arrives (the program closed on its own): not an error.
  child.stdin.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no key prompt within 60 s:\n${output}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!pressed && output.includes('按任意键')) {
        pressed = true;
        child.stdin.write('x');
      }
    });
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}
