// Issue 18: every workbook we write stays well-formed and within Excel's limits whatever the cells
// hold, and the user's own columns are never taken for ours. Through the BUILT command.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_COLUMNS, applicants, buildXlsx, rosterSheetData } from './build.js';
import { noStackTrace, put, screen, tempDir } from './cli.js';
import { csvRoster, expectWellFormed, textsOf, workbooksUnder, xmlParts } from './written.js';

const FORBIDDEN = ['\uFFFE', '\uFFFF', '\u0001', '\u0008', '\u000B', '\u001F'];
const CUT = '…（已截断）';

describe('characters XML forbids, in any cell', () => {
  // Two rosters (so the lists are written too): a CSV and an xlsx, each with every forbidden
  // character in a name, a unit, and a value a finding quotes (an unreadable education).
  const odd = FORBIDDEN.join('');
  const rows = applicants(3, (i) => (i === 0 ? { name: `张${odd}三`, unit: `某${odd}公司`, education: `大学${odd}` } : i === 1 ? { achievements: `成果${odd}` } : {}));

  it('every written part of 推荐名单, 退回清单 and both annotated copies parses; the run reports its findings', () => {
    const dir = tempDir();
    const csv = put(dir, '甲.csv', csvRoster(rows, ALL_COLUMNS));
    // In sheet XML the controls can only come as _xHHHH_ escapes; U+FFFE/U+FFFF raw.
    const xlsxRows = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\u0000-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`) : v])));
    const xlsx = put(dir, '乙.xlsx', buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: xlsxRows }).xml }] }));
    const out = path.join(dir, 'out');
    const r = screen([csv, xlsx], ['--out-dir', out, '--include-review']);
    noStackTrace(r.stderr);
    expect([0, 1], r.stderr).toContain(r.status);
    const books = workbooksUnder(out);
    expect(books.map((b) => path.basename(b)).sort()).toEqual(['乙.screened.xlsx', '推荐名单.xlsx', '甲.screened.xlsx', '退回清单.xlsx'].sort());
    for (const b of books) expectWellFormed(b);
    // The applicant is still there, with the characters shown as Excel shows them (or U+FFFD).
    const lists = [...textsOf(path.join(out, '退回清单.xlsx')), ...textsOf(path.join(out, '推荐名单.xlsx'))].join('\n');
    expect(lists).toMatch(/张.*三/);
  });
});

describe("texts over Excel's 32 767-character cell limit", () => {
  it('are cut with a visible mark in 退回清单, the 预审意见 column and the notes', () => {
    const dir = tempDir();
    const long = `2015年${'很长的说明'.repeat(8000)}`; // 40 005 characters, quoted by an error (unreadable title date)
    const rows = applicants(2, (i) => (i === 0 ? { currentTitleDate: long } : {}));
    const csv = put(dir, '甲.csv', csvRoster(rows, ALL_COLUMNS));
    const other = put(dir, '乙.csv', csvRoster(applicants(1), ALL_COLUMNS));
    const out = path.join(dir, 'out');
    const r = screen([csv, other], ['--out-dir', out]);
    noStackTrace(r.stderr);
    expect(r.status, r.stderr).toBe(1);
    for (const book of ['退回清单.xlsx', '甲.screened.xlsx']) {
      const file = path.join(out, book);
      expectWellFormed(file);
      const texts = textsOf(file);
      // The user's own cell (the annotated copy of a CSV holds it) is cut as well: Excel could not hold it.
      for (const t of texts) expect(t.length, `${book}: a text of ${t.length} characters`).toBeLessThanOrEqual(32_767);
      expect(texts.some((t) => t.endsWith(CUT)), `${book} shows no cut mark`).toBe(true);
    }
    // The notes part of the copy too.
    const notes = [...xmlParts(path.join(out, '甲.screened.xlsx'))].filter(([n]) => /comments/i.test(n));
    expect(notes.length).toBeGreaterThan(0);
  });
});

describe("the user's own 预审结论 / 预审意见 columns", () => {
  const COLS = [...ALL_COLUMNS, 'own1', 'own2'];
  const headers = { own1: '预审结论', own2: '预审意见' };

  function headerRow(file: string): string[] {
    const sheet = [...xmlParts(file)].find(([n]) => /worksheets\/sheet1\.xml$/.test(n))![1];
    const row1 = /<(?:\w+:)?row [^>]*r="1"[^>]*>([\s\S]*?)<\/(?:\w+:)?row>/.exec(sheet)![1]!;
    return [...row1.matchAll(/<(?:\w+:)?t[^>]*>([^<]*)</g)].map((m) => m[1]!);
  }

  it('are kept with their values; ours are added after them, and a re-screen replaces only ours', () => {
    const dir = tempDir();
    const rows = applicants(2, (i) => ({ own1: '单位初审通过', own2: `单位意见${i + 1}` }));
    const file = put(dir, '花名册.xlsx', buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows, columns: COLS, headers }).xml }] }));
    const r = screen([file]);
    expect(r.status, r.stderr).toBe(0);
    const copy = path.join(dir, '花名册.screened.xlsx');
    expectWellFormed(copy);
    const head = headerRow(copy);
    expect(head.filter((h) => h === '预审结论')).toHaveLength(2);
    expect(head.indexOf('预审结论')).toBe(ALL_COLUMNS.length); // theirs first, where they were
    const texts = textsOf(copy);
    expect(texts).toContain('单位初审通过');
    expect(texts).toContain('单位意见2');

    // Screening the copy again: still their two columns and our two, not six.
    const again = put(dir, '再次.xlsx', readFileSync(copy));
    const r2 = screen([again]);
    expect(r2.status, r2.stderr).toBe(0);
    const head2 = headerRow(path.join(dir, '再次.screened.xlsx'));
    expect(head2.filter((h) => h === '预审结论')).toHaveLength(2);
    expect(head2.filter((h) => h === '预审意见')).toHaveLength(2);
    expect(textsOf(path.join(dir, '再次.screened.xlsx'))).toContain('单位意见2');
  });
});
