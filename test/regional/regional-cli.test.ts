// End to end: a regional office screens a folder of employers' rosters with the BUILT command
// (`npm test` builds first), and gets the annotated copies plus the combined outputs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/ooxml/zip/zip-limits.js';
import { readZipDirectory } from '../../src/ooxml/zip/zip-directory.js';
import { streamEntry } from '../../src/ooxml/zip/entry-stream.js';
import { hasSoffice } from '../annotate/helpers.js';
import { makeRegionalFolder, PEOPLE } from './regional-folder.js';
import { openWorkbook, rowsOf } from './xlsx-read.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const root = makeTempDir('rs-regional-');
const inbox = path.join(root, '收件箱');
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

beforeAll(async () => {
  await makeRegionalFolder(inbox);
});

/** The data rows of a list sheet: bands as one-cell rows, applicants as [seq, name, …]. */
async function listBody(file: string, sheet: string, headerRows: number): Promise<(string | number | null)[][]> {
  const wb = await openWorkbook(readFileSync(file));
  const ws = wb.getWorksheet(sheet);
  expect(ws, `sheet ${sheet} in ${file}`).toBeDefined();
  return rowsOf(ws!)
    .slice(2 + headerRows)
    .map((r) => r.cells);
}

describe('screen DIR --out-dir OUT (regional office)', () => {
  const out = path.join(root, '预审结果');
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    run = runCli([inbox, '--out-dir', out, '--as-of', '2024-03-25', '--no-progress']);
  });

  it('exits 1 (some fail) and writes an annotated copy per roster and the six combined outputs', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(
      ['findings.csv', 'report.json', 'summary.md', '丙单位.screened.xlsx', '乙公司.screened.xlsx', '推荐名单.xlsx', '甲公司.screened.xlsx', '退回清单.xlsx', '预审报告.html'].sort(),
    );
    expect(run.stdout).toContain(path.join(out, '推荐名单.xlsx'));
  });

  it('finds the same ID across two employers\' rosters', () => {
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      summary: unknown;
      inputs: unknown[];
      applicants: { name: string; status: string; idNumber: string; findings: { ruleId: string }[] }[];
    };
    expect(report.summary).toEqual({ total: 7, pass: 3, review: 1, fail: 3 });
    expect(report.inputs).toHaveLength(3);
    const dup = report.applicants.filter((a) => a.findings.some((f) => f.ruleId === 'duplicate')).map((a) => a.name).sort();
    expect(dup).toEqual([PEOPLE.qian.name, PEOPLE.wang.name].sort());
    expect(report.applicants.every((a) => a.idNumber.includes('********'))).toBe(true);
  });

  it('推荐名单.xlsx lists the 通过 applicants by committee with their condition documents', async () => {
    const body = await listBody(path.join(out, '推荐名单.xlsx'), '推荐名单', 2);
    expect(body.map((r) => (r.length === 1 ? r[0] : `${r[0]} ${r[1]} ${r[10]} ${r[11]}`))).toEqual([
      '一、信息技术（2人）；评价条件：浙经信人事〔2019〕144号；其中人工智能专业1人，适用浙经信人事〔2023〕240号，申报时归入信息技术领域',
      '1 张三 信息技术 浙经信人事〔2019〕144号',
      '2 李四 人工智能 浙经信人事〔2023〕240号',
      '二、材料（1人）；评价条件：浙经信人事〔2020〕166号',
      '3 孙八 材料 浙经信人事〔2020〕166号',
      '合计：3人',
      '填表人：　　　　　　　　审核人：　　　　　　　　联系电话：',
      '日期：　　　　年　　月　　日　　　　　　　　单位盖章：',
    ]);
    // The personal columns come from the rosters (sex, birth month, employer type, title, education, hours).
    // The ID number in full: the list is the office's working document, as the annotated copy is.
    expect(body[1]![2]).toBe(PEOPLE.zhang.id);
    expect(body[1]!.slice(3, 15)).toEqual(['男', '1971.02', '杭州甲科技有限公司', '企业', '高级工程师', '2015.12', '大学本科/学士', '信息技术', '浙经信人事〔2019〕144号', 96, 100, 92]);
  });

  it('退回清单.xlsx groups the 不通过 and 待复核 by employer with the cell to fix', async () => {
    const body = await listBody(path.join(out, '退回清单.xlsx'), '退回清单', 1);
    const bands = body.filter((r) => r.length === 1).map((r) => r[0]);
    expect(bands.slice(0, -3).sort()).toEqual(
      ['宁波乙机械有限公司（乙公司.xlsx）：不通过 1 人，待复核 1 人', '杭州甲科技有限公司（甲公司.xlsx）：不通过 1 人，待复核 0 人', '温州丙研究院（丙单位.csv）：不通过 1 人，待复核 0 人'].sort(),
    );
    const wu = body.find((r) => r[1] === PEOPLE.wu.name)!;
    expect(wu.slice(2, 6)).toEqual([`${PEOPLE.wu.id.slice(0, 6)}********${PEOPLE.wu.id.slice(14)}`, '不通过', '第6行', 'Q6']);
    expect(String(wu[8])).toContain('2021年继续教育72学时');
    const zhao = body.find((r) => r[1] === PEOPLE.zhao.name)!;
    expect(zhao[3]).toBe('待复核');
    expect(body.some((r) => r[1] === PEOPLE.zhang.name)).toBe(false);
  });

  // The built CLI writes the lists with exceljs (through JSZip): the zip must be exact.
  it('the lists\' zip entries all inflate to their declared size and checksum (our reader verifies CRC-32)', async () => {
    for (const name of ['推荐名单.xlsx', '退回清单.xlsx']) {
      const file = path.join(out, name);
      const dir = readZipDirectory(file, readFileSync(file), DEFAULT_ZIP_LIMITS);
      expect(dir.entries.length, name).toBeGreaterThan(5);
      for (const entry of dir.entries) {
        let size = 0;
        await streamEntry(dir, entry, (chunk) => void (size += chunk.length));
        expect(size, `${name} ${entry.name}`).toBe(entry.uncompressedSize);
      }
    }
  });

  // The one LibreOffice smoke test of the fast suite: an annotated copy and a list, in one soffice run.
  it.skipIf(!hasSoffice())(`LibreOffice opens an annotated copy and 推荐名单.xlsx${hasSoffice() ? '' : ' (SKIPPED: soffice not installed)'}`, () => {
    const dir = makeTempDir('rs-regional-lo-');
    const files = ['甲公司.screened.xlsx', '推荐名单.xlsx'].map((f) => path.join(out, f));
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, ...files],
      { stdio: 'pipe', timeout: 14_000 },
    );
    const list = readFileSync(path.join(dir, '推荐名单.csv'), 'utf8');
    expect(list).toContain('1,张三,');
    expect(list).toContain('合计：3人');
    const copy = readFileSync(path.join(dir, '甲公司.screened.csv'), 'utf8').split('\n');
    expect(copy.find((l) => l.includes('姓名'))).toMatch(/预审结论,预审意见\s*$/);
    expect(copy.find((l) => l.includes(PEOPLE.wu.name))).toContain('不通过');
  });

  it('预审报告.html, summary.md and findings.csv are there, masked', () => {
    const html = readFileSync(path.join(out, '预审报告.html'), 'utf8');
    expect(html).toContain('<div class="n" id="count-fail">3</div>');
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    const csv = readFileSync(path.join(out, 'findings.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const text of [html, csv.toString('utf8'), readFileSync(path.join(out, 'summary.md'), 'utf8')]) {
      expect(text).not.toContain(PEOPLE.wang.id);
      expect(text).toContain(masked(PEOPLE.wang.id));
    }
  });
});

