import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { writeAnnotatedCopy } from '../../src/annotate/write-annotated.js';
import type { ApplicantResult, Finding, Lang, Severity, Status } from '../../src/core/types.js';
import type { RosterInput, RunResult, RuleSummary } from '../../src/report/run-result.js';
import { statusOf } from '../../src/core/status.js';
import { makeTempDir } from '../helpers/temp-dir.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/annotate', import.meta.url));

// Every temp folder of a test file lives under one root, removed after the file's tests (makeTempDir).
let root: string | undefined;

export function tempDir(): string {
  root ??= makeTempDir('annotate-test-');
  return mkdtempSync(path.join(root, 'case-'));
}

export function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Uncompressed zip entries by name. */
export function entries(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function text(map: Map<string, Uint8Array>, name: string): string {
  const b = map.get(name);
  if (!b) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(b);
}

export function finding(
  ruleId: string,
  severity: Severity,
  cell: string | null,
  zh: string,
  extra: Partial<Finding> = {},
): Finding {
  return {
    ruleId,
    outcome: 'x',
    severity,
    cell,
    column: null,
    value: null,
    message: { zh, en: `EN ${zh}` },
    source: { zh: `来源-${ruleId}`, en: `source-${ruleId}` },
    ...extra,
  };
}

export function applicant(row: number, findings: Finding[], extra: Partial<ApplicantResult> = {}): ApplicantResult {
  const status: Status = statusOf(findings);
  return {
    input: 0,
    file: 'roster.xlsx',
    sheet: '花名册',
    row,
    name: `人${row}`,
    idNumber: `33010619710211${String(row).padStart(4, '0')}`,
    unit: row % 2 ? '杭州甲公司' : '宁波乙公司',
    specialty: row % 3 ? '信息技术' : '机电制造',
    status,
    findings,
    ...extra,
  };
}

export function rosterInput(over: Partial<RosterInput> = {}): RosterInput {
  return {
    file: 'roster.xlsx',
    kind: 'xlsx',
    sheet: '花名册',
    sheetIndex: 0,
    headerRow: 3,
    headerTop: 3,
    width: 6,
    applicants: 0,
    sha256: 'ab'.repeat(32),
    layout: { file: 'roster.xlsx', sheet: '花名册', headerRow: 3, fields: new Map() },
    ignoredHeaders: [],
    ...over,
  };
}

// Titled by their ids, so the texts these tests compare stay short; test/annotate/rule-titles.test.ts
// checks that the titles of a real rule set are what the workbook shows.
const RULES: RuleSummary[] = ['cpd-hours', 'specialty', 'id-number', 'unit-type', 'publicity-days'].map((id) => ({
  id,
  title: { zh: id, en: id },
  severity: 'error',
  description: { zh: `${id} 的说明`, en: `${id} description` },
  source: { zh: `${id} 依据`, en: `${id} source` },
  confidence: 'H',
  flagged: 0,
  unchecked: id === 'publicity-days',
}));

export function runResult(input: RosterInput, applicants: ApplicantResult[]): RunResult {
  return {
    tool: { name: 'roster-screen', version: '0.1.0' },
    ruleSet: { id: 'zj-2023-zhenggao', title: { zh: '浙江2023正高', en: 'Zhejiang 2023' }, notice: '浙经信人事〔2023〕291号', noticeIssued: '2023-12-29', sha256: 'cd'.repeat(32), origin: 'bundled' },
    asOf: '2024-03-01',
    inputs: [input],
    applicants,
    summary: {
      total: applicants.length,
      pass: applicants.filter((a) => a.status === 'pass').length,
      review: applicants.filter((a) => a.status === 'review').length,
      fail: applicants.filter((a) => a.status === 'fail').length,
    },
    unchecked: [{ ruleId: 'publicity-days', columns: ['公示开始', '公示结束'], files: [input.file], reason: { zh: '花名册无公示日期列', en: 'no publicity columns' } }],
    problems: [],
    exceptions: [],
    deadlines: [],
    rules: RULES,
  };
}

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

export const HEADERS = ['序号', '姓名', '身份证号', '申报专业', '工作单位', '2022年继续教育学时'];

/**
 * An exceljs-made roster: merged title, a sub-title row, header on row 3, widths, frozen header,
 * a list validation, a conditional format, an image, an autofilter, notes, print setup, and a
 * second sheet.
 */
export async function exceljsRoster(rows = 6): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '2023年度正高级工程师申报人员花名册';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = '填报单位：某某集团';
  ws.getRow(3).values = HEADERS;
  ws.getRow(3).eachCell((c) => {
    c.font = { bold: true, name: '黑体' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (let i = 0; i < rows; i++) {
    const r = ws.getRow(4 + i);
    r.values = [i + 1, `人${4 + i}`, `33010619710211${String(4 + i).padStart(4, '0')}`, i % 3 ? '信息技术' : '机电制造', i % 2 ? '杭州甲公司' : '宁波乙公司', 60 + i * 10];
    r.eachCell((c) => {
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  ws.columns.forEach((c, i) => (c.width = [6, 10, 22, 12, 20, 12][i]));
  ws.getCell('B3').note = '填写身份证上的姓名';
  ws.getCell('B5').note = { texts: [{ text: 'HR：', font: { bold: true } }, { text: '请核对姓名' }] };
  (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`D4:D${3 + rows}`, { type: 'list', allowBlank: true, formulae: ['"信息技术,机电制造,能源"'] });
  ws.addConditionalFormatting({
    ref: `F4:F${3 + rows}`,
    rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [90], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  ws.autoFilter = 'A3:F3';
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, printTitlesRow: '1:3' };
  const img = wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, { tl: { col: 7, row: 0 }, ext: { width: 40, height: 40 } });
  const other = wb.addWorksheet('说明');
  other.getCell('A1').value = '本表由人事处填写';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function hasSoffice(): boolean {
  return spawnSync('which', ['soffice']).status === 0;
}

/** Converts with LibreOffice headless; returns the output path. */
export function sofficeConvert(file: string, to: string, outDir: string): string {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/lo-profile`, '--convert-to', to, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const base = path.basename(file, path.extname(file));
  const ext = to.split(':')[0]!;
  const found = readdirSync(outDir).find((f) => f === `${base}.${ext}`);
  if (!found) throw new Error(`soffice did not write ${base}.${ext}`);
  return path.join(outDir, found);
}

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

export function writeBytes(file: string, b: Uint8Array): void {
  writeFileSync(file, b);
}


/** Throws when a part is not well-formed XML. */
export function assertWellFormed(name: string, xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  p.on('error', (e) => {
    error ??= e;
  });
  p.write(xml).close();
  if (error) throw new Error(`${name}: ${(error as Error).message}`);
}

export interface Screened {
  out: Uint8Array;
  parts: Map<string, Uint8Array>;
  path: string;
}

/** Runs the writer on `bytes` and returns the output. */
export async function screen(
  bytes: Uint8Array,
  applicants: ApplicantResult[],
  opts: { input?: Partial<RosterInput>; lang?: Lang; dir?: string; name?: string } = {},
): Promise<Screened> {
  const dir = opts.dir ?? tempDir();
  const input = rosterInput(opts.input);
  const out = path.join(dir, opts.name ?? 'roster.screened.xlsx');
  await writeAnnotatedCopy({ input, bytes, applicants, run: runResult(input, applicants), outPath: out, lang: opts.lang ?? 'zh' });
  const b = readBytes(out);
  return { out: b, parts: entries(b), path: out };
}

/** Reads back with exceljs (an independent reader). */
export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as ExcelJS.Comment | string | undefined;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

export function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' && f.pattern === 'solid' ? f.fgColor?.argb : undefined;
}

/** The typical findings used across tests, on a roster whose data starts at row 4. */
export function sampleApplicants(): ApplicantResult[] {
  return [
    applicant(4, []),
    applicant(5, [
      finding('cpd-hours', 'error', 'F5', '2022年继续教育70学时，少于90学时（差20学时）'),
      finding('specialty', 'warn', 'D5', '专业待确认'),
      finding('id-number', 'warn', 'B5', '姓名与身份证不符'),
    ]),
    applicant(6, [finding('id-number', 'error', 'C6', '校验位错误'), finding('unit-type', 'warn', null, '花名册无此列，无法核验')]),
    applicant(7, [
      finding('specialty', 'info', 'D7', '人工智能按信息技术申报', {
        exception: { reviewer: '李四', date: '2024-03-02', note: '已电话核实', originalSeverity: 'warn' },
      }),
    ]),
    applicant(8, [finding('cpd-hours', 'warn', 'F8', '学时待核')]),
    applicant(9, []),
  ];
}

// Debian's python3-openpyxl (installed by .ci/run) lives under /usr/bin/python3, which a pyenv shim
// earlier on PATH may hide: use the first python that has openpyxl.
const PYTHON = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0);

export function hasOpenpyxl(): boolean {
  return PYTHON !== undefined;
}

export interface PyCell {
  v: string | number | null;
  fill: string | null;
  note: string | null;
}

/** Reads a workbook with python's openpyxl: sheet names and every cell of one sheet. */
export function readWithOpenpyxl(file: string, sheet: string): { sheets: string[]; cells: Record<string, PyCell> } {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
cells = {}
for row in ws.iter_rows():
    for c in row:
        if c.value is None and c.comment is None and c.fill.fill_type is None:
            continue
        fill = c.fill.fgColor.rgb if c.fill.fill_type == 'solid' and isinstance(c.fill.fgColor.rgb, str) else None
        cells[c.coordinate] = {'v': c.value, 'fill': fill, 'note': c.comment.text if c.comment else None}
print(json.dumps({'sheets': wb.sheetnames, 'cells': cells}, ensure_ascii=False, default=str))
`;
  const r = spawnSync(PYTHON ?? 'python3', ['-c', script, file, sheet], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { sheets: string[]; cells: Record<string, PyCell> };
}
