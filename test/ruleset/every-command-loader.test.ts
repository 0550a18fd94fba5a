// Every command reads `--rules` through the one loader (src/ruleset/load.ts), so a bundled id works
// everywhere and a rule the engine cannot run is refused everywhere, with the same pointed message.
// Runs the BUILT command (`npm run build` first, as `npm test` does).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { edit, lineOf, MINI, MINI_ROSTER, miniText, writeTemp } from './helpers.js';

let dir: string;
let badKind: string;
let badText: string;
let roster: string;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist/ruleset/load.js'))) throw new Error('dist/ is missing the loader: run `npm run build` first');
  dir = mkdtempSync(path.join(tmpdir(), 'ruleset-loader-'));
  badText = edit(miniText(), 'check: deadline', 'check: dedline');
  badKind = writeTemp(dir, 'bad-kind.yaml', badText);
  roster = writeTemp(dir, '花名册.csv', MINI_ROSTER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('screen template --rules <bundled id>', () => {
  it('writes the template from the bundled set, as `screen --rules <id>` screens with it', () => {
    const out = path.join(dir, 'template.xlsx');
    const r = runCli(['template', '--rules', 'zj-2023-zhenggao', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('a rule with an unknown check kind', () => {
  const pointed = () => `${badKind}:${lineOf(badText, 'check: dedline')} rules[1].check: 未知的检查类型 "dedline"（是否应为 "deadline"？）`;

  it.each([
    ['screen --rules', () => ['--rules', badKind, '--no-write', roster]],
    ['screen template --rules', () => ['template', '--rules', badKind, '--out', path.join(dir, 'never.xlsx')]],
    ['screen rules list --rules', () => ['rules', 'list', '--rules', badKind]],
    ['screen rules test', () => ['rules', 'test', badKind]],
    ['screen rules diff', () => ['rules', 'diff', MINI, badKind]],
  ])('is refused by %s (exit 2, file:line)', (_name, args) => {
    const r = runCli(args());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(pointed());
    expect(existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  it('is reported by screen rules check (exit 1: the linter found errors), with the same pointer in zh and en', () => {
    const r = runCli(['rules', 'check', badKind]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(pointed());
    const en = runCli(['rules', 'check', badKind, '--lang', 'en']);
    expect(en.stdout).toContain(`${badKind}:${lineOf(badText, 'check: dedline')} rules[1].check: unknown check kind "dedline" (did you mean "deadline"?)`);
  });
});
