// Combined columns (issue 17): a header holding several fields in one cell. The fields the roster
// has no column of their own for are read from the cell; findings name the combined cell.
import { describe, expect, it } from 'vitest';
import { colLetters } from '../../src/ooxml/cell-ref.js';
import type { ApplicantResult } from '../../src/core/types.js';
import { screenRows, validApplicant, type RowInput } from '../helpers/screen-rows.js';

/** The valid applicant with `drop` fields left out and the combined `extra` columns added. */
async function screenCombined(drop: string[], extra: RowInput): Promise<{ result: ApplicantResult; letter: (id: string) => string }> {
  const row: RowInput = { ...validApplicant, ...extra };
  for (const f of drop) delete row[f];
  const columns = Object.keys(row);
  const result = (await screenRows([row], { columns, asOf: '2024-03-25' })).applicants[0]!;
  const letter = (id: string) => colLetters(columns.indexOf(id));
  return { result, letter };
}

const notInfo = (r: ApplicantResult) => r.findings.filter((f) => f.severity !== 'info');

describe('现专业技术资格及取得时间 in one cell', () => {
  it.each(['高级工程师 2016.12', '高工（2017年3月）', '高级工程师，2015-09-30', '高级工程师/2018年12月'])('%j passes as title + date', async (v) => {
    const { result } = await screenCombined(['currentTitle', 'currentTitleDate'], { currentTitleAndDate: v });
    expect(notInfo(result)).toEqual([]);
    expect(result.status).toBe('pass');
    // The 推荐名单 prints the two fields apart.
    expect(result.fields!['currentTitle']).not.toBe('');
    expect(result.fields!['currentTitleDate']).toMatch(/^20\d\d/);
  });

  it('a date too recent fails seniority on the combined cell', async () => {
    const { result, letter } = await screenCombined(['currentTitle', 'currentTitleDate'], { currentTitleAndDate: '高级工程师 2020.12' });
    const f = result.findings.find((x) => x.ruleId === 'seniority')!;
    // Its value is the whole cell (the employer finds it by what it says); the message names the date judged.
    expect(f).toMatchObject({ severity: 'error', cell: `${letter('currentTitleAndDate')}2`, column: '现专业技术资格及取得时间', value: '高级工程师 2020.12' });
    expect(f.message.zh).toContain('高级工程师取得于2020-12');
  });

  it('a finding on the title part also shows the whole cell, and {value} in its message is the part', async () => {
    const { result } = await screenCombined(['currentTitle', 'currentTitleDate'], { currentTitleAndDate: '正高级工程师/2015.06' });
    const f = result.findings.find((x) => x.ruleId === 'current-title')!;
    expect(f).toMatchObject({ outcome: 'already', value: '正高级工程师/2015.06' });
    expect(f.message.zh).toContain('现专业技术资格"正高级工程师"已是正高级');
  });

  it('a value without a date is a warning on that cell, never an error', async () => {
    const { result, letter } = await screenCombined(['currentTitle', 'currentTitleDate'], { currentTitleAndDate: '高级工程师' });
    expect(result.status).toBe('review');
    const f = result.findings.find((x) => x.ruleId === 'seniority')!;
    expect(f).toMatchObject({ outcome: 'unreadable', severity: 'warn', cell: `${letter('currentTitleAndDate')}2`, value: '高级工程师' });
    expect(result.findings.filter((x) => x.ruleId === 'current-title')).toEqual([]);
  });

  it('a roster with its own 现资格取得时间 column keeps it', async () => {
    const { result } = await screenCombined(['currentTitle'], { currentTitleAndDate: '高级工程师 2020.12' });
    expect(result.findings.filter((x) => x.ruleId === 'seniority')).toEqual([]);
  });
});

describe('学历/学位 in one cell', () => {
  it.each(['大学本科/学士', '硕士研究生/硕士', '大学本科（学士）', '研究生 硕士'])('%j passes', async (v) => {
    const { result } = await screenCombined(['education', 'degree'], { educationAndDegree: v });
    expect(notInfo(result)).toEqual([]);
  });

  it('大专/无 fails education on the combined cell', async () => {
    const { result, letter } = await screenCombined(['education', 'degree'], { educationAndDegree: '大专/无' });
    expect(result.status).toBe('fail');
    const f = result.findings.find((x) => x.ruleId === 'education')!;
    expect(f.severity).toBe('error');
    expect(f.cell).toBe(`${letter('educationAndDegree')}2`);
    expect(f.value).toBe('大专/无');
  });
});

describe('the hours of three years in one cell', () => {
  it.each(['96/102/90', '96、102、90', '96（含公需科目24学时）/102/90'])('%j passes', async (v) => {
    const { result } = await screenCombined(['cpd2021', 'cpd2022', 'cpd2023'], { cpdYears: v });
    expect(notInfo(result)).toEqual([]);
    expect(result.fields!['cpd2022']).toBe('102');
  });

  it('a short year fails on the combined cell, naming the year', async () => {
    const { result, letter } = await screenCombined(['cpd2021', 'cpd2022', 'cpd2023'], { cpdYears: '96、60、90' });
    const short = result.findings.filter((x) => x.ruleId === 'cpd-hours');
    expect(short.map((x) => [x.outcome, x.severity, x.cell])).toEqual([['short', 'error', `${letter('cpdYears')}2`]]);
    expect(short[0]!.message.zh).toContain('2022年继续教育60学时');
    expect(short[0]!.value).toBe('96、60、90');
  });

  it('two numbers under three years cannot be split: warnings on that cell, no error', async () => {
    const { result, letter } = await screenCombined(['cpd2021', 'cpd2022', 'cpd2023'], { cpdYears: '96/102' });
    expect(result.status).toBe('review');
    const cpd = result.findings.filter((x) => x.ruleId === 'cpd-hours');
    expect(cpd.length).toBeGreaterThan(0);
    for (const f of cpd) expect(f).toMatchObject({ outcome: 'unreadable', severity: 'warn', cell: `${letter('cpdYears')}2`, value: '96/102' });
  });

  it('one number under three years is not taken as each year’s hours', async () => {
    const { result } = await screenCombined(['cpd2021', 'cpd2022', 'cpd2023'], { cpdYears: 288 });
    expect(result.status).toBe('review');
    expect(result.findings.filter((x) => x.ruleId === 'cpd-hours').every((f) => f.outcome === 'unreadable')).toBe(true);
  });

  it('60/30 in a one-year column is a warning (专业/公需 or two years?), not a failure', async () => {
    const { result } = await screenCombined([], { cpd2023: '60/30' });
    expect(result.findings.filter((x) => x.ruleId === 'cpd-hours').map((x) => [x.outcome, x.severity])).toEqual([['unreadable', 'warn']]);
    expect(result.status).toBe('review');
  });
});
