// Running the built CLI on hostile inputs, and checking the aftermath on disk.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

export const AS_OF = '2024-03-25';

export function tempDir(prefix = 'rs-hostile-'): string {
  return makeTempDir(prefix);
}

export function put(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** `screen FILES --as-of … --no-progress [extra]`, run in `cwd` (default: the first file's folder). */
export function screen(files: string[], extra: string[] = [], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  return runCli([...files, '--as-of', AS_OF, '--no-progress', ...extra], { cwd: options.cwd ?? path.dirname(files[0] ?? '.'), env: options.env });
}

/** Every file under `dir` (relative path → SHA-256), directories included as `dir/`. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full);
      if (e.isDirectory()) {
        out.set(`${rel}/`, 'dir');
        walk(full);
      } else if (e.isFile()) {
        out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
      } else out.set(rel, 'other');
    }
  };
  walk(dir);
  return out;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+[:(]\d+:\d+/);
  expect(text).not.toMatch(/\bat (?:async )?[\w.<>]+ \(/);
  expect(text).not.toMatch(/TypeError|ReferenceError|SyntaxError|RangeError|FATAL ERROR|node:internal|\.ts:\d+|\.js:\d+/);
}

/**
 * A clear refusal: exit 2, nothing on stdout, one short message on stderr that names the file
 * (by base name) and matches `what`, no stack trace.
 */
export function expectClearError(r: CliRun, what: RegExp, file?: string): void {
  if (r.status !== 2) throw new Error(`expected exit 2, got ${r.status}\nstderr: ${r.stderr.slice(0, 2000)}\nstdout: ${r.stdout.slice(0, 500)}`);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^错误: |^Error: /);
  expect(r.stderr).toMatch(what);
  if (file) expect(r.stderr).toContain(path.basename(file));
  expect(r.stderr.length).toBeLessThan(1500);
  noStackTrace(r.stderr);
}

/**
 * A run that screened everyone but could not write its outputs: the verdicts on stdout, then the
 * clear error on stderr, exit 2.
 */
export function expectOutputsNotWritten(r: CliRun, what: RegExp): void {
  if (r.status !== 2) throw new Error(`expected exit 2, got ${r.status}\nstderr: ${r.stderr.slice(0, 2000)}`);
  expect(r.stdout).toMatch(/通过 \d+ · 待复核 \d+ · 不通过 \d+/);
  expect(r.stderr).toMatch(/^错误: /);
  expect(r.stderr).toMatch(what);
  expect(r.stderr.length).toBeLessThan(1500);
  noStackTrace(r.stderr);
}

/** The directory holds exactly what it held before (same names, same bytes). */
export function expectUnchanged(dir: string, before: Map<string, string>): void {
  expect([...snapshot(dir)].sort()).toEqual([...before].sort());
}

/**
 * No file was written or changed. A directory the run created and left empty (e.g. --out-dir made
 * before a later failure) is tolerated: it holds no output.
 */
export function expectNothingWritten(dir: string, before: Map<string, string>): void {
  const after = snapshot(dir);
  const created = [...after.keys()].filter((k) => !before.has(k));
  for (const k of created) {
    expect(k.endsWith('/'), `${k} was written`).toBe(true);
    expect([...after.keys()].some((x) => x !== k && x.startsWith(k)), `${k} is not empty`).toBe(false);
  }
  for (const [k, v] of before) expect(after.get(k), k).toBe(v);
}

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
