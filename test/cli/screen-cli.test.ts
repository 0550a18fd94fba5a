import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

let dir: string;
let roster: string;

beforeAll(async () => {
  dir = makeTempDir('rs-cli-');
  roster = path.join(dir, '花名册 测试.xlsx');
  writeFileSync(
    roster,
    await makeRosterBuffer({
      titleRows: [['2023年度正高级工程师申报人员花名册'], ['填报单位：杭州某某科技有限公司', '', '填报日期：2024-03-20']],
      rows: [
        applicant(),
        applicant({ name: '李四', idNumber: '33010619800307431X', birthDate: '1980-03', cpd2022: 72 }),
        applicant({ name: '王五', idNumber: '330106197506061233', birthDate: '1975-06' }),
      ],
    }),
  );
});

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(text).not.toMatch(/TypeError|ReferenceError|SyntaxError/);
}

describe('screen on a roster', () => {
  it('prints a Chinese summary with every reason and exits 1 when someone fails', () => {
    const r = runCli([roster, '--no-write', '--as-of', '2024-03-01']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/通过 \d+ · 待复核 \d+ · 不通过 \d+（共 3 人）/);
    expect(r.stdout).toContain('李四');
    // Rules by their titles in zh (ids are for JSON, CSV and the exceptions file).
    expect(r.stdout).toContain('[继续教育学时]');
    expect(r.stdout).not.toContain('[cpd-hours]');
    expect(r.stdout).toContain('2022年继续教育72学时');
    // masked by default
    expect(r.stdout).not.toContain('33010619800307431X');
    expect(r.stdout).toContain('330106********431X');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('speaks English with --lang en', () => {
    const r = runCli([roster, '--no-write', '--as-of', '2024-03-01', '--lang', 'en']);
    expect(r.stdout).toMatch(/pass \d+ · review \d+ · fail \d+ \(3 in all\)/);
    expect(r.stdout).toContain('2022');
    // Rules by their English titles, as zh names them by the Chinese ones.
    expect(r.stdout).toContain('[CPD hours]');
    expect(r.stdout).not.toContain('[cpd-hours]');
  });

  it('--format json prints exactly one JSON document following the contract', () => {
    const r = runCli([roster, '--no-write', '--format', 'json', '--as-of', '2024-03-01']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['tool', 'ruleSet', 'asOf', 'inputs', 'summary', 'unchecked', 'problems', 'applicants']),
    );
    expect(doc.tool.name).toBe('roster-screen');
    expect(doc.ruleSet).toMatchObject({ id: 'zj-2023-zhenggao', notice: '浙经信人事〔2023〕291号' });
    expect(doc.ruleSet.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.asOf).toBe('2024-03-01');
    expect(doc.inputs).toHaveLength(1);
    expect(doc.inputs[0]).toMatchObject({ file: roster, sheet: '花名册', headerRow: 3, applicants: 3 });
    expect(doc.summary.total).toBe(3);
    const li = doc.applicants.find((a: { name: string }) => a.name === '李四');
    expect(li.row).toBe(5);
    expect(li.idNumber).toBe('330106********431X');
    expect(li.status).toBe('fail');
    const cpd = li.findings.find((f: { ruleId: string }) => f.ruleId === 'cpd-hours');
    expect(cpd).toMatchObject({ severity: 'error', column: '2022年继续教育学时' });
    expect(cpd.cell).toMatch(/^[A-Z]+5$/);
    expect(cpd.source).toContain('〔');
  });

  it('--no-mask shows ID numbers in full', () => {
    const r = runCli([roster, '--no-write', '--format', 'json', '--no-mask', '--as-of', '2024-03-01']);
    expect(r.stdout).toContain('33010619800307431X');
  });

  it('--fail-on never exits 0; --fail-on review exits 1 when someone needs review', () => {
    expect(runCli([roster, '--no-write', '--fail-on', 'never', '--as-of', '2024-03-01']).status).toBe(0);
    expect(runCli([roster, '--no-write', '--fail-on', 'review', '--as-of', '2024-03-01']).status).toBe(1);
  });

  it('--no-write writes nothing', () => {
    const before = readdirSync(dir).sort();
    runCli([roster, '--no-write', '--as-of', '2024-03-01']);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('a bad option value exits 2 with a message', () => {
    const r = runCli([roster, '--no-write', '--as-of', '2024-13-45']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('选项 --as-of 的值无效：应为 YYYY-MM-DD 格式的日期');
    expect(r.stdout).toBe('');
    // In the user's language only: no English half in a Chinese message, and the reverse.
    expect(r.stderr).not.toMatch(/must be/);
    const en = runCli([roster, '--no-write', '--as-of', '2024-13-45', '--lang', 'en']);
    expect(en.stderr).toContain('Invalid value for --as-of: it must be a date YYYY-MM-DD');
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('bad input: exit 2, a clear message naming the file, nothing written', () => {
  const ole2 = (withEncrypted: boolean): Buffer => {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    if (withEncrypted) Buffer.from('EncryptedPackage', 'utf16le').copy(b, 1024);
    else Buffer.from('Workbook', 'utf16le').copy(b, 1024);
    return b;
  };
  const cases: [string, string, () => Buffer | null, RegExp, RegExp][] = [
    ['legacy .xls', 'old.xls', () => ole2(false), /\.xls|97-2003/, /另存为/],
    ['password-protected workbook', 'locked.xlsx', () => ole2(true), /密码|加密/, /.+/],
    // An HTML table saved as .xls is read now (issue 17); this one has no roster header.
    ['HTML saved as .xls, without a roster header', 'web.xls', () => Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), /没有找到花名册|表头/, /模板|检查表头/],
    ['a .docx renamed', 'letter.xlsx', () => Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') })), /Word|不是.*工作簿|不是 Excel/, /.+/],
    ['an empty file', 'empty.xlsx', () => Buffer.alloc(0), /空/, /.+/],
    ['a missing path', 'missing.xlsx', () => null, /不存在|找不到/, /.+/],
  ];

  it.each(cases)('%s', (_label, name, make, what, todo) => {
    const d = makeTempDir('rs-bad-');
    const file = path.join(d, name);
    const bytes = make();
    if (bytes) writeFileSync(file, bytes);
    const r = runCli([file, '--as-of', '2024-03-01']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(name);
    expect(r.stderr).toMatch(what);
    expect(r.stderr).toMatch(todo);
    noStackTrace(r.stderr);
    expect(readdirSync(d)).toEqual(bytes ? [name] : []);
    if (bytes) expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a truncated workbook', async () => {
    const d = makeTempDir('rs-bad-');
    const full = await makeRosterBuffer({ rows: [applicant()] });
    const file = path.join(d, 'cut.xlsx');
    writeFileSync(file, full.subarray(0, Math.floor(full.length / 2)));
    const r = runCli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cut.xlsx');
    expect(r.stderr).toMatch(/损坏|不完整/);
    noStackTrace(r.stderr);
  });

  it('a text file named .xlsx says it is no workbook', () => {
    const d = makeTempDir('rs-bad-');
    const file = path.join(d, '花名册.xlsx');
    writeFileSync(file, '这不是工作簿\nhello\n');
    const r = runCli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('文件 "' + file + '" 不是 Excel 工作簿，而是纯文本');
    noStackTrace(r.stderr);
  });

  it('English messages with --lang en', () => {
    const d = makeTempDir('rs-bad-');
    const file = path.join(d, 'old.xls');
    writeFileSync(file, ole2(false));
    const r = runCli([file, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stderr).toMatch(/Save As/i);
  });

  it('a roster without 身份证号 lists the headers found', async () => {
    const d = makeTempDir('rs-bad-');
    const file = path.join(d, 'noid.xlsx');
    writeFileSync(file, await makeRosterBuffer({ columns: ['seq', 'name', 'sex', 'unit', 'specialty'], rows: [applicant()] }));
    const r = runCli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('身份证号');
    expect(r.stderr).toContain('工作单位');
    expect(r.stderr).toContain('申报专业');
  });

  it('a roster with a header but no applicants says so', async () => {
    const d = makeTempDir('rs-bad-');
    const file = path.join(d, 'blank.xlsx');
    writeFileSync(file, await makeRosterBuffer({ rows: [] }));
    const r = runCli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('没有申报人员');
  });
});
