// The template as a user meets it: screened untouched it says "no applicants" (exit 2); filled in
// (cells typed under the template's column formats) with one valid applicant it screens 通过.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { runCli } from '../helpers/run-cli.js';
import { validApplicant } from '../helpers/screen-rows.js';
import { columnsOf, fillSheet, letterOf, readXlsx, type TypedValue } from './xlsx-parts.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const ruleSet = loadBundledRuleSet().ruleSet;

let dir: string;
let template: string;
let headers: string[];
let dateCols: Set<number>;

interface JsonReport {
  summary: { total: number; pass: number; review: number; fail: number };
  unchecked: { ruleId: string }[];
  applicants: { row: number; name: string; status: string; findings: { ruleId: string; severity: string; outcome: string }[] }[];
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'template-fill-'));
  template = path.join(dir, 'template.xlsx');
  const r = runCli(['template', '--out', template]);
  expect(r.status).toBe(0);
  const parts = readXlsx(readFileSync(template));
  const cells = parts.cells('花名册');
  headers = [];
  for (let c = 1; cells.has(`${letterOf(c)}1`); c++) headers.push(cells.get(`${letterOf(c)}1`)!);
  const xml = parts.text(parts.sheets[0]!.path);
  dateCols = new Set();
  for (const c of columnsOf(xml)) {
    if (c.style !== undefined && parts.numFmtOfStyle(c.style) === 'yyyy-mm-dd') for (let n = c.min; n <= c.max; n++) dateCols.add(n);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One roster row from {field id: value}: dates under date columns are typed as dates. */
function rowOf(applicant: Record<string, unknown>): Map<number, TypedValue> {
  const row = new Map<number, TypedValue>();
  for (const [id, v] of Object.entries(applicant)) {
    const col = ruleSet.columns.find((c) => c.id === id);
    if (!col || v === undefined || v === null || v === '') continue;
    const n = headers.indexOf(col.label.zh) + 1;
    expect(n, `template column for ${id}`).toBeGreaterThan(0);
    if (typeof v === 'number') row.set(n, v);
    else if (typeof v === 'string' && dateCols.has(n) && ISO.test(v)) row.set(n, { date: v });
    else row.set(n, String(v));
  }
  return row;
}

function fill(name: string, rows: Record<string, unknown>[]): string {
  const out = path.join(dir, name);
  writeFileSync(out, fillSheet(readFileSync(template), '花名册', rows.map(rowOf)));
  return out;
}

function screenJson(file: string, extra: string[] = [], asOf = '2024-04-02'): { status: number | null; report: JsonReport; stderr: string } {
  const r = runCli([file, '--format', 'json', '--no-write', '--no-progress', '--as-of', asOf, ...extra]);
  return { status: r.status, report: JSON.parse(r.stdout || 'null') as JsonReport, stderr: r.stderr };
}

describe('screening the template', () => {
  it('untouched: says there are no applicants, exit 2', () => {
    const zh = runCli([template, '--no-write', '--no-progress']);
    expect(zh.status).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('没有申报人员');
    const en = runCli([template, '--no-write', '--no-progress', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(/no applicants/i);
  });

  it('filled with one valid applicant: 通过 (exit 0), every rule run', () => {
    const file = fill('one-valid.xlsx', [validApplicant]);
    const { status, report, stderr } = screenJson(file);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(report.summary).toEqual({ total: 1, pass: 1, review: 0, fail: 0 });
    const a = report.applicants[0]!;
    expect(a.row).toBe(2);
    expect(a.name).toBe(validApplicant.name);
    expect(a.status).toBe('pass');
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // The template has a column for every rule (the integrity list is a separate input).
    expect(report.unchecked.map((u) => u.ruleId).filter((id) => id !== 'integrity-record')).toEqual([]);
  });

  it('the terminal output says 通过', () => {
    const file = fill('one-valid-terminal.xlsx', [validApplicant]);
    const r = runCli([file, '--no-write', '--no-progress', '--as-of', '2024-04-02']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('通过 1');
  });

  it('filled values land in the right columns: a defect in one column is found in that column', () => {
    const file = fill('two.xlsx', [validApplicant, { ...validApplicant, name: '李四', idNumber: '330106197102110027', sex: '女', cpd2022: 72 }]);
    const { status, report } = screenJson(file);
    expect(status).toBe(1);
    const second = report.applicants.find((a) => a.row === 3)!;
    expect(second.status).toBe('fail');
    expect(second.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual(['cpd-hours']);
    expect(report.applicants.find((a) => a.row === 2)!.status).toBe('pass');
  });

  it('filled in before the application stage (stage dates blank): 通过 before the first deadline, 待复核 after', () => {
    const early = { ...validApplicant, applyDate: '', publicStart: '', publicEnd: '', recommendDate: '', lowerLevelDate: '' };
    const file = fill('before-stage.xlsx', [early]);
    const jan = screenJson(file, [], '2024-01-15');
    expect(jan.status).toBe(0);
    const a = jan.report.applicants[0]!;
    expect(a.status).toBe('pass');
    expect(a.findings.filter((f) => f.outcome === 'not-yet').map((f) => f.ruleId).sort()).toEqual([
      'deadline-employer',
      'deadline-individual',
      'deadline-lower',
      'publicity-days',
    ]);
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const late = screenJson(file, [], '2024-03-25').report.applicants[0]!;
    expect(late.status).toBe('review');
    expect(late.findings.filter((f) => f.severity === 'warn').map((f) => f.ruleId).sort()).toEqual(['deadline-employer', 'deadline-individual', 'publicity-days']);
  });

  it('a month typed as text under 出生年月 (a text column) agrees with the ID number', () => {
    const file = fill('month.xlsx', [{ ...validApplicant, birthDate: '1971-02', currentTitleDate: '2015-12' }]);
    const { report } = screenJson(file);
    expect(report.applicants[0]!.findings.filter((f) => f.ruleId === 'id-number')).toEqual([]);
    expect(report.applicants[0]!.status).toBe('pass');
  });
});
