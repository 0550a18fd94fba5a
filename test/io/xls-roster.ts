// Shared by the .xls tests: the same roster as .xlsx (exceljs) and converted to .xls by another
// program must give the same verdicts, rule ids and cells.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { runCli } from '../helpers/run-cli.js';

export const AS_OF = '2024-03-01';

export function hasProgram(name: string): boolean {
  return spawnSync('which', [name]).status === 0;
}

/** A roster with a title row: one applicant passes, one fails two hour rules, one is 大学专科 without a degree. */
export async function writeRosterXlsx(dir: string, name = '花名册.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    await makeRosterBuffer({
      titleRows: [['2023年度正高级工程师申报人员花名册']],
      rows: [
        applicant(),
        applicant({ name: '李四', idNumber: '33010619800307431X', birthDate: '1980-03', cpd2022: 72, cpd2023: 60 }),
        applicant({ name: '王五', idNumber: '330106197506061233', birthDate: '1975-06', education: '大学专科', degree: '无' }),
      ],
    }),
  );
  return file;
}

export interface Verdict {
  name: string;
  row: number;
  status: string;
  findings: string[];
}

/** Each applicant's verdict and its findings as `ruleId@cell:severity`, from the JSON report. */
export function verdicts(file: string): Verdict[] {
  const r = runCli([file, '--format', 'json', '--no-write', '--no-progress', '--as-of', AS_OF]);
  expect(r.stderr).toBe('');
  const doc = JSON.parse(r.stdout) as { applicants: { name: string; row: number; status: string; findings: { ruleId: string; cell: string | null; severity: string }[] }[] };
  return doc.applicants.map((a) => ({
    name: a.name,
    row: a.row,
    status: a.status,
    findings: a.findings.map((f) => `${f.ruleId}@${f.cell ?? '-'}:${f.severity}`).sort(),
  }));
}

/** The .xls reads as the .xlsx it was made from: same applicants, rows, verdicts, rule ids and cells. */
export function expectSameAsXlsx(xls: string, xlsx: string): void {
  const want = verdicts(xlsx);
  expect(want.map((v) => v.status)).toEqual(['pass', 'fail', 'fail']);
  expect(want[1]!.findings.some((f) => f.startsWith('cpd-hours@'))).toBe(true);
  expect(verdicts(xls)).toEqual(want);
}
