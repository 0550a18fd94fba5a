// A second table on a roster sheet: stacked below the first with a header of its own, or placed
// beside it. Rows below a different header are read with that header's columns (never the first
// table's); a table beside the first, which cannot be screened row by row, is named and the run
// does not look clean.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { screenFiles } from '../../src/pipeline/screen-files.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { idNumberFor } from '../hostile/build.js';
import { labelOf } from '../helpers/make-roster.js';
import { validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const COLUMNS = Object.keys(validApplicant);

function person(i: number): RowInput {
  const idNumber = idNumberFor(i);
  return { ...validApplicant, name: `申报${'甲乙丙丁戊己庚辛'[i]}`, idNumber, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}` };
}

/** Header texts and one row's values for the given columns (null: a column of ours that is no field, e.g. 民族). */
function headerOf(columns: (string | null)[]): string[] {
  return columns.map((c) => (c === null ? '民族' : labelOf(c)));
}
function valuesOf(columns: (string | null)[], p: RowInput): (string | number | null)[] {
  return columns.map((c) => (c === null ? '汉族' : ((p[c] as string | number | undefined) ?? null)));
}

async function screenRows(rows: (string | number | null)[][], merges: string[] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  const file = path.join(makeTempDir(), 'two-tables.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return screenFiles({
    files: [file],
    asOf: '2024-03-25',
    strictColumns: false,
    rules: loadBundledRuleSet(),
    env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
  });
}

/** Table one (rows 2–3) under a standard header, a blank row, then table two under `second` (rows 6–7). */
function stacked(second: (string | null)[]): (string | number | null)[][] {
  return [
    headerOf(COLUMNS),
    valuesOf(COLUMNS, person(0)),
    valuesOf(COLUMNS, person(1)),
    [],
    headerOf(second),
    valuesOf(second, person(2)),
    valuesOf(second, person(3)),
  ];
}

function statuses(outcome: Awaited<ReturnType<typeof screenRows>>): Record<number, string> {
  return Object.fromEntries(outcome.result.applicants.map((a) => [a.row, a.status]));
}

describe('a second table stacked below the first', () => {
  it('with an extra column: its rows are read with its own columns and pass', async () => {
    const second = [...COLUMNS.slice(0, 4), null, ...COLUMNS.slice(4)];
    const outcome = await screenRows(stacked(second));
    expect(statuses(outcome)).toEqual({ 2: 'pass', 3: 'pass', 6: 'pass', 7: 'pass' });
    const notes = outcome.problems.map((p) => p.message.zh);
    expect(notes.some((t) => t.includes('第5行是另一张表的表头') && t.includes('按该行的表头读取'))).toBe(true);
    expect(notes.some((t) => t.includes('重复了表头'))).toBe(false);
    // Findings point at the second table's own cells.
    const later = outcome.result.applicants.find((a) => a.row === 6)!;
    expect(later.name).toBe('申报丙');
  });

  it('with 姓名 and 身份证号 swapped: the header is no applicant, the rows pass', async () => {
    const second = [...COLUMNS];
    const [n, id] = [second.indexOf('name'), second.indexOf('idNumber')];
    [second[n], second[id]] = [second[id]!, second[n]!];
    const outcome = await screenRows(stacked(second));
    expect(statuses(outcome)).toEqual({ 2: 'pass', 3: 'pass', 6: 'pass', 7: 'pass' });
    expect(outcome.result.applicants.find((a) => a.row === 7)!.idNumber).toBe(idNumberFor(3));
  });

  it('with the same header: skipped as a repeat, as before', async () => {
    const outcome = await screenRows(stacked(COLUMNS));
    expect(statuses(outcome)).toEqual({ 2: 'pass', 3: 'pass', 6: 'pass', 7: 'pass' });
    const notes = outcome.problems.map((p) => p.message.zh);
    expect(notes.some((t) => t.includes('第5行重复了表头，已跳过'))).toBe(true);
    expect(notes.some((t) => t.includes('另一张表'))).toBe(false);
  });

  it('with a two-row header (继续教育学时 over 2021年|2022年|2023年): read with both rows', async () => {
    const second = [...COLUMNS];
    const [n, id] = [second.indexOf('name'), second.indexOf('idNumber')];
    [second[n], second[id]] = [second[id]!, second[n]!];
    const years = ['cpd2021', 'cpd2022', 'cpd2023'].map((c) => second.indexOf(c));
    const upper = headerOf(second).map((t, c) => (years.includes(c) ? (c === years[0] ? '继续教育学时' : null) : t));
    const lower = second.map((_c, c) => (years.includes(c) ? `${2021 + years.indexOf(c)}年` : null));
    const rows = [headerOf(COLUMNS), valuesOf(COLUMNS, person(0)), [], upper, lower, valuesOf(second, person(2)), valuesOf(second, person(3))];
    const letter = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : 'A' + String.fromCharCode(65 + c - 26));
    const merges = second.map((_c, c) => c).filter((c) => !years.includes(c)).map((c) => `${letter(c)}4:${letter(c)}5`);
    merges.push(`${letter(years[0]!)}4:${letter(years[2]!)}4`);
    const outcome = await screenRows(rows, merges);
    expect(statuses(outcome)).toEqual({ 2: 'pass', 6: 'pass', 7: 'pass' });
    const notes = outcome.problems.map((p) => p.message.zh);
    expect(notes.some((t) => t.includes('第4–5行是另一张表的表头'))).toBe(true);
  });

  it('a finding of the second table names its own cell', async () => {
    const second = [...COLUMNS.slice(0, 4), null, ...COLUMNS.slice(4)];
    const rows = stacked(second);
    rows[6] = valuesOf(second, { ...person(3), cpd2021: 10 });
    const outcome = await screenRows(rows);
    const a = outcome.result.applicants.find((x) => x.row === 7)!;
    expect(a.status).toBe('fail');
    const f = a.findings.find((x) => x.severity === 'error')!;
    const letter = String.fromCharCode(65 + second.indexOf('cpd2021'));
    expect(f.cell).toBe(`${letter}7`);
  });
});

describe('a second table beside the first', () => {
  it('is named in the notes, its applicants not screened, and the run marked (exit 2)', async () => {
    const gap = [null, null];
    const rows = [
      [...headerOf(COLUMNS), ...gap, ...headerOf(COLUMNS)],
      [...valuesOf(COLUMNS, person(0)), ...gap, ...valuesOf(COLUMNS, person(4))],
      [...valuesOf(COLUMNS, person(1)), ...gap, ...valuesOf(COLUMNS, person(5))],
    ];
    const outcome = await screenRows(rows);
    expect(statuses(outcome)).toEqual({ 2: 'pass', 3: 'pass' });
    const marked = outcome.problems.filter((p) => p.unreadable);
    expect(marked).toHaveLength(1);
    const start = COLUMNS.length + gap.length; // 0-based first column of the second table
    const letter = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
    const zh = marked[0]!.message.zh;
    expect(zh).toContain('第二张表');
    expect(zh).toContain(`${letter(start + COLUMNS.indexOf('name'))}1`);
    expect(zh).toContain('2人未审核');
    expect(marked[0]!.message.en).toContain('NOT screened');
  });

  it('only a repeated column (not 姓名 and 身份证号 both) stays a plain note', async () => {
    const rows = [
      [...headerOf(COLUMNS), labelOf('unit')],
      [...valuesOf(COLUMNS, person(0)), 'x'],
    ];
    const outcome = await screenRows(rows);
    expect(outcome.problems.some((p) => p.unreadable)).toBe(false);
  });
});
