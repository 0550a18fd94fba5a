// `screen template` run as users run it (the built CLI, plain node), and the file it writes opened
// with an independent reader (fflate + the XML itself): headers, dropdowns on bounded ranges, the
// text-formatted ID column, date formats, frozen header, widths, the instructions sheet.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { runCli } from '../helpers/run-cli.js';
import { columnNumber, columnsOf, letterOf, readXlsx, validationsOf, type XlsxParts } from './xlsx-parts.js';

const DEFAULT_NAME = '2023年度正高级工程师申报人员花名册.xlsx';
const LAST_ROW = 2001;

let dir: string;
let file: string;
let parts: XlsxParts;
let headers: string[];
let rosterXml: string;
let stdout: string;

const ruleSet = loadBundledRuleSet().ruleSet;
const label = (id: string) => ruleSet.columns.find((c) => c.id === id)!.label.zh;
const colOf = (id: string) => headers.indexOf(label(id)) + 1;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'template-'));
  const r = runCli(['template'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  stdout = r.stdout;
  file = path.join(dir, DEFAULT_NAME);
  parts = readXlsx(readFileSync(file));
  const cells = parts.cells('花名册');
  headers = [];
  for (let c = 1; cells.has(`${letterOf(c)}1`); c++) headers.push(cells.get(`${letterOf(c)}1`)!);
  rosterXml = parts.text(parts.sheets.find((s) => s.name === '花名册')!.path);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('screen template: the file', () => {
  it('is written under the round default name and says so', () => {
    expect(statSync(file).size).toBeGreaterThan(5000);
    expect(stdout).toContain(`已生成花名册模板：${DEFAULT_NAME}`);
    expect(stdout).toContain(`screen ${DEFAULT_NAME}`);
    expect(stdout).toMatch(/2024-03-08.*2024-03-21.*2024-04-10/);
  });

  it('has the roster sheet first, then the instructions sheet', () => {
    expect(parts.sheets.map((s) => s.name).slice(0, 2)).toEqual(['花名册', '填写说明']);
    expect(parts.sheets[0]!.state).toBe('visible');
  });

  it('has one header row with the standard names (label.zh) in roster order, and nothing else', () => {
    expect(headers.slice(0, 9)).toEqual(['序号', '姓名', '性别', '身份证号', '出生年月', '联系电话', '工作单位', '单位性质', '单位所在地']);
    expect(headers.slice(-6)).toEqual(['主要业绩成果', '个人申报日期', '公示开始', '公示结束', '单位推荐日期', '主管部门推荐日期']);
    const cpd = ['2021年继续教育学时', '2022年继续教育学时', '2023年继续教育学时'];
    const at = headers.indexOf(cpd[0]!);
    expect(headers.slice(at, at + 3)).toEqual(cpd);
    // Every identity and core column, and every stage column except the one-cell publicity period,
    // the combined columns (their fields have columns of their own) and the optional 公需/专业 split.
    const expected = ruleSet.columns
      .filter((c) => c.id !== 'publicPeriod' && !c.combines && !/^cpd(Public|Pro)\d{4}$/.test(c.id))
      .map((c) => c.label.zh);
    expect([...headers].sort()).toEqual([...expected].sort());
    expect(new Set(headers).size).toBe(headers.length);
    // Blank: only the header row holds cells.
    const rows = [...rosterXml.matchAll(/<row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([1]);
  });

  it('puts dropdowns on a bounded range (rows 2–2001), never on whole columns', () => {
    const vs = validationsOf(rosterXml);
    expect(vs.length).toBeGreaterThan(10);
    for (const v of vs) {
      for (const range of v.sqref.split(/\s+/)) {
        expect(range, `sqref ${v.sqref}`).toMatch(new RegExp(`^(?<c>[A-Z]+)2:\\k<c>${LAST_ROW}$`));
      }
    }
    expect(rosterXml).not.toMatch(/sqref="[A-Z]+:[A-Z]+"/);
    expect(rosterXml).not.toMatch(/1048576/);
  });

  it('offers the closed vocabularies of the rule set as list dropdowns', () => {
    const lists = new Map<string, string[]>();
    for (const v of validationsOf(rosterXml).filter((x) => x.type === 'list')) {
      const col = columnNumber(/^[A-Z]+/.exec(v.sqref)![0]);
      expect(v.formula1, `inline list for ${headers[col - 1]}`).toMatch(/^".*"$/);
      lists.set(headers[col - 1]!, v.formula1.slice(1, -1).split(','));
    }
    const specialtyRule = ruleSet.rules.find((r) => r.id === 'specialty');
    const specialties = specialtyRule
      ? (specialtyRule.params.specialties as { name: string }[]).map((s) => s.name)
      : ['机电制造', '信息技术', '能源', '材料', '轻纺', '石油和化学工程', '人工智能'];
    expect(lists.get('申报专业')).toEqual(specialties);
    expect(lists.get('单位性质')).toEqual(['企业', '事业单位', '部属在浙单位']);
    expect(lists.get('学历')).toEqual(expect.arrayContaining(['大学本科', '硕士研究生', '博士研究生', '大学专科']));
    expect(lists.get('学位')).toEqual(expect.arrayContaining(['学士', '硕士', '博士', '无']));
    for (const yesNo of ['主管部门委托', '岗位核验', '业绩档案审核', '学时登记', '破格']) expect(lists.get(yesNo), yesNo).toEqual(['是', '否']);
    for (const y of [2021, 2022, 2023]) expect(lists.get(`${y}年度考核`)).toEqual(expect.arrayContaining(['优秀', '合格', '基本合格', '不合格']));
    expect(lists.get('性别')).toEqual(['男', '女']);
    // Free-text and date columns have no list.
    for (const free of ['姓名', '工作单位', '现专业技术资格', '公示开始', '2021年继续教育学时']) expect(lists.has(free), free).toBe(false);
  });

  it('formats the ID column as text and the date columns as dates (column styles)', () => {
    const cols = columnsOf(rosterXml);
    const styleOfCol = (n: number) => cols.find((c) => c.min <= n && n <= c.max)?.style;
    const fmt = (n: number) => {
      const s = styleOfCol(n);
      return s === undefined ? 'General' : parts.numFmtOfStyle(s);
    };
    expect(fmt(colOf('idNumber'))).toBe('@');
    expect(fmt(colOf('phone'))).toBe('@');
    // 出生年月 is text too: a month typed into a date cell would become the 1st and disagree with the ID.
    expect(fmt(colOf('birthDate'))).toBe('@');
    for (const id of ['currentTitleDate', 'gradDate', 'workStart', 'applyDate', 'publicStart', 'publicEnd', 'recommendDate', 'lowerLevelDate']) {
      expect(fmt(colOf(id)), id).toBe('yyyy-mm-dd');
    }
    expect(fmt(colOf('name'))).toBe('General');
    // No date validation: 2019-06 typed as text must stay allowed.
    expect(validationsOf(rosterXml).some((v) => v.type === 'date')).toBe(false);
  });

  it('checks the ID length (warning only) and does not pre-fill thousands of cells', () => {
    const id = validationsOf(rosterXml).find((v) => v.type === 'textLength');
    expect(id?.sqref).toBe(`${letterOf(colOf('idNumber'))}2:${letterOf(colOf('idNumber'))}${LAST_ROW}`);
    expect(id?.errorStyle).toBe('warning');
    expect(rosterXml.length).toBeLessThan(40_000);
  });

  it('freezes the header row (and the name), and sets a width on every column', () => {
    expect(rosterXml).toMatch(/<pane\b[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(rosterXml).toMatch(/<pane\b[^>]*xSplit="2"/);
    const cols = columnsOf(rosterXml);
    for (let n = 1; n <= headers.length; n++) {
      const c = cols.find((x) => x.min <= n && n <= x.max);
      expect(c?.width, headers[n - 1]).toBeGreaterThanOrEqual(6);
    }
    expect(cols.find((x) => x.min <= colOf('idNumber') && colOf('idNumber') <= x.max)!.width).toBeGreaterThanOrEqual(20);
  });

  it('explains the columns, accepted values, examples, the three deadlines and the 5-working-day publicity', () => {
    const text = [...parts.cells('填写说明').values()].join('\n');
    for (const h of headers) expect(text, h).toContain(h);
    expect(text).toContain('2024年3月8日');
    expect(text).toContain('2024年3月21日');
    expect(text).toContain('2024年4月10日');
    expect(text).toMatch(/不少于5个工作日/);
    expect(text).toContain('浙经信人事〔2023〕291号');
    expect(text).toContain('330106197102114319'); // the ID example
    expect(text).toContain('不少于90学时');
    expect(text).toContain('选择性粘贴');
    // Rules by their names, as in every document a person reads: never an English rule id.
    expect(text).not.toMatch(/\b(id-number|duplicate|name-required|cpd-hours)\b/);
    expect(text).toContain('身份证号');
  });
});

describe('screen template: options and refusals', () => {
  it('refuses to overwrite an existing file (exit 2, file untouched) and suggests --out', () => {
    const before = readFileSync(file);
    const r = runCli(['template'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('已存在');
    expect(r.stderr).toContain('--out');
    expect(r.stdout).toBe('');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('writes to --out; a folder as --out gets the default name inside it', () => {
    const out = path.join(dir, '我的花名册.xlsx');
    expect(runCli(['template', '--out', out]).status).toBe(0);
    expect(readXlsx(readFileSync(out)).sheets[0]!.name).toBe('花名册');
    const sub = path.join(dir, 'sub');
    mkdirSync(sub);
    expect(runCli(['template', '--out', sub]).status).toBe(0);
    expect(statSync(path.join(sub, DEFAULT_NAME)).isFile()).toBe(true);
  });

  it('refuses a name that is not .xlsx, and a folder that does not exist (exit 2)', () => {
    const csv = runCli(['template', '--out', path.join(dir, 'x.csv')]);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain('.xlsx');
    const missing = runCli(['template', '--out', path.join(dir, 'no', 'such', 'x.xlsx')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('不存在');
  });

  it('--lang en: English messages and a bilingual instructions sheet, Chinese headers kept', () => {
    const out = path.join(dir, 'en.xlsx');
    const r = runCli(['template', '--out', out, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Roster template written');
    const en = readXlsx(readFileSync(out));
    expect(en.cells('花名册').get('B1')).toBe('姓名');
    const text = [...en.cells('填写说明').values()].join('\n');
    expect(text).toContain('at least 5 working days');
    expect(text).toContain('不少于5个工作日');
    const again = runCli(['template', '--out', out, '--lang', 'en']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('--rules: the template follows the rule set given', () => {
    const custom = path.join(dir, 'custom-rules.json');
    const rs = structuredClone(ruleSet) as typeof ruleSet & Record<string, unknown>;
    rs.round.year = 2024;
    rs.columns = rs.columns.filter((c) => c.id !== 'phone');
    writeFileSync(custom, JSON.stringify(rs));
    const r = runCli(['template', '--rules', custom], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const t = readXlsx(readFileSync(path.join(dir, '2024年度正高级工程师申报人员花名册.xlsx')));
    expect([...t.cells('花名册').values()]).not.toContain('联系电话');
  });
});
