// Issue 20: a person reading the annotated copy sees rules by their titles (预审意见, notes,
// 预审汇总, 预审规则) — never the English ids, which stay in JSON and CSV.
import { describe, expect, it } from 'vitest';
import { writeAnnotatedCopy } from '../../src/annotate/write-annotated.js';
import { applicant, entries, exceljsRoster, finding, loadExcel, noteText, readBytes, rosterInput, runResult, tempDir } from './helpers.js';
import path from 'node:path';

describe('rule titles in the annotated copy', () => {
  it('shows the rule set’s titles wherever a person reads a rule', async () => {
    const input = rosterInput();
    const apps = [applicant(4, []), applicant(5, [finding('cpd-hours', 'error', 'F5', '2022年继续教育70学时，少于90学时')])];
    const run = runResult(input, apps);
    const titled = {
      ...run,
      rules: run.rules.map((r, i) => ({
        ...r,
        title: { zh: r.id === 'cpd-hours' ? '继续教育学时' : `规则${i}`, en: `rule ${i}` },
        description: { zh: `说明${i}`, en: `what ${i}` },
        source: { zh: `依据${i}`, en: `source ${i}` },
      })),
    };
    const out = path.join(tempDir(), 'roster.screened.xlsx');
    await writeAnnotatedCopy({ input, bytes: await exceljsRoster(), applicants: apps, run: titled, outPath: out, lang: 'zh' });
    const bytes = readBytes(out);
    const wb = await loadExcel(bytes);
    const ws = wb.worksheets[0]!;
    const reasons = ws.getRow(5).values as unknown[];
    expect(reasons.some((v) => typeof v === 'string' && v.startsWith('[继续教育学时] 2022年继续教育70学时'))).toBe(true);
    expect(noteText(ws.getCell('F5'))).toContain('错误 [继续教育学时]');
    // Our sheets: titles, not ids (the unchecked publicity-days included).
    const sheets = [...entries(bytes)].filter(([n]) => /^xl\/worksheets\/sheet[23]\.xml$/.test(n)).map(([, b]) => Buffer.from(b).toString('utf8'));
    expect(sheets).toHaveLength(2);
    for (const xml of sheets) expect(xml).not.toMatch(/cpd-hours|publicity-days/);
    expect(sheets.join('')).toContain('继续教育学时');
  });

  // A regional run screens many rosters; a rule another employer's roster could not run (no 公示
  // columns there) was shown as 未核验 in every copy, while this copy's 预审汇总 said nothing was.
  it('marks a rule 未核验 in a copy only when this file lacked its columns', async () => {
    const input = rosterInput();
    const apps = [applicant(4, [])];
    const base = runResult(input, apps);
    const rulesSheet = async (unchecked: typeof base.unchecked) => {
      const out = path.join(tempDir(), 'roster.screened.xlsx');
      await writeAnnotatedCopy({ input, bytes: await exceljsRoster(), applicants: apps, run: { ...base, unchecked }, outPath: out, lang: 'zh' });
      const ws = (await loadExcel(readBytes(out))).getWorksheet('预审规则')!;
      const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === 'publicity-days')!;
      return row.getCell(7).value;
    };
    const elsewhere = [{ ...base.unchecked[0]!, files: ['其他单位.xlsx'] }];
    expect(await rulesSheet(elsewhere)).toBe('已核验');
    expect(await rulesSheet(base.unchecked)).toBe('未核验（缺列）');
    // A rule that ran without one of its columns (a year's) was partly checked, not unchecked.
    expect(await rulesSheet([{ ...base.unchecked[0]!, partial: true }])).toBe('部分未核验（缺列）');
    // Not checked for another reason than a column (no --integrity list): that reason, not 缺列.
    const noList = { zh: '未提供诚信档案名单（--integrity 文件），未核验', en: 'no integrity-record list given (--integrity FILE); not checked' };
    expect(await rulesSheet([{ ruleId: 'publicity-days', columns: [], files: [], reason: noList }])).toBe(noList.zh);
  });
});
