// Helpers for the rule tools' tests: the small fixture rule set, edited copies of it, temp files.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, type RuleIssue } from '../../src/ruleset/issues.js';
import { makeTempDir } from '../helpers/temp-dir.js';

export const MINI = fileURLToPath(new URL('./fixtures/mini.yaml', import.meta.url));
export const miniText = (): string => readFileSync(MINI, 'utf8');

/** Replaces exactly one occurrence of `from` (fails loudly when the fixture changed). */
export function edit(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`edit: expected one match of ${String(from)}, found ${count}`);
  return text.replace(from, to);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l, n) => n + 1 > after && l.includes(needle));
  if (i < 0) throw new Error(`lineOf: "${needle}" not found`);
  return i + 1;
}

/** A roster (CSV) with the fixture's columns: 张三 has 92–100 hours, 李四 100+, 王五 is late, 赵六 works for a 机关. */
export const MINI_ROSTER = [
  '姓名,身份证号,单位性质,2021年继续教育学时,2022年继续教育学时,2023年继续教育学时,个人申报日期',
  '张三,330106197102114319,企业,96,100,92,2024-03-01',
  '李四,33010619800307431X,企业,100,120,100,2024-03-01',
  '王五,330106197506061233,企业,96,90,90,2024-03-09',
  '赵六,330106198001011234,机关,100,100,100,2024-03-01',
].join('\n');

export function tempDir(prefix = 'ruleset-'): string {
  return makeTempDir(prefix);
}

export function writeTemp(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

export const zh = (issues: RuleIssue[]): string[] => issues.map((i) => formatIssue(i, 'zh'));
export const en = (issues: RuleIssue[]): string[] => issues.map((i) => formatIssue(i, 'en'));
