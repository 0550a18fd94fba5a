// A CSV's annotated copy is a new workbook, where a cell holds at most 32 767 characters: a longer
// cell is screened in full but cut (marked) in the copy, and the run's notes say which cells.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { screenFiles } from '../../src/pipeline/screen-files.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { ALL_COLUMNS, applicants } from '../hostile/build.js';
import { labelOf } from '../helpers/make-roster.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const csvCell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;

describe('cells longer than an Excel cell, in a CSV', () => {
  it('are named in the notes (the copy cuts them); shorter ones are not', async () => {
    const rows = applicants(3, (i) => (i === 1 ? { unit: `杭州某某科技有限公司${'很长'.repeat(20_000)}` } : {}));
    const csv = [ALL_COLUMNS.map(labelOf), ...rows.map((r) => ALL_COLUMNS.map((c) => r[c]))].map((r) => r.map(csvCell).join(',')).join('\r\n');
    const file = path.join(makeTempDir(), '花名册.csv');
    writeFileSync(file, csv);
    const outcome = await screenFiles({
      files: [file],
      asOf: '2024-03-25',
      strictColumns: false,
      rules: loadBundledRuleSet(),
      env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
    });
    const unitCol = String.fromCharCode(65 + ALL_COLUMNS.indexOf('unit'));
    const notes = outcome.problems.map((p) => p.message.zh).filter((m) => m.includes('32 767'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`单元格${unitCol}3的内容超过 Excel 单元格上限`);
    expect(outcome.result.applicants).toHaveLength(3);
  });
});

describe('long lists in the notes', () => {
  it('name the first twenty and count the rest (zh and en)', async () => {
    const { sheetProblems } = await import('../../src/roster/roster-problems.js');
    const ignored = Array.from({ length: 25 }, (_, i) => `备用${i + 1}`);
    const h = { headerTop: 1, headerRow: 1, fields: new Map(), ignored, earlier: [], repeated: [], width: 25, headers: ignored, childOnly: 0 };
    const skips = { notes: [], repeats: [], continued: [], disorder: null, longCells: ['A2', 'B3'], tables: [], beside: null };
    const [cols, cells] = sheetProblems('f.csv', '花名册', h, skips);
    expect(cols!.message.zh).toBe(`工作表"花名册"中以下列不在本轮审核范围，已忽略：${ignored.slice(0, 20).join('、')} 等共25列`);
    expect(cols!.message.en).toMatch(/备用20 and 5 more$/);
    expect(cells!.message.zh).toContain('单元格A2、B3的内容超过');
  });
});