describe('screen DIR with --integrity, --exceptions, --include-review, --lang en', () => {
  const out = path.join(root, 'out-en');
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    writeFileSync(path.join(root, '诚信档案.csv'), `\uFEFF身份证号,姓名,决定日期,事由\r\n${PEOPLE.sun.id},孙八,2022-01-10,提供虚假材料\r\n`);
    writeFileSync(
      path.join(root, '例外.csv'),
      `\uFEFF身份证号,ruleId,复核人,日期,说明\r\n${PEOPLE.zhao.id},seniority,王审核,2024-03-20,按申报截止日计算已满5年\r\n${PEOPLE.zhang.id},cpd-hours,王审核,2024-03-20,旧例外\r\n`,
    );
    run = runCli([
      inbox,
      '--out-dir', out,
      '--as-of', '2024-03-25',
      '--no-progress',
      '--lang', 'en',
      '--include-review',
      '--integrity', path.join(root, '诚信档案.csv'),
      '--exceptions', path.join(root, '例外.csv'),
    ]);
  });

  it('writes the English file names', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    for (const f of ['recommendation-list.xlsx', 'return-list.xlsx', 'report.html', 'report.json', 'summary.md', 'findings.csv']) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
  });

  it('an integrity record fails 孙八; an accepted exception passes 赵六 with the reviewer\'s note; the stale one is listed', async () => {
    const body = await listBody(path.join(out, 'recommendation-list.xlsx'), 'Recommended', 2);
    const names = body.filter((r) => r.length > 1).map((r) => r[1]);
    expect(names).toEqual([PEOPLE.zhao.name, PEOPLE.zhang.name, PEOPLE.li.name]);
    const zhao = body.find((r) => r[1] === PEOPLE.zhao.name)!;
    // Rules by their titles (English in en); the id is for JSON, CSV and the exceptions file.
    expect(zhao[15]).toBe('[Years in current title] accepted by 王审核 on 2024-03-20: 按申报截止日计算已满5年');
    // Only the exception applied: the stale one is for the terminal, JSON and HTML report.
    const exceptions = await listBody(path.join(out, 'recommendation-list.xlsx'), 'Exceptions', 1);
    expect(exceptions.map((r) => [r[2], r[7]])).toEqual([['Years in current title', 1]]);
    const returned = await listBody(path.join(out, 'return-list.xlsx'), 'Return list', 1);
    expect(returned.find((r) => r[1] === PEOPLE.sun.name)?.[3]).toBe('fail');
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('data-exceptions="stale"');
  });

  it('--include-review puts the 待复核 on their own sheet (none left here: the exception cleared 赵六)', async () => {
    const body = await listBody(path.join(out, 'recommendation-list.xlsx'), 'For review', 2);
    expect(body.slice(0, 2)).toEqual([['(none)'], ['Total: 0']]);
  });

  it('refuses a malformed integrity list with exit 2 and a message naming the row', () => {
    writeFileSync(path.join(root, 'bad.csv'), `\uFEFF身份证号,姓名,决定日期\r\n${PEOPLE.sun.id},孙八,不详\r\n`);
    const bad = runCli([inbox, '--out-dir', path.join(root, 'x'), '--as-of', '2024-03-25', '--no-progress', '--integrity', path.join(root, 'bad.csv')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('第2行');
    expect(bad.stderr).toContain('无法识别日期"不详"');
  });
});
