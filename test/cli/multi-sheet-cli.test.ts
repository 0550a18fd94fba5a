// A workbook with several roster sheets through the built CLI: every sheet is screened, JSON names
// each applicant's sheet, and the one annotated copy carries our columns on every roster sheet with
// the user's cells unchanged and a summary counting them all.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { who, writeWorkbook } from '../helpers/office-workbook.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface JsonApplicant {
  sheet: string;
  row: number;
  status: string;
  findings: { ruleId: string; cell: string | null }[];
}

describe('screen: a workbook with several roster sheets', () => {
  let dir: string;
  let file: string;
  let run: CliRun;
  beforeAll(async () => {
    dir = makeTempDir();
    file = path.join(dir, '汇总.xlsx');
    await writeWorkbook(file, [
      { name: '信息技术', rows: [who('甲一', 1), who('甲二', 2)], hiddenRows: [4] },
      { name: '材料', rows: [who('乙一', 3, { specialty: '材料' }), who('乙二', 4, { specialty: null })] },
    ]);
    run = runCli([file, '--out-dir', path.join(dir, 'out'), '--format', 'json', '--as-of', '2024-03-01', '--no-progress']);
  });

  it('screens both sheets; JSON carries each applicant\'s sheet', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1); // 乙二 has no 申报专业
    const doc = JSON.parse(run.stdout) as { inputs: { sheet: string; applicants: number }[]; applicants: JsonApplicant[] };
    expect(doc.inputs.map((i) => [i.sheet, i.applicants])).toEqual([
      ['信息技术', 2],
      ['材料', 2],
    ]);
    expect(doc.applicants.map((a) => [a.sheet, a.row, a.status])).toEqual([
      ['信息技术', 3, 'pass'],
      ['信息技术', 4, 'review'],
      ['材料', 3, 'pass'],
      ['材料', 4, 'fail'],
    ]);
    expect(doc.applicants[1]!.findings.map((f) => f.ruleId)).toContain('hidden-row');
  });

  it('writes one annotated copy with our columns on every roster sheet, the user\'s cells unchanged', async () => {
    const out = path.join(dir, 'out');
    expect(readdirSync(out).filter((f) => f.startsWith('汇总'))).toEqual(['汇总.screened.xlsx']);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(file);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, '汇总.screened.xlsx'));
    expect(copy.worksheets.map((w) => w.name)).toEqual(['填表说明', '信息技术', '材料', '预审汇总', '预审规则']);
    for (const name of ['信息技术', '材料']) {
      const before = original.getWorksheet(name)!;
      const after = copy.getWorksheet(name)!;
      const width = before.columnCount;
      for (let r = 1; r <= before.rowCount; r++) {
        for (let c = 1; c <= width; c++) expect([name, r, c, after.getCell(r, c).value]).toEqual([name, r, c, before.getCell(r, c).value]);
      }
      expect(after.getCell(2, width + 1).value).toBe('预审结论');
    }
    const verdicts = (name: string) => [3, 4].map((r) => copy.getWorksheet(name)!.getCell(r, original.getWorksheet(name)!.columnCount + 1).value);
    expect(verdicts('信息技术')).toEqual(['通过', '待复核']);
    expect(verdicts('材料')).toEqual(['通过', '不通过']);
    // The summary counts the applicants of every roster sheet and names the sheets.
    const summary = copy.getWorksheet('预审汇总')!;
    const rows = summary.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['合计', 4]);
    expect(rows).toContainEqual(['工作表', '信息技术、材料']);
    expect(copy.getWorksheet('填表说明')!.getCell(1, 1).value).toBe(original.getWorksheet('填表说明')!.getCell(1, 1).value);
  });

  it('re-screening the copy replaces our columns on every roster sheet instead of adding more', async () => {
    const copyPath = path.join(dir, 'out', '汇总.screened.xlsx');
    const again = runCli([copyPath, '--out-dir', path.join(dir, 'again'), '--format', 'json', '--as-of', '2024-03-01', '--no-progress']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(1);
    const first = new ExcelJS.Workbook();
    await first.xlsx.readFile(copyPath);
    const second = new ExcelJS.Workbook();
    await second.xlsx.readFile(path.join(dir, 'again', readdirSync(path.join(dir, 'again')).find((f) => f.endsWith('.xlsx') && f.startsWith('汇总'))!));
    for (const name of ['信息技术', '材料']) {
      const titles = (wb: ExcelJS.Workbook) => (wb.getWorksheet(name)!.getRow(2).values as unknown[]).filter((v) => v === '预审结论' || v === '预审意见');
      expect([name, titles(second)]).toEqual([name, ['预审结论', '预审意见']]);
      expect(second.getWorksheet(name)!.columnCount).toBe(first.getWorksheet(name)!.columnCount);
    }
    // The notes say our columns and sheets are an earlier screening's, not columns or sheets of the
    // user's that this round ignores (in either language the copy was made in).
    const notes = (JSON.parse(again.stdout) as { problems: { message: string }[] }).problems.map((p) => p.message);
    expect(notes).toContain('工作表"信息技术"中的"预审结论""预审意见"列是上次预审写入的结果，不作为花名册内容审核（标注副本中会更新）');
    expect(notes).toContain('工作表"预审汇总"、"预审规则"是上次预审生成的，已跳过（标注副本中会重新生成）');
    expect(notes.join('\n')).not.toMatch(/不在本轮审核范围.*预审结论|"预审汇总".*没有花名册表头/);
  });
});
