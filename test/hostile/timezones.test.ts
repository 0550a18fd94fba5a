// Issue 8, part 4: the same results, byte for byte, under TZ=Asia/Shanghai, TZ=UTC and
// TZ=America/New_York — the BUILT command run in each, on rosters full of dates: serial dates
// (1900 and 1904 systems, with times just before and after midnight), ISO t="d" cells, date text,
// CJK date formats, and a CSV.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validApplicant } from '../helpers/screen-rows.js';
import { applicants, buildXlsx, numCell, rosterSheetData, labelOf } from './build.js';
import { put, screen, tempDir } from './cli.js';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York'];
const FILES = ['report.json', 'findings.csv', 'summary.md', '预审报告.html'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

let runs: Map<string, Run>;

beforeAll(() => {
  const dir = tempDir();
  // Serial dates with a time of day: 23:59 and 00:01 are where a time-zone bug shows first.
  const serials: Record<string, number> = { currentTitleDate: 42368.999, applyDate: 45352.0007, publicStart: 45362.5, publicEnd: 45366, recommendDate: 45369.9999, lowerLevelDate: 45383 };
  // Distinct people per file (the same ID in two files is a cross-file duplicate).
  const people = (from: number): ReturnType<typeof applicants> =>
    applicants(from + 8, (i) => (i - from === 3 ? { cpd2022: 72 } : i - from === 4 ? { gradDate: '1993年7月', workStart: '1993.08' } : {})).slice(from);
  const serialCell = (shift: number) => (f: string, ref: string, _v: unknown, i: number): string | undefined => {
    if (f in serials && i % 2 === 0) return numCell(ref, serials[f]! - shift, i % 4 === 0 ? 1 : 2);
    if (f === 'applyDate' && i === 5) return `<c r="${ref}" t="d"><v>2024-03-01T23:30:00</v></c>`;
    if (f === 'currentTitleDate' && i === 7) return `<c r="${ref}" t="d"><v>2015-12-30T00:00:00Z</v></c>`;
    return undefined;
  };
  // xfs: s=1 built-in 14 (m/d/yyyy), s=2 built-in 31 (yyyy"年"m"月"d"日").
  const xlsx1900 = buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: people(0), cell: serialCell(0) }).xml }], xfs: [0, 14, 31] });
  const xlsx1904 = buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: people(8), cell: serialCell(1462) }).xml }], xfs: [0, 14, 31], date1904: true });
  const cols = Object.keys(validApplicant);
  const csv = [cols.map(labelOf).join(','), ...applicants(19, (i) => ({ name: `表${i}`, currentTitleDate: '2015/12/30', applyDate: '2024年3月1日' })).slice(16).map((r) => cols.map((c) => String(r[c])).join(','))].join('\r\n');
  const files = [put(dir, '一九〇〇.xlsx', xlsx1900), put(dir, '一九〇四.xlsx', xlsx1904), put(dir, '文本.csv', csv)];
  runs = new Map();
  for (const tz of ZONES) {
    const out = path.join(dir, `out-${tz.replace('/', '-')}`);
    const r = screen(files, ['--out-dir', out, '--format', 'json'], { cwd: dir, env: { TZ: tz } });
    runs.set(tz, { ...r, files: Object.fromEntries(FILES.map((f) => [f, readFileSync(path.join(out, f), 'utf8')])) });
  }
});

describe('time zones', () => {
  it('each run succeeds (someone fails: exit 1)', () => {
    for (const [tz, r] of runs) {
      expect(r.stderr, tz).toBe('');
      expect(r.status, tz).toBe(1);
    }
  });

  it('the JSON on stdout is byte-identical', () => {
    const [first, ...rest] = ZONES.map((tz) => runs.get(tz)!.stdout);
    for (const [i, s] of rest.entries()) expect(s, ZONES[i + 1]).toBe(first);
  });

  it.each(FILES)('%s is byte-identical', (name) => {
    const [first, ...rest] = ZONES.map((tz) => runs.get(tz)!.files[name]);
    for (const [i, s] of rest.entries()) expect(s, `${name} under ${ZONES[i + 1]}`).toBe(first);
  });

  it('the dates are the calendar dates in the cells (1900 and 1904 agree, times of day do not move them)', () => {
    const doc = JSON.parse(runs.get('UTC')!.stdout) as { applicants: { file: string; row: number; status: string; findings: { ruleId: string; severity: string }[] }[] };
    const status = (file: string): string[] => doc.applicants.filter((a) => a.file.endsWith(file)).map((a) => a.status);
    // Applicant 4 (row 5) has short CPD hours; everyone else passes — in both date systems.
    const want = ['pass', 'pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass'];
    expect(status('一九〇〇.xlsx')).toEqual(want);
    expect(status('一九〇四.xlsx')).toEqual(want);
    expect(status('文本.csv')).toEqual(['pass', 'pass', 'pass']);
  });
});
