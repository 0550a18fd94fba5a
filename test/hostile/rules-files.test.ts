// Issue 18, items 14 and 15: a YAML alias bomb ("billion laughs") in a rule set file, and a
// --rules that is a FIFO or a device, are refused with a clear message by every command that reads
// one — never 内部错误, never a hang. Through the BUILT command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { MINI, MINI_ROSTER, writeTemp } from '../ruleset/helpers.js';
import { noStackTrace, tempDir } from './cli.js';

const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f', 'g'].map((k, i, all) => `${k}: &${k} [${Array(9).fill(`*${i === 0 ? 'a' : all[i - 1]}`).join(', ')}]`), ''].join('\n');

describe('a YAML alias bomb in a rule set', () => {
  const dir = tempDir();
  const bomb = writeTemp(dir, 'bomb.yaml', BOMB);
  const roster = writeTemp(dir, '花名册.csv', MINI_ROSTER);

  it.each([
    ['screen --rules', [roster, '--rules', bomb, '--no-write']],
    ['rules list --rules', ['rules', 'list', '--rules', bomb]],
    ['rules test', ['rules', 'test', bomb]],
    ['rules diff', ['rules', 'diff', MINI, bomb]],
  ])('%s: exit 2, the file and what to do', (_name, args) => {
    const r = runCli(args, { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(path.basename(bomb));
    expect(r.stderr).toMatch(/别名炸弹/);
    expect(r.stderr).not.toMatch(/内部错误/);
    noStackTrace(r.stderr);
  });

  it('rules check: reported as the file’s error (exit 1), not an internal error', () => {
    const r = runCli(['rules', 'check', bomb], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/别名炸弹/);
    expect(r.stderr).not.toMatch(/内部错误/);
  });
});

describe('--rules that is not a regular file (already on main: kept)', () => {
  const dir = tempDir();
  const roster = writeTemp(dir, '花名册.csv', MINI_ROSTER);
  const fifo = path.join(dir, 'rules.fifo');
  const made = spawnSync('mkfifo', [fifo]).status === 0;

  it.each([
    ['/dev/zero', () => '/dev/zero'],
    ['a FIFO', () => fifo],
  ])('%s: exit 2 at once, saying it is not a file', (what, file) => {
    if (what === 'a FIFO' && !made) return void console.warn('skipped: mkfifo is not available');
    if (!existsSync(file())) return void console.warn(`skipped: no ${file()}`);
    for (const args of [[roster, '--rules', file(), '--no-write'], ['rules', 'test', file()]]) {
      const t0 = Date.now();
      const r = runCli(args, { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/不是文件/);
      expect(Date.now() - t0).toBeLessThan(10_000);
    }
  });
});
