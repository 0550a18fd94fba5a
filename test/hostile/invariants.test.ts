// Issue 8, part 2: invariants over whole runs of the BUILT command (run `npm run build` first).
//  - every applicant row of every input appears in every output with a verdict;
//  - inputs are byte-identical after a run;
//  - a failed run leaves no partial output;
//  - an internal error exits 2 with a short message that contains no applicant data
//    (in-process, through main(), with one module made to throw).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import type { RawRow } from '../../src/core/types.js';
import { cellText } from '../../src/normalize/text.js';
import { makeRosterBuffer } from '../helpers/make-roster.js';
import { validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { buildXlsx, idNumberFor, labelOf, rosterSheetData, rowXml } from './build.js';
import { expectClearError, expectOutputsNotWritten, expectUnchanged, noStackTrace, put, screen, sha256, snapshot, tempDir } from './cli.js';

type Status = 'pass' | 'review' | 'fail';
const LABEL: Record<Status, string> = { pass: '通过', review: '待复核', fail: '不通过' };

/** An applicant meant to get `status` (fail: short CPD hours; review: sex does not match the ID). */
function person(n: number, status: Status): RowInput {
  const base: RowInput = { ...validApplicant, name: `人员${String(n).padStart(2, '0')}号`, idNumber: idNumberFor(500 + n), birthDate: '1970-' + String(1 + ((500 + n) % 12)).padStart(2, '0') };
  if (status === 'fail') return { ...base, cpd2022: 72 };
  if (status === 'review') return { ...base, sex: '女' };
  return base;
}

interface Expected {
  file: string;
  row: number;
  name: string;
  status: Status;
}

interface JsonApplicant {
  file: string;
  row: number;
  name: string;
  idNumber: string;
  status: Status;
  findings: unknown[];
}

async function readAllRows(file: string, sheet = 0): Promise<RawRow[]> {
  const wb = await openRosterFile(file);
  const rows: RawRow[] = [];
  await wb.readRows(sheet, (r) => void rows.push(r));
  return rows;
}

async function sheetRows(file: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : String(v)))));
    out.set(ws.name, rows);
  });
  return out;
}

