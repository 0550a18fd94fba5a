import { describe, expect, it } from 'vitest';
import { fileNamer, withoutLocalPaths } from '../../src/regional/file-names.js';
import { buildReturnList } from '../../src/regional/return-list.js';
import { makeRun } from './run-fixture.js';
import { openWorkbook, rowsOf } from './xlsx-read.js';

describe('file names in documents (no local paths)', () => {
  it('names a file by its path relative to the folder given, or by its name when given alone', () => {
    const name = fileNamer(['/home/u/申报/甲.xlsx', '/home/u/申报/宁波/乙.xlsx']);
    expect(name('/home/u/申报/甲.xlsx')).toBe('甲.xlsx');
    expect(name('/home/u/申报/宁波/乙.xlsx')).toBe('宁波/乙.xlsx');
    expect(fileNamer(['/data/x/花名册.xlsx'])('/data/x/花名册.xlsx')).toBe('花名册.xlsx');
  });

  it('takes local paths out of a text: the run\'s files by their name, any other path by its file name', () => {
    const files = ['/home/u/申报/甲.xlsx', '/home/u/申报/宁波/乙.xlsx'];
    const name = fileNamer(files);
    expect(withoutLocalPaths('身份证号重复，另见/home/u/申报/宁波/乙.xlsx 第8行', files, name)).toBe('身份证号重复，另见宁波/乙.xlsx 第8行');
    expect(withoutLocalPaths('/srv/x/exceptions.csv:3', [], name)).toBe('exceptions.csv:3');
    expect(withoutLocalPaths('C:\\Users\\u\\例外.csv 第2行', [], name)).toBe('例外.csv 第2行');
    expect(withoutLocalPaths('2021年继续教育72学时 72/90', files, name)).toBe('2021年继续教育72学时 72/90');
  });

  it('退回清单 carries no absolute path, neither in bands, rows nor messages', async () => {
    const base = makeRun();
    const abs = (f: string) => `/home/someone/预审/${f}`;
    const run = {
      ...base,
      inputs: base.inputs.map((i) => ({ ...i, file: abs(i.file) })),
      applicants: base.applicants.map((a) => ({
        ...a,
        file: abs(a.file),
        findings: a.findings.map((f) => ({ ...f, message: { zh: `${f.message.zh}（另见${abs('rosters/丙单位.csv')} 第2行）`, en: f.message.en } })),
      })),
    };
    const wb = await openWorkbook(await buildReturnList(run, { lang: 'zh', mask: true }));
    const text = JSON.stringify(wb.worksheets.map((ws) => rowsOf(ws)));
    expect(text).not.toContain('/home/');
    expect(text).toContain('另见丙单位.csv 第2行');
  });
});
