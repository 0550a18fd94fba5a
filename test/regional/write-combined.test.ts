import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/user-error.js';
import { ruleSetOfRun } from '../../src/regional/run-rule-set.js';
import { writeCombinedOutputs } from '../../src/regional/write-combined.js';
import { fixtureRuleSet, makeRun } from './run-fixture.js';
import { openWorkbook } from './xlsx-read.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const tmp = () => makeTempDir('rs-combined-');

describe('writeCombinedOutputs', () => {
  it('creates the directory and writes the six outputs under Chinese names in zh', async () => {
    const outDir = path.join(tmp(), '预审结果', '第一批');
    const written = await writeCombinedOutputs(makeRun(), { outDir, lang: 'zh', mask: true, includeReview: true, ruleSet: fixtureRuleSet() });
    expect(written.map((f) => path.basename(f))).toEqual(['推荐名单.xlsx', '退回清单.xlsx', '预审报告.html', 'report.json', 'summary.md', 'findings.csv']);
    expect(written.every((f) => path.dirname(f) === outDir)).toBe(true);
    // Nothing else (no temp files) is left behind.
    expect(readdirSync(outDir).sort()).toEqual(written.map((f) => path.basename(f)).sort());
    const [rec, ret, html, json, md, csv] = written.map((f) => readFileSync(f));
    expect((await openWorkbook(rec!)).worksheets.map((w) => w.name)).toEqual(['推荐名单', '待复核人员', '例外说明']);
    expect((await openWorkbook(ret!)).worksheets.map((w) => w.name)).toEqual(['退回清单', '按单位汇总', '例外说明']);
    expect(html!.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((JSON.parse(json!.toString('utf8')) as { summary: unknown }).summary).toEqual({ total: 7, pass: 4, review: 1, fail: 2 });
    expect(md!.toString('utf8')).toMatch(/^# 预审报告/);
    expect(csv!.subarray(0, 3).toString('hex')).toBe('efbbbf');
  });

  it('masks a phone or ID typed into a unit or region in every report, and keeps the lists whole', async () => {
    const phone = '13857105972';
    const base = makeRun();
    const [first, ...rest] = base.applicants;
    const run = { ...base, applicants: [{ ...first!, unit: `杭州甲科技有限公司 ${phone}`, fields: { ...first!.fields, unitRegion: `杭州市 ${phone}` } }, ...rest] };
    const written = await writeCombinedOutputs(run, { outDir: tmp(), lang: 'zh', mask: true, includeReview: true, ruleSet: fixtureRuleSet() });
    const [rec, , html, json, md, csv] = written.map((f) => readFileSync(f));
    for (const [name, text] of [['html', html], ['json', json], ['md', md], ['csv', csv]] as const) expect(text!.toString('utf8'), name).not.toContain(phone);
    // The masked applicant is still counted and charted; the office's list shows what was typed.
    expect(html!.toString('utf8')).toContain('杭州甲科技有限公司');
    const list = (await openWorkbook(rec!)).worksheets[0]!;
    const cells: string[] = [];
    list.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells.some((c) => c.includes(phone))).toBe(true);
  });

  it('uses English file names in en', async () => {
    const outDir = tmp();
    const written = await writeCombinedOutputs(makeRun(), { outDir, lang: 'en', mask: true, includeReview: false, ruleSet: null });
    expect(written.map((f) => path.basename(f))).toEqual(['recommendation-list.xlsx', 'return-list.xlsx', 'report.html', 'report.json', 'summary.md', 'findings.csv']);
  });

  it('refuses an output directory it cannot create, saying what to do', async () => {
    const file = path.join(tmp(), 'not-a-dir');
    writeFileSync(file, 'x');
    const err = await writeCombinedOutputs(makeRun(), { outDir: path.join(file, 'out'), lang: 'zh', mask: true, includeReview: false, ruleSet: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('output-dir');
    expect((err as UserError).text.zh).toContain('--out-dir');
    expect((err as UserError).text.zh).toContain('路径中有一部分是文件，不是目录');
  });

  it('an output folder given as the path of a file says that it is a file (not only EEXIST)', async () => {
    const file = path.join(tmp(), '花名册.xlsx');
    writeFileSync(file, 'x');
    const err = await writeCombinedOutputs(makeRun(), { outDir: file, lang: 'zh', mask: true, includeReview: false, ruleSet: null }).catch((e: unknown) => e);
    expect((err as UserError).code).toBe('output-dir');
    expect((err as UserError).text.zh).toBe(`无法创建输出目录 "${file}"：同名的文件已存在，它不是目录。请用 --out-dir 换一个目录。`);
    expect((err as UserError).text.en).toContain('a file of that name exists, and it is not a folder');
  });
});

describe('ruleSetOfRun', () => {
  it('reloads the rule set from the run\'s origin, only while it is unchanged', () => {
    const file = path.join(tmp(), 'rules.json');
    const text = JSON.stringify(fixtureRuleSet());
    writeFileSync(file, text);
    const sha256 = createHash('sha256').update(text).digest('hex');
    const run = makeRun();
    expect(ruleSetOfRun({ ...run, ruleSet: { ...run.ruleSet, origin: file, sha256 } })?.id).toBe('zj-2023-zhenggao');
    expect(ruleSetOfRun({ ...run, ruleSet: { ...run.ruleSet, origin: file, sha256: '0'.repeat(64) } })).toBeNull();
    expect(ruleSetOfRun({ ...run, ruleSet: { ...run.ruleSet, origin: path.join(tmp(), 'gone.yaml'), sha256 } })).toBeNull();
  });
});