describe('every applicant of every input appears in every output with a verdict', () => {
  let dir: string;
  let out: string;
  const expected: Expected[] = [];
  let stdout = '';
  let status: number | null = null;
  const inputs: Record<string, string> = {};

  beforeAll(async () => {
    dir = path.join(tempDir(), '区县 上报');
    mkdirSync(dir, { recursive: true });
    out = path.join(dir, '预审 输出');
    // A: exceljs-made, two title rows, header in row 3.
    const aStatuses: Status[] = ['pass', 'fail', 'review', 'pass', 'fail', 'pass'];
    const a = aStatuses.map((s, i) => person(i + 1, s));
    inputs.a = put(dir, '甲公司 花名册.xlsx', await makeRosterBuffer({ titleRows: [['2023年度正高级工程师申报人员花名册'], ['填报单位：甲公司']], rows: a }));
    aStatuses.forEach((s, i) => expected.push({ file: inputs.a!, row: 4 + i, name: a[i]!.name as string, status: s }));
    // B: hand-made; a blank row, the header again, and a note at the end.
    const bStatuses: Status[] = ['review', 'pass', 'fail', 'pass', 'review'];
    const b = bStatuses.map((s, i) => person(20 + i, s));
    const first = rosterSheetData({ rows: b.slice(0, 3) });
    const second = rosterSheetData({ rows: b.slice(3), headerRow: 6 });
    inputs.b = put(dir, '乙公司.xlsx', buildXlsx({ sheets: [{ name: 'Sheet1', rows: first.xml + '<row r="5"/>' + second.xml + rowXml(9, ['填表说明：以上信息真实有效']) }] }));
    [2, 3, 4, 7, 8].forEach((row, i) => expected.push({ file: inputs.b!, row, name: b[i]!.name as string, status: bStatuses[i]! }));
    // C: a UTF-16 CSV with a subset of the columns (missing stage columns are "not checked").
    const cStatuses: Status[] = ['pass', 'fail', 'review', 'pass'];
    const c = cStatuses.map((s, i) => person(40 + i, s));
    const cols = Object.keys(validApplicant);
    const csv = [cols.map(labelOf).join(','), ...c.map((r) => cols.map((k) => String(r[k] ?? '')).join(','))].join('\r\n') + '\r\n';
    inputs.c = put(dir, '丙公司.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    cStatuses.forEach((s, i) => expected.push({ file: inputs.c!, row: 2 + i, name: c[i]!.name as string, status: s }));

    const before = new Map(Object.values(inputs).map((f) => [f, sha256(f)]));
    const r = screen([dir], ['--out-dir', out], { cwd: dir });
    stdout = r.stdout;
    status = r.status;
    noStackTrace(r.stderr);
    // Inputs are byte-identical after the run.
    for (const [f, h] of before) expect(sha256(f), f).toBe(h);
  });

  const json = (): JsonApplicant[] => (JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { applicants: JsonApplicant[] }).applicants;

  it('the run succeeds and finds failures (exit 1)', () => {
    expect(status).toBe(1);
    expect(expected).toHaveLength(15);
  });

  it('report.json: exactly the applicant rows, each with the intended verdict', () => {
    const got = json().map((a) => `${path.basename(a.file)}#${a.row} ${a.name} ${a.status}`).sort();
    expect(got).toEqual(expected.map((e) => `${path.basename(e.file)}#${e.row} ${e.name} ${e.status}`).sort());
  });

  it('each annotated copy: every applicant row carries its verdict; other rows none', async () => {
    for (const [key, file] of Object.entries(inputs)) {
      const copy = path.join(out, `${path.basename(file).replace(/\.(xlsx|csv)$/, '')}.screened.xlsx`);
      const rows = await readAllRows(copy);
      const header = rows.find((r) => r.cells.some((c) => cellText(c) === '预审结论'))!;
      expect(header, key).toBeDefined();
      const col = header.cells.findIndex((c) => cellText(c) === '预审结论');
      const verdicts = new Map(rows.filter((r) => r.row > header.row).map((r) => [r.row, cellText(r.cells[col])]));
      for (const e of expected.filter((x) => x.file === file)) expect(verdicts.get(e.row), `${key} row ${e.row}`).toBe(LABEL[e.status]);
      const applicantRows = new Set(expected.filter((x) => x.file === file).map((x) => x.row));
      for (const [row, v] of verdicts) if (!applicantRows.has(row)) expect(v, `${key} row ${row} is not an applicant`).toBe('');
    }
  });

  it('推荐名单 lists every pass, 退回清单 every review and fail — each person once', async () => {
    const rec = [...(await sheetRows(path.join(out, '推荐名单.xlsx'))).values()].flat();
    const ret = (await sheetRows(path.join(out, '退回清单.xlsx'))).get('退回清单')!;
    for (const e of expected) {
      const inRec = rec.filter((r) => r[1] === e.name).length;
      const inRet = ret.filter((r) => r[1] === e.name);
      if (e.status === 'pass') {
        expect(inRec, e.name).toBe(1);
        expect(inRet, e.name).toHaveLength(0);
      } else {
        expect(inRec, e.name).toBe(0);
        expect(inRet.length, e.name).toBeGreaterThan(0);
        for (const r of inRet) {
          expect(r[3], e.name).toBe(LABEL[e.status]);
          expect(r[4], e.name).toBe(`${path.basename(e.file)} 第${e.row}行`);
        }
      }
    }
  });

  it('findings.csv: every applicant with a finding, with the verdict', () => {
    const lines = readFileSync(path.join(out, 'findings.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1);
    const seen = new Map<string, Set<string>>();
    for (const l of lines) {
      const [file, , row, , name, , verdict] = l.split(',');
      const k = `${path.basename(file!)}#${row} ${name}`;
      seen.set(k, (seen.get(k) ?? new Set()).add(verdict!));
    }
    const withFindings = new Set(json().filter((a) => a.findings.length > 0).map((a) => `${path.basename(a.file)}#${a.row} ${a.name}`));
    for (const e of expected) {
      const k = `${path.basename(e.file)}#${e.row} ${e.name}`;
      if (e.status !== 'pass') expect(withFindings.has(k), k).toBe(true);
      if (withFindings.has(k)) expect([...(seen.get(k) ?? [])], k).toEqual([LABEL[e.status]]);
    }
    // Nobody who is not an applicant.
    for (const k of seen.keys()) expect(expected.some((e) => `${path.basename(e.file)}#${e.row} ${e.name}` === k), k).toBe(true);
  });

  it('terminal, 预审报告.html and summary.md: the counts, and every review/fail by name', () => {
    const html = readFileSync(path.join(out, '预审报告.html'), 'utf8');
    const md = readFileSync(path.join(out, 'summary.md'), 'utf8');
    const n = (s: Status): number => expected.filter((e) => e.status === s).length;
    expect(stdout).toContain(`通过 ${n('pass')} · 待复核 ${n('review')} · 不通过 ${n('fail')}（共 15 人）`);
    expect(md).toMatch(new RegExp(`\\| ${n('pass')} \\| ${n('review')} \\| ${n('fail')} \\| 15 \\|`));
    for (const e of expected.filter((x) => x.status !== 'pass')) {
      expect(stdout, e.name).toMatch(new RegExp(`第${e.row}行\\s+${e.name}`));
      expect(md, e.name).toContain(`**${e.name}**`);
      expect(html, e.name).toContain(`>${e.name}<`);
    }
  });
});

describe('inputs are never modified', () => {
  it('byte-identical and same mtime after a successful run, a --no-write run and a failed run', () => {
    const dir = tempDir();
    const ok = put(dir, '花名册.xlsx', buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: [person(1, 'pass'), person(2, 'fail')] }).xml }] }));
    const bad = put(dir, '坏.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const stamp = (f: string): string => `${sha256(f)} ${statSync(f).mtimeMs}`;
    const before = [stamp(ok), stamp(bad)];
    expect(screen([ok]).status).toBe(1); // writes beside the input
    expect(screen([ok], ['--no-write']).status).toBe(1);
    expect(screen([ok, bad], ['--out-dir', path.join(dir, 'o')]).status).toBe(2);
    expect([stamp(ok), stamp(bad)]).toEqual(before);
  });
});

