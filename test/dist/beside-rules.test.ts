// Where the executable puts `--rules <roster-screen.rules.yaml beside it>` (src/cli/beside-rules.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_BESIDE_NAME, withBesideRules } from '../../src/cli/beside-rules.js';
import type { Output } from '../../src/cli/output.js';
import { makeTempDir } from '../helpers/temp-dir.js';

function setup(withFile: boolean) {
  const dir = makeTempDir('rs-beside-');
  if (withFile) writeFileSync(path.join(dir, RULES_BESIDE_NAME), 'id: x\n');
  const errors: string[] = [];
  const io: Output = { out: () => {}, err: (t) => void errors.push(t), stdoutIsTTY: false, stderrIsTTY: false, color: false };
  const exe = path.join(dir, 'roster-screen-win-x64.exe');
  return { rules: path.join(dir, RULES_BESIDE_NAME), errors, run: (args: string[]) => withBesideRules(args, exe, io) };
}

describe('withBesideRules', () => {
  it('adds --rules where each command takes it, and says so', () => {
    const { rules, errors, run } = setup(true);
    expect(run(['花名册.xlsx', '--format', 'json'])).toEqual(['--rules', rules, '花名册.xlsx', '--format', 'json']);
    expect(run(['template', '--out', 'a.xlsx'])).toEqual(['template', '--out', 'a.xlsx', '--rules', rules]);
    expect(run(['rules'])).toEqual(['rules', 'list', '--rules', rules]);
    expect(run(['rules', 'list', '--format', 'md'])).toEqual(['rules', 'list', '--format', 'md', '--rules', rules]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe(`规则集：使用本程序旁的 ${rules}\n`);
    run(['a.xlsx', '--lang', 'en']);
    expect(errors[4]).toBe(`Rule set: ${rules} (beside the executable)\n`);
  });

  it('leaves the arguments alone when the user names rules, the command takes none, or there is no file', () => {
    const { errors, run } = setup(true);
    for (const args of [['a.xlsx', '--rules', 'b.yaml'], ['a.xlsx', '--rules=b.yaml'], ['rules', 'check', 'b.yaml'], ['rules', 'diff', 'a', 'b'], ['help']]) {
      expect(run(args)).toBe(args);
    }
    expect(errors).toEqual([]);
    const none = setup(false);
    const args = ['a.xlsx'];
    expect(none.run(args)).toBe(args);
  });
});
