// Issue 18: odd inputs that used to crash, or to lose rows without a word. Each is built in code
// and run through the BUILT command (`npm run build` first).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ALL_COLUMNS, applicants, assembleZip, buildXlsx, idNumberFor, NS_MAIN, NS_R, numCell, rawEntriesOf, rosterSheetData, rosterXlsx } from './build.js';
import { expectClearError, expectOutputsNotWritten, isFile, noStackTrace, put, screen, tempDir } from './cli.js';
import { csvRoster, expectWellFormed, textsOf, workbooksUnder } from './written.js';

interface JsonDoc {
  inputs: { file: string; applicants: number }[];
  problems: { file: string; message: string }[];
  applicants: { file: string; row: number; status: string; findings: { ruleId: string; cell: string | null; value: string | null; message: string }[] }[];
}

const BIRTH_COL = String.fromCharCode(65 + ALL_COLUMNS.indexOf('birthDate'));

describe('Excel serial 60 (1900-02-29, Lotus leap-year bug)', () => {
  // The birth date cell holds serial 60 with a date style (s="1" is a date in build.ts).
  const roster = (n: number) =>
    rosterXlsx({ rows: applicants(n), cell: (field, ref, _v, i) => (field === 'birthDate' && i === 1 ? numCell(ref, 60, 1) : undefined) });

  it('in a date column: a finding on that cell, the run goes on (no internal error)', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', roster(3));
    const r = screen([file], ['--format', 'json', '--no-write']);
    noStackTrace(r.stderr);
    expect(r.stderr).not.toMatch(/内部错误|Internal error/);
    expect([0, 1]).toContain(r.status);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(doc.applicants).toHaveLength(3);
    const row3 = doc.applicants.find((a) => a.row === 3)!;
    const f = row3.findings.find((x) => x.cell === `${BIRTH_COL}3`);
    expect(f, JSON.stringify(row3.findings)).toBeDefined();
    expect(f!.value).toBe('1900-02-29');
  });

  it('in one roster of a folder: every other roster is still screened', () => {
    const dir = tempDir();
    const folder = path.join(dir, 'in');
    mkdirSync(folder);
    put(folder, '甲单位.xlsx', roster(2));
    put(folder, '乙单位.xlsx', rosterXlsx({ rows: applicants(2) }));
    const r = screen([folder], ['--format', 'json', '--no-write'], { cwd: dir });
    expect(r.stderr).not.toMatch(/内部错误/);
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(doc.inputs.map((i) => path.basename(i.file)).sort()).toEqual(['乙单位.xlsx', '甲单位.xlsx']);
    expect(doc.applicants).toHaveLength(4);
  });

  it('in the --integrity list: a clear refusal naming the cell', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', rosterXlsx({ rows: applicants(1) }));
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>决定日期</t></is></c></row>` + `<row r="2"><c r="A2" t="inlineStr"><is><t>${idNumberFor(0)}</t></is></c>${numCell('B2', 60, 1)}</row>`;
    const list = put(dir, '诚信档案.xlsx', buildXlsx({ sheets: [{ name: 'Sheet1', rows }] }));
    const r = screen([file], ['--integrity', list, '--no-write']);
    expectClearError(r, /1900-02-29/, list);
    expect(r.stderr).toContain('B2');
  });
});

describe('CSV text problems are refused naming the line', () => {
  const lines = (n: number) => csvRoster(applicants(n), ALL_COLUMNS);

  it('an unterminated quote: exit 2, the line where it opens (5 applicants never become 1)', () => {
    const dir = tempDir();
    const text = lines(5).split('\r\n');
    text[3] = text[3]!.replace(/,([^,]*)$/, ',"$1'); // line 4: the last field opens a quote
    const file = put(dir, '花名册.csv', text.join('\r\n'));
    const r = screen([file], ['--no-write']);
    expectClearError(r, /第 4 行.*双引号/, file);
  });

  it('an unterminated quote in one CSV of a folder: exit 2 naming that file and line', () => {
    const dir = tempDir();
    const folder = path.join(dir, 'in');
    mkdirSync(folder);
    put(folder, '好.csv', lines(2));
    put(folder, '坏.csv', lines(2).replace(/\r\n([^\r\n]*)\r\n$/, '\r\n"$1\r\n'));
    const r = screen([folder], ['--format', 'json', '--no-write'], { cwd: dir });
    expect(r.status).toBe(2);
    noStackTrace(r.stderr);
    // The folder goes on: the good roster is screened and reported, the bad one named with its line.
    const doc = JSON.parse(r.stdout) as JsonDoc;
    expect(JSON.stringify(doc.problems)).toMatch(/坏\.csv[\s\S]*第 3 行/);
    expect(doc.inputs.map((i) => path.basename(i.file))).toEqual(['好.csv']);
  });

  it('one invalid byte in a UTF-8 CSV: the line with it, not "format not recognised"', () => {
    const dir = tempDir();
    const text = lines(4).split('\r\n');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, 2).join('\r\n') + '\r\n'), Buffer.from([0xff]), Buffer.from(text.slice(2).join('\r\n'))]);
    const file = put(dir, '花名册.csv', bytes);
    const r = screen([file], ['--no-write']);
    expectClearError(r, /第 3 行.*无法识别的字符/, file);
    expect(r.stderr).not.toMatch(/无法识别文件/);
  });

  it('a GBK CSV (mostly invalid as UTF-8) is still read as GBK, not refused', () => {
    const dir = tempDir();
    // GB18030 bytes of 姓名 / 张三 / 李四.
    const file = put(dir, 'gbk.csv', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a, 0xc0, 0xee, 0xcb, 0xc4, 0x0d, 0x0a]));
    const r = screen([file], ['--no-write']);
    noStackTrace(r.stderr);
    expect(r.stderr).not.toMatch(/无法识别的字符|not valid UTF-8/);
  });
});

describe('malformed sheet XML is refused as damaged', () => {
  const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetData>${rows}</sheetData></worksheet>`;
  const { xml } = rosterSheetData({ rows: applicants(3) });

  it.each([
    ['a mismatched end tag', sheet(xml.replace('</row><row r="3">', '</rw><row r="3">'))],
    ['an unclosed root', sheet(xml).replace('</sheetData></worksheet>', '')],
  ])('%s: exit 2, "damaged", never "no roster header"; in a folder too', (_what, part) => {
    const dir = tempDir();
    const bad = put(dir, '坏.xlsx', buildXlsx({ sheets: [{ name: '花名册', rows: '', xml: part }] }));
    const r = screen([bad], ['--no-write']);
    expectClearError(r, /已损坏/, bad);
    expect(r.stderr).not.toMatch(/表头/);

    const folder = path.join(dir, 'in');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '坏.xlsx'), readFileSync(bad));
    put(folder, '好.xlsx', rosterXlsx({ rows: applicants(2) }));
    const f = screen([folder], ['--format', 'json', '--no-write'], { cwd: dir });
    expect(f.status).toBe(2);
    expect(f.stderr + f.stdout).toMatch(/坏\.xlsx[\s\S]*已损坏/);
    if (f.stdout) expect((JSON.parse(f.stdout) as JsonDoc).inputs.map((i) => path.basename(i.file))).toEqual(['好.xlsx']);
  });
});

