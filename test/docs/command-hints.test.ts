// Every command the tool or its documents tell a user to type names `roster-screen`: a bare
// `screen rules …` or `screen 花名册.xlsx` runs GNU screen on many machines, and `npx screen` an
// unrelated npm package (issue 20, "the first minutes").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

// `screen` as a command word, followed by a subcommand, an option or a file to screen.
const BARE_HINT = /(?<![\w-])screen (?:rules|template|--[a-z]|\S+\.(?:xlsx|xls|csv|yaml)\b|花名册|文件夹)/u;

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, ext);
    return ext.test(name) ? [full] : [];
  });
}

function bareHints(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (BARE_HINT.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('command hints name roster-screen', () => {
  it('the pattern catches a bare hint and passes the full name', () => {
    expect(BARE_HINT.test('请运行 screen rules check a.yaml')).toBe(true);
    expect(BARE_HINT.test('`screen --rules new.yaml 花名册.xlsx`')).toBe(true);
    expect(BARE_HINT.test('screen 花名册.xlsx')).toBe(true);
    expect(BARE_HINT.test('请运行 roster-screen rules check a.yaml')).toBe(false);
    expect(BARE_HINT.test('the screen --out-dir case')).toBe(true);
    expect(BARE_HINT.test('screen results')).toBe(false);
  });

  it('no source text (messages, help, comments) gives a bare `screen …` command', () => {
    expect(bareHints(filesUnder(path.join(ROOT, 'src'), /\.ts$/))).toEqual([]);
  });

  it('no document a user reads (README, docs, samples, rule sets) gives one', () => {
    const docs = [
      path.join(ROOT, 'README.md'),
      ...filesUnder(path.join(ROOT, 'docs'), /\.md$/),
      ...filesUnder(path.join(ROOT, 'samples'), /\.(md|txt)$/),
      ...filesUnder(path.join(ROOT, 'rules'), /\.ya?ml$/),
    ];
    expect(bareHints(docs)).toEqual([]);
  });
});
