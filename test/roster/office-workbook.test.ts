// Rosters shaped like a regional office's: several specialty sheets, employer cells merged down
// their applicants, a signature footer, hidden rows and sheets, nameless rows and formulas never
// calculated. Built in code with exceljs, read and screened end to end (no CLI).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantResult } from '../../src/core/types.js';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { screenFiles, type ScreenOutcome } from '../../src/pipeline/screen-files.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { COLUMN_IDS, letter, who, writeRegionalWorkbook, writeWorkbook } from '../helpers/office-workbook.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Loaded (parsed and checked) once for the file: each screen below reuses it.
const rules = loadBundledRuleSet();

async function screen(files: string[], sheets?: string[]): Promise<ScreenOutcome> {
  return screenFiles({
    files,
    sheets,
    asOf: '2024-03-01',
    strictColumns: false,
    rules,
    env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
  });
}

const findings = (a: ApplicantResult | undefined, rule: string) => (a?.findings ?? []).filter((f) => f.ruleId === rule);
const problemTexts = (o: ScreenOutcome) => o.problems.map((p) => p.message.zh);

describe("a regional office's workbook: three specialty sheets, merged employers, a signature footer", () => {
  let outcome: ScreenOutcome;
  beforeAll(async () => {
    const file = path.join(makeTempDir(), '某市汇总.xlsx');
    await writeRegionalWorkbook(file);
    outcome = await screen([file]);
  });

  it('screens every roster sheet, each its own input, and counts every applicant', () => {
    expect(outcome.inputs.map((i) => [i.sheet, i.applicants])).toEqual([
      ['信息技术', 3],
      ['机电制造', 3],
      ['材料', 2],
    ]);
    expect(outcome.result.applicants.map((a) => a.sheet)).toEqual(['信息技术', '信息技术', '信息技术', '机电制造', '机电制造', '机电制造', '材料', '材料']);
  });

  it('gives no false 不通过: merged employers are read on every row, footers are not applicants', () => {
    const notPass = outcome.result.applicants.filter((a) => a.status !== 'pass');
    expect(notPass.map((a) => [a.name, a.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)])).toEqual([]);
    expect(outcome.result.applicants.find((a) => a.name === '乙三')?.unit).toBe('杭州某某科技有限公司');
  });

  it('lists each skipped footer row with its row number and first text (phone masked), and the sheets skipped', () => {
    const texts = problemTexts(outcome);
    expect(texts).toContain('工作表"信息技术"第6行"合计"不是申报人（分组标题、合计、签字、日期、说明或盖章行），已跳过');
    expect(texts.some((t) => t.startsWith('工作表"信息技术"第8行"填表人：李四"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('工作表"信息技术"第12行"单位（盖章）"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('工作表"机电制造"第6行"填表人：李四"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('工作表"材料"第5行"小计"'))).toBe(true);
    const phone = texts.find((t) => t.startsWith('工作表"信息技术"第9行'));
    expect(phone).toBeDefined();
    expect(phone).not.toContain('87654321');
    expect(texts).toContain('工作表"填表说明"中没有花名册表头（姓名、身份证号），已跳过');
    expect(texts.some((t) => t.startsWith('隐藏的工作表"往年名单"看起来是花名册，未审核'))).toBe(true);
  });

  it('--sheet restricts the run to the sheets named, and takes a hidden one', async () => {
    const file = outcome.inputs[0]!.file;
    const only = await screen([file], ['材料', '往年名单']);
    expect(only.inputs.map((i) => i.sheet)).toEqual(['材料', '往年名单']);
    expect(only.result.applicants.map((a) => a.name)).toEqual(['丙一', '丙二', '丁一']);
    await expect(screen([file], ['没有这张表'])).rejects.toMatchObject({ code: 'sheet-missing' });
    await expect(screen([file], ['填表说明'])).rejects.toMatchObject({ code: 'no-roster' });
  });
});

describe('rows and cells as offices write them', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir();
  });

  it('finds duplicates across sheets', async () => {
    const file = path.join(dir, 'dup.xlsx');
    await writeWorkbook(file, [
      { name: 'A', rows: [who('甲', 1), who('乙', 2)] },
      { name: 'B', rows: [who('甲', 1)] },
    ]);
    const o = await screen([file]);
    const dup = o.result.applicants.filter((a) => findings(a, 'duplicate').some((f) => f.outcome === 'same-id'));
    expect(dup.map((a) => [a.sheet, a.row, a.status])).toEqual([
      ['A', 3, 'fail'],
      ['B', 3, 'fail'],
    ]);
    // Row 3 of which sheet: the message names it.
    expect(findings(dup[0], 'duplicate').map((f) => f.message.zh)).toEqual(['身份证号重复，另见工作表"B"第3行']);
  });

  it('a finding on a merged value points at the range\'s first cell', async () => {
    const file = path.join(dir, 'merged-unit-type.xlsx');
    const c = letter('unitType');
    await writeWorkbook(file, [{ name: '花名册', rows: [who('甲', 1, { unitType: '某某类型' }), who('乙', 2, { unitType: null })], merges: [`${c}3:${c}4`] }]);
    const o = await screen([file]);
    const cells = o.result.applicants.map((a) => findings(a, 'unit-type').map((f) => f.cell));
    expect(cells).toEqual([[`${c}3`], [`${c}3`]]);
  });

  it('姓名 and 身份证号 merged over several rows are one applicant on several lines, not duplicates', async () => {
    const file = path.join(dir, 'lines.xlsx');
    const [n, i] = [letter('name'), letter('idNumber')];
    await writeWorkbook(file, [
      {
        name: '花名册',
        rows: [who('甲', 1, { achievements: '项目一' }), { achievements: '项目二' }, { achievements: '项目三' }, who('乙', 2)],
        merges: [`${n}3:${n}5`, `${i}3:${i}5`],
      },
    ]);
    const o = await screen([file]);
    expect(o.result.applicants.map((x) => [x.name, x.row, x.status])).toEqual([
      ['甲', 3, 'pass'],
      ['乙', 6, 'pass'],
    ]);
    expect(problemTexts(o)).toContain('工作表"花名册"第4行的姓名、身份证号与第3行合并，为同一申报人的续行，按第3行审核');
    expect(problemTexts(o)).toContain('工作表"花名册"第5行的姓名、身份证号与第3行合并，为同一申报人的续行，按第3行审核');
  });

  // Offices group a roster by specialty under headings merged across the table; read as applicants,
  // the heading's text filled every column and each heading failed (and went into 退回清单).
  it('a group heading merged across the row, or typed in the first column, is named in the notes, not screened', async () => {
    const file = path.join(dir, 'headings.xlsx');
    const first = COLUMN_IDS[0]!;
    const last = letter(COLUMN_IDS[COLUMN_IDS.length - 1]!);
    await writeWorkbook(file, [
      {
        name: '花名册',
        rows: [{}, who('甲', 1), {}, who('乙', 2), {}],
        set: [
          [3, first, '一、机电制造专业（1人）'],
          [5, first, '二、信息技术专业（1人）'],
          [7, first, '三、材料专业（0人）'],
        ],
        // The first heading merged across the whole row, the second over the first six columns; the third not merged.
        merges: [`A3:${last}3`, 'A5:F5'],
      },
    ]);
    const o = await screen([file]);
    expect(o.result.applicants.map((a) => [a.name, a.status])).toEqual([
      ['甲', 'pass'],
      ['乙', 'pass'],
    ]);
    const texts = problemTexts(o);
    for (const [row, text] of [[3, '一、机电制造专业（1人）'], [5, '二、信息技术专业（1人）'], [7, '三、材料专业（0人）']] as const) {
      expect(texts).toContain(`工作表"花名册"第${row}行"${text}"不是申报人（分组标题、合计、签字、日期、说明或盖章行），已跳过`);
    }
  });

  it('a hidden or filtered-out row is screened and flagged, never passed unnoticed', async () => {
    const file = path.join(dir, 'hidden.xlsx');
    await writeWorkbook(file, [{ name: '花名册', rows: [who('甲', 1), who('乙', 2)], hiddenRows: [4] }]);
    const o = await screen([file]);
    const [first, second] = o.result.applicants;
    expect(findings(first, 'hidden-row')).toEqual([]);
    expect(first?.status).toBe('pass');
    expect(findings(second, 'hidden-row').map((f) => [f.outcome, f.severity, f.message.zh])).toEqual([['hidden', 'warn', '该行在花名册中被隐藏或筛选掉，请确认该申报人是否仍申报']]);
    expect(second?.status).toBe('review');
  });

  it('a row with applicant data but no 姓名 is an error on the name cell', async () => {
    const file = path.join(dir, 'nameless.xlsx');
    await writeWorkbook(file, [{ name: '花名册', rows: [who('甲', 1), { ...who('', 2), name: null }] }]);
    const o = await screen([file]);
    const nameless = o.result.applicants[1];
    expect(nameless?.status).toBe('fail');
    expect(findings(nameless, 'name-required').map((f) => [f.severity, f.cell])).toEqual([['error', `${letter('name')}4`]]);
  });

  it('a formula without a cached value is its own warning, not "blank"', async () => {
    const file = path.join(dir, 'formula.xlsx');
    const cpd = letter('cpd2023');
    await writeWorkbook(file, [{ name: '花名册', rows: [who('甲', 1)], set: [[3, 'cpd2023', { formula: 'SUM(90,2)' }]] }]);
    const o = await screen([file]);
    const a = o.result.applicants[0]!;
    expect(findings(a, 'formula-uncomputed').map((f) => [f.severity, f.cell, f.message.zh.slice(0, 6)])).toEqual([['warn', `${cpd}3`, '公式未计算：']]);
    // No other rule judges the cell it cannot read.
    expect(a.findings.filter((f) => f.cell === `${cpd}3` && f.ruleId !== 'formula-uncomputed')).toEqual([]);
    expect(a.status).toBe('review');
  });
});