describe('an input named like one of our outputs', () => {
  // Regression (was a bug, fixed): cli/plan-outputs.ts annotatedPaths refuses an annotated copy that would land on
  // an input, but the combined outputs (regional/write-combined.ts: 推荐名单.xlsx, findings.csv …)
  // are written without that check: `screen 推荐名单.xlsx --out-dir .` replaces the user's roster
  // with our list. Expected: exit 2 "output-is-input", nothing written.
  it.each([
    ['推荐名单.xlsx', 'zh'],
    ['recommendation-list.xlsx', 'en'],
  ])('%s screened with --out-dir set to its own folder is not overwritten', (name, lang) => {
    const dir = tempDir();
    const file = put(dir, name, buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: [person(1, 'pass')] }).xml }] }));
    const before = snapshot(dir);
    const r = screen([file], ['--out-dir', dir, '--lang', lang]);
    expectClearError(r, /input|输入/);
    expectUnchanged(dir, before);
  });
});

describe('a failed run leaves no partial output', () => {
  // Issue 17: one roster that cannot be read does not stop the others. It is named with its reason,
  // the good roster's outputs are written, and the exit code is 2 so CI notices; no input changes.
  it('a bad second roster: the first is screened and written, the bad one named, exit 2', () => {
    const dir = tempDir();
    const a = put(dir, '甲.xlsx', buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: [person(1, 'pass')] }).xml }] }));
    const b = put(dir, '乙.xlsx', buildXlsx({ sheets: [{ name: '花名册', rows: rowXml(1, ['姓名', '工作单位']) + rowXml(2, ['张三', '某公司']) }] }));
    const inputs = [a, b].map((f) => sha256(f));
    const out = path.join(dir, 'out');
    const r = screen([a, b], ['--out-dir', out]);
    expect(r.status).toBe(2);
    noStackTrace(r.stderr);
    expect(r.stdout + r.stderr).toMatch(/乙\.xlsx/);
    expect(r.stdout + r.stderr).toMatch(/身份证号/);
    expect(existsSync(path.join(out, '甲.screened.xlsx'))).toBe(true);
    expect(existsSync(path.join(out, '乙.screened.xlsx'))).toBe(false);
    expect([a, b].map((f) => sha256(f))).toEqual(inputs);
  });

  // Regression (was a bug, fixed): cli/screen-command.ts writeOutputs writes the annotated copies and then each
  // combined output one by one (each atomically, but not the set), so a failure on the 5th file
  // leaves the first four behind. Expected: stage everything, then move into place — or remove what
  // this run wrote when a later write fails.
  it('several small rosters (annotated side by side): one copy that cannot be placed leaves none of the others behind', () => {
    const dir = tempDir();
    const files = ['甲', '乙', '丙', '丁', '戊', '己'].map((n, i) =>
      put(dir, `${n}.xlsx`, buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: [person(i + 1, 'pass')] }).xml }] })),
    );
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, '丁.screened.xlsx'), { recursive: true });
    writeFileSync(path.join(out, '丁.screened.xlsx', 'keep.txt'), 'x');
    const before = snapshot(dir);
    const r = screen(files, ['--out-dir', out]);
    expectOutputsNotWritten(r, /丁\.screened\.xlsx/);
    expectUnchanged(dir, before);
  });

  it('an output that cannot be written (its name is taken by a folder): none of the others is left behind', () => {
    const dir = tempDir();
    const a = put(dir, '甲.xlsx', buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: [person(1, 'pass')] }).xml }] }));
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'report.json'), { recursive: true });
    writeFileSync(path.join(out, 'report.json', 'keep.txt'), 'x');
    const before = snapshot(dir);
    const r = screen([a], ['--out-dir', out]);
    expectOutputsNotWritten(r, /无法写入.*report\.json/);
    expectUnchanged(dir, before);
  });
});
