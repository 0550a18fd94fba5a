// A folder keeps going: a file that cannot be read is named (terminal, JSON, HTML report, 退回清单)
// and the others are screened and written, exit 2. Links are followed once, loops refused, the
// same roster named twice screened once, GBK file names read by their raw bytes.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicant, labelOf, makeRosterBuffer } from '../helpers/make-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { validApplicant, type RowInput } from '../helpers/screen-rows.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const AS_OF = '2024-03-01';
// 乙单位 in GBK, as a Chinese Windows zip stores it: not valid UTF-8.
const GBK_NAME = Buffer.concat([Buffer.from([0xd2, 0xd2, 0xb5, 0xa5, 0xce, 0xbb]), Buffer.from('.xlsx')]);

/** The roster as the HTML table a web platform saves under an .xls name. */
function htmlRoster(rows: RowInput[]): string {
  const columns = Object.keys(validApplicant);
  const tr = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  return `<html><body><table>${tr(columns.map(labelOf))}${rows.map((r) => tr(columns.map((c) => String(r[c] ?? '')))).join('')}</table></body></html>`;
}

interface Json {
  problems: { file: string; message: string; unreadable?: boolean }[];
  applicants: { file: string; name: string; status: string; findings: { ruleId: string; cell: string | null }[] }[];
  inputs: { file: string }[];
}

let dir: string;
let out: string;
let run: ReturnType<typeof runCli>;
let doc: Json;

beforeAll(async () => {
  const root = makeTempDir('rs-folder-');
  dir = path.join(root, 'in');
  out = path.join(root, 'out');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, '甲.xlsx'), await makeRosterBuffer({ rows: [applicant()] }));
  writeFileSync(Buffer.concat([Buffer.from(dir + path.sep), GBK_NAME]), await makeRosterBuffer({ rows: [applicant({ name: '李四', idNumber: '33010619800307431X', birthDate: '1980-03', cpd2022: 72 })] }));
  writeFileSync(path.join(dir, '丙.xls'), htmlRoster([applicant({ name: '王五', idNumber: '330106197506061233', birthDate: '1975-06' })]));
  writeFileSync(path.join(dir, '坏.xlsx'), Buffer.from('PK\u0003\u0004 this zip is cut short'));
  symlinkSync(path.join(dir, '甲.xlsx'), path.join(dir, 'sub', '甲-链接.xlsx'));
  symlinkSync('..', path.join(dir, 'sub', 'loop'));
  run = runCli([dir, '--format', 'json', '--no-progress', '--as-of', AS_OF, '--out-dir', out]);
  if (!run.stdout) throw new Error(`no report (exit ${run.status}): ${run.stderr}`);
  doc = JSON.parse(run.stdout) as Json;
}, 60_000);

describe('a folder with a broken file, a GBK name, an .xls, a link and a loop', () => {
  it('exits 2, screens every readable roster once, and names the broken file with its reason', () => {
    expect(run.status, run.stderr).toBe(2);
    expect(doc.applicants.map((a) => a.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    const broken = doc.problems.filter((p) => p.unreadable);
    expect(broken).toHaveLength(1);
    expect(broken[0]!.file).toBe(path.join(dir, '坏.xlsx'));
    expect(broken[0]!.message).toMatch(/坏\.xlsx.*(损坏|无法)/);
  });

  it('the link to 甲.xlsx is the same file: no duplicate findings; the loop is a note', () => {
    expect(doc.inputs.map((i) => path.basename(i.file))).not.toContain('甲-链接.xlsx');
    for (const a of doc.applicants) expect(a.findings.map((f) => f.ruleId)).not.toContain('duplicate');
    expect(doc.problems.find((p) => p.file.endsWith('loop'))?.message).toContain('循环');
  });

  it('the GBK-named file is read and shown decoded; its applicant is judged by its cells', () => {
    const li = doc.applicants.find((a) => a.name === '李四')!;
    expect(path.basename(li.file)).toBe('乙单位.xlsx');
    expect(li.status).toBe('fail');
    expect(li.findings.find((f) => f.ruleId === 'cpd-hours')?.cell).toMatch(/^[A-Z]+2$/);
  });

  it('the .xls (HTML) applicant is screened like the others', () => {
    expect(doc.applicants.find((a) => a.name === '王五')?.status).toBe(doc.applicants.find((a) => a.name === '张三')?.status);
  });

  it('writes every readable roster’s copy and names the broken file on 退回清单’s first sheet', async () => {
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['甲.screened.xlsx', '乙单位.screened.xlsx', '丙.screened.xlsx', '退回清单.xlsx']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(out, '退回清单.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => texts.push((row.values as unknown[]).filter((v) => typeof v === 'string').join(' | ')));
    const line = texts.find((t) => t.includes('坏.xlsx'));
    expect(line).toContain('文件无法读取');
    expect(line).not.toContain(dir); // no local path in a document sent on
  });

  it('the terminal and the HTML report name the broken file too', () => {
    const term = runCli([dir, '--no-write', '--no-progress', '--as-of', AS_OF]);
    expect(term.status).toBe(2);
    expect(term.stdout).toContain('坏.xlsx');
    const html = readdirSync(out).find((f) => f.endsWith('.html'));
    expect(html).toBeDefined();
    expect(readFileSync(path.join(out, html!), 'utf8')).toContain('坏.xlsx');
  });
});

describe('inputs that cannot be read at all', () => {
  it('the same roster named three ways is screened once', async () => {
    const d = makeTempDir('rs-same-');
    writeFileSync(path.join(d, 'a.xlsx'), await makeRosterBuffer({ rows: [applicant()] }));
    const r = runCli(['a.xlsx', './a.xlsx', path.join(d, 'a.xlsx'), '--format', 'json', '--no-write', '--as-of', AS_OF], { cwd: d });
    const j = JSON.parse(r.stdout) as Json;
    expect(j.inputs).toHaveLength(1);
    expect(j.applicants).toHaveLength(1);
    expect(j.applicants[0]!.findings.map((f) => f.ruleId)).not.toContain('duplicate');
  });

  it('a lone unreadable file still ends with its own message and exit 2', () => {
    const d = makeTempDir('rs-lone-');
    writeFileSync(path.join(d, 'x.xlsx'), 'not a workbook at all');
    const r = runCli([path.join(d, 'x.xlsx'), '--no-write']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('x.xlsx');
    expect(r.stderr).not.toContain('内部错误');
  });
});
