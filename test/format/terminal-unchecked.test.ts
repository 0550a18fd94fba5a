// With several rosters, the terminal's 未核验项 names the rosters a condition was not checked in.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRosterBuffer } from '../helpers/make-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { validApplicant } from '../helpers/screen-rows.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'terminal-unchecked-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dir = path.join(tmp, 'rosters');
const all = Object.keys(validApplicant);

beforeAll(async () => {
  mkdirSync(dir);
  writeFileSync(path.join(dir, '甲公司.xlsx'), await makeRosterBuffer({ columns: all, rows: [{ ...validApplicant }] }));
  // 乙公司 has no 主要业绩成果 column (a stage column): the achievements note is not checked there.
  writeFileSync(
    path.join(dir, '乙公司.xlsx'),
    await makeRosterBuffer({ columns: all.filter((c) => c !== 'achievements'), rows: [{ ...validApplicant, name: '李四', idNumber: '11010519491231002X' }] }),
  );
});

describe('未核验项 with several rosters', () => {
  it('names the roster lacking the column, in both languages', () => {
    const zh = runCli([dir, '--no-write', '--no-progress', '--as-of', '2024-03-25']);
    // Each language names the rule by its short title (the id stays in JSON and CSV).
    expect(zh.stdout).toMatch(/- 业绩成果: .*\[乙公司\.xlsx\]/);
    expect(zh.stdout).not.toMatch(/- 业绩成果: .*甲公司/);
    const en = runCli([dir, '--no-write', '--no-progress', '--as-of', '2024-03-25', '--lang', 'en']);
    expect(en.stdout).toMatch(/- Achievements: .*\[乙公司\.xlsx\]/);
    expect(en.stdout).not.toContain('- achievements:');
  });

  it('a rule unchecked everywhere for want of a list (integrity-record) names no roster', () => {
    const r = runCli([dir, '--no-write', '--no-progress', '--as-of', '2024-03-25']);
    expect(r.stdout).toMatch(/- 诚信档案: [^\n[]*\n/);
  });
});
