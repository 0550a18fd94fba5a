// A sheet whose row numbers repeat or go back (a file some other program wrote badly): the rows are
// read in document order, the disorder is named in the run's notes, and a row numbered at or above
// the header (which cannot be an applicant's row) is named there rather than dropped without a word.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { screenFiles } from '../../src/pipeline/screen-files.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { applicants, buildXlsx, rosterSheetData } from '../hostile/build.js';
import { makeTempDir } from '../helpers/temp-dir.js';

async function screenWithRowNumbers(numbers: Record<number, number>) {
  // Rows 2–5 hold the applicants; some are renumbered (their cells' references keep their columns).
  let { xml } = rosterSheetData({ rows: applicants(4) });
  for (const [from, to] of Object.entries(numbers)) xml = xml.replace(`<row r="${from}">`, `<row r="${to}">`);
  const file = path.join(makeTempDir(), 'rows.xlsx');
  writeFileSync(file, buildXlsx({ sheets: [{ name: '花名册', rows: xml }] }));
  return screenFiles({
    files: [file],
    asOf: '2024-03-25',
    strictColumns: false,
    rules: loadBundledRuleSet(),
    env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
  });
}

describe('row numbers that repeat or go back', () => {
  it('are named once per sheet, with the first place and how many', async () => {
    const outcome = await screenWithRowNumbers({ 4: 1, 5: 3 });
    expect(outcome.result.applicants.map((a) => a.row)).toEqual([2, 3, 3]);
    const texts = outcome.problems.map((p) => p.message.zh);
    expect(texts.some((t) => t.includes('的行号不是逐行递增的（第3行之后是第1行，共2处）') && t.includes('行号不在表头之下的行未作为申报人读取'))).toBe(true);
  });

  it('say nothing when the numbers increase (gaps allowed)', async () => {
    const outcome = await screenWithRowNumbers({ 5: 9 });
    expect(outcome.result.applicants.map((a) => a.row)).toEqual([2, 3, 4, 9]);
    expect(outcome.problems.map((p) => p.message.zh).some((t) => t.includes('行号不是逐行递增'))).toBe(false);
  });
});
