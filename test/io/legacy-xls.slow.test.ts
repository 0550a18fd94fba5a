// An .xls written by LibreOffice, and one by gnumeric's ssconvert (a second, independent BIFF8
// writer), read as the .xlsx they were converted from; the annotated copy is an .xlsx with the
// roster's values, our columns and the note that formatting was not carried over.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { AS_OF, expectSameAsXlsx, hasProgram, verdicts, writeRosterXlsx } from './xls-roster.js';

const soffice = hasProgram('soffice');
const ssconvert = hasProgram('ssconvert');

describe('.xls written by gnumeric', () => {
  it.skipIf(!ssconvert)('gives the same verdicts, rule ids and cells as the .xlsx (skipped without ssconvert)', async () => {
    const dir = makeTempDir('rs-ssconvert-');
    const xlsx = await writeRosterXlsx(dir);
    const xls = path.join(dir, '花名册-gnumeric.xls');
    execFileSync('ssconvert', ['--export-type=Gnumeric_Excel:excel_biff8', xlsx, xls], { stdio: 'pipe', timeout: 60_000 });
    expectSameAsXlsx(xls, xlsx);
  });
});

describe('.xls written by LibreOffice', () => {
  it.skipIf(!soffice)('reads as the .xlsx and gets an .xlsx annotated copy (skipped without soffice)', async () => {
    const dir = makeTempDir('rs-soffice-');
    const src = makeTempDir('rs-soffice-src-');
    const xlsx = await writeRosterXlsx(src);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xls', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 });
    const xls = path.join(dir, '单位花名册.xls');
    renameSync(path.join(dir, '花名册.xls'), xls);
    expectSameAsXlsx(xls, xlsx);

    const out = path.join(dir, 'out');
    const r = runCli([xls, '--no-progress', '--as-of', AS_OF, '--out-dir', out]);
    expect(r.status, r.stderr).toBe(1);
    expect(readdirSync(out)).toContain('单位花名册.screened.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(out, '单位花名册.screened.xlsx')) as unknown as ArrayBuffer);
    const roster = wb.worksheets[0]!;
    expect(roster.getCell('A1').text).toBe('2023年度正高级工程师申报人员花名册');
    const header = (roster.getRow(2).values as unknown[]).map(String);
    expect(header).toContain('姓名');
    expect(header.some((h) => h.includes('预审结论'))).toBe(true);
    const summary = wb.worksheets.find((w) => w.name.includes('预审汇总'));
    const texts: string[] = [];
    summary?.eachRow((row) => texts.push((row.values as unknown[]).join(' ')));
    expect(texts.join('\n')).toContain('原有格式');
  });
});

describe('.xls with a hidden row (LibreOffice)', () => {
  it.skipIf(!soffice)('flags the hidden applicant as the .xlsx does (skipped without soffice)', async () => {
    const dir = makeTempDir('rs-soffice-hidden-');
    const xlsx = await writeRosterXlsx(dir);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    book.worksheets[0]!.getRow(4).hidden = true; // 李四 (title row 1, header row 2)
    await book.xlsx.writeFile(xlsx);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xls', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 });
    const xls = path.join(dir, '花名册.xls');
    const want = verdicts(xlsx);
    expect(want.filter((v) => v.findings.some((f) => f.startsWith('hidden-row@'))).map((v) => v.name)).toEqual(['李四']);
    expect(verdicts(xls)).toEqual(want);
  });
});
