// A roster as offices keep it (issue 17): combined columns (现职称及取得时间, 学历学位, the three
// years' hours in one cell), values with notes and blank stage columns, screened by the built CLI.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { colLetters } from '../../src/ooxml/cell-ref.js';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { validApplicant } from '../helpers/screen-rows.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface JsonFinding { ruleId: string; outcome: string; severity: string; cell: string | null; column: string | null; value: string | null }
interface JsonApplicant { row: number; name: string; status: string; findings: JsonFinding[] }

const SEPARATE = ['currentTitle', 'currentTitleDate', 'education', 'degree', 'cpd2021', 'cpd2022', 'cpd2023'];
const COLUMNS = [...Object.keys(validApplicant).filter((c) => !SEPARATE.includes(c)), 'currentTitleAndDate', 'educationAndDegree', 'cpdYears'];
const HEADERS = { currentTitleAndDate: '现职称及取得时间', educationAndDegree: '学历学位', cpdYears: '继续教育学时（2021/2022/2023年）' };
const letter = (id: string) => colLetters(COLUMNS.indexOf(id));

let roster: string;

beforeAll(async () => {
  const dir = makeTempDir('rs-combined-');
  roster = path.join(dir, '花名册.xlsx');
  const ok = { currentTitleAndDate: '高级工程师 2016.12', educationAndDegree: '大学本科/学士', cpdYears: '96/102/90' };
  writeFileSync(
    roster,
    await makeRosterBuffer({
      columns: COLUMNS,
      headers: HEADERS,
      titleRows: [['2023年度正高级工程师申报人员花名册']],
      rows: [
        applicant({ ...ok, name: '甲' }),
        applicant({ ...ok, name: '乙', idNumber: '330106197102114511', currentTitleAndDate: '高工（2017年3月）', cpdYears: '96（含公需科目24学时）、90学时（已登记）、60+36' }),
        applicant({ ...ok, name: '丙', idNumber: '33010619800307431X', birthDate: '1980-03', gradDate: '2002-07', workStart: '2002-08', currentTitleAndDate: '高级工程师，2020-09-30', educationAndDegree: '大专/无' }),
        applicant({ ...ok, name: '丁', idNumber: '330106197506061233', birthDate: '1975-06', currentTitleAndDate: '高级工程师', cpdYears: '96/102' }),
        // Filled in before the application stage: no dates of the later steps yet.
        applicant({ ...ok, name: '戊', idNumber: '330106197102110027', sex: '女', applyDate: null, publicStart: null, publicEnd: null, recommendDate: null, lowerLevelDate: null }),
      ],
    }),
  );
});

function screen(asOf: string): { status: number | null; byName: (n: string) => JsonApplicant } {
  const r = runCli([roster, '--format', 'json', '--no-write', '--no-progress', '--as-of', asOf]);
  expect(r.stderr).toBe('');
  const doc = JSON.parse(r.stdout) as { applicants: JsonApplicant[] };
  return { status: r.status, byName: (n) => doc.applicants.find((a) => a.name === n)! };
}

const serious = (a: JsonApplicant) => a.findings.filter((f) => f.severity !== 'info').map((f) => [f.ruleId, f.outcome, f.severity, f.cell]);

describe('combined columns, values with notes and blank stages on a workbook', () => {
  it('reads each combined cell as its fields and names that cell in findings', () => {
    const { status, byName } = screen('2024-01-15');
    expect(status).toBe(1);
    expect(byName('甲').status).toBe('pass');
    expect(byName('乙').status).toBe('pass');
    const bing = byName('丙');
    expect(bing.status).toBe('fail');
    expect(serious(bing).map(([id, , severity, cell]) => [id, severity, cell]).sort()).toEqual([
      ['education', 'error', `${letter('educationAndDegree')}5`],
      ['seniority', 'error', `${letter('currentTitleAndDate')}5`],
    ]);
    expect(bing.findings.find((f) => f.ruleId === 'seniority')!.column).toBe('现职称及取得时间');
  });

  it('a cell that cannot be split is a warning on that cell (待复核), never a failure', () => {
    const ding = screen('2024-01-15').byName('丁');
    expect(ding.status).toBe('review');
    const rows = serious(ding);
    expect(rows.length).toBeGreaterThan(0);
    for (const [ruleId, outcome, severity, cell] of rows) {
      expect(outcome).toBe('unreadable');
      expect(severity).toBe('warn');
      expect(cell).toBe(`${letter(ruleId === 'seniority' ? 'currentTitleAndDate' : 'cpdYears')}6`);
    }
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['seniority', 'cpd-hours']));
  });

  it('blank stage columns are "not yet" before their deadlines and warnings after', () => {
    const jan = screen('2024-01-15').byName('戊');
    expect(jan.status).toBe('pass');
    expect(jan.findings.filter((f) => f.outcome === 'not-yet').length).toBe(4);
    const late = screen('2024-03-25').byName('戊');
    expect(late.status).toBe('review');
    expect(late.findings.filter((f) => f.outcome === 'blank' && f.severity === 'warn').map((f) => f.ruleId).sort()).toEqual([
      'deadline-employer',
      'deadline-individual',
      'publicity-days',
    ]);
  });
});