describe('zip packages', () => {
  it('two entries of one name: refused as damaged naming the entry (not an internal error)', () => {
    const dir = tempDir();
    const files = unzipSync(rosterXlsx({ rows: applicants(2) }));
    const entries = rawEntriesOf(files);
    entries.push(rawEntriesOf({ 'xl/worksheets/sheet1.xml': files['xl/worksheets/sheet1.xml']! })[0]!);
    const file = put(dir, '重名.xlsx', assembleZip(entries));
    const r = screen([file], ['--no-write']);
    expectClearError(r, /已损坏.*xl\/worksheets\/sheet1\.xml/, file);
  });
});

describe('file names', () => {
  it('an 80-character Chinese name: screened and its copy written (temp names stay short)', () => {
    const dir = tempDir();
    const name = `${'浙江省某某科技有限公司申报人员花名册'.repeat(5).slice(0, 80)}.xlsx`;
    const file = put(dir, name, rosterXlsx({ rows: applicants(2) }));
    const r = screen([file]);
    noStackTrace(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    const copy = path.join(dir, name.replace(/\.xlsx$/, '.screened.xlsx'));
    expect(isFile(copy)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a macro-enabled roster (.xlsm)', () => {
  function xlsm(): Uint8Array {
    const files = unzipSync(rosterXlsx({ rows: applicants(2) }));
    const text = (n: string) => new TextDecoder().decode(files[n]);
    files['[Content_Types].xml'] = strToU8(
      text('[Content_Types].xml')
        .replace('spreadsheetml.sheet.main+xml', 'x')
        .replace('ContentType="application/vnd.openxmlformats-officedocument.x"', 'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"')
        .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"'),
    );
    files['xl/_rels/workbook.xml.rels'] = strToU8(
      text('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
    );
    files['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
    return zipSync(files);
  }

  it('gets a real .xlsx copy: plain workbook content type, no VBA project, every part well-formed', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsm', xlsm());
    expect(new TextDecoder().decode(unzipSync(readFileSync(file))['[Content_Types].xml'])).toContain('macroEnabled');
    const r = screen([file]);
    expect(r.status, r.stderr).toBe(0);
    const copy = path.join(dir, '花名册.screened.xlsx');
    const parts = unzipSync(readFileSync(copy));
    const ct = new TextDecoder().decode(parts['[Content_Types].xml']);
    expect(ct).not.toMatch(/macroEnabled/i);
    expect(ct).toContain('spreadsheetml.sheet.main+xml');
    expect(Object.keys(parts)).not.toContain('xl/vbaProject.bin');
    expect(new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels'])).not.toContain('vbaProject');
    for (const w of workbooksUnder(dir)) expectWellFormed(w);
  });
});

describe('messages', () => {
  it('sources are bracketed once in 预审意见 and notes (no 〔〔…〕〕)', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', rosterXlsx({ rows: applicants(2, (i) => (i === 0 ? { cpd2022: 10 } : {})) }));
    const r = screen([file]);
    expect(r.status, r.stderr).toBe(1);
    const texts = textsOf(path.join(dir, '花名册.screened.xlsx'));
    expect(texts.some((t) => t.includes('〔'))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(/〔〔|〕〕/);
  });

  it('a write error suggests --out-dir, the option screen has (never --out)', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', rosterXlsx({ rows: applicants(1) }));
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, '花名册.screened.xlsx'), { recursive: true }); // the target is a folder
    const r = screen([file], ['--out-dir', out]);
    // The screening is done: its verdicts are shown, then the error.
    expectOutputsNotWritten(r, /--out-dir/);
    expect(r.stderr).not.toMatch(/--out(?!-dir)/);
  });

  it('bidi overrides in a cell reach the terminal neutralised, like ESC', () => {
    const dir = tempDir();
    const file = put(dir, '花名册.xlsx', rosterXlsx({ rows: applicants(1, () => ({ name: '张\u202E三\u2066', cpd2022: 10 })) }));
    const r = screen([file], ['--no-write']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('张');
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });
});
