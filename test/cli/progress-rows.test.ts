// Issue 20 item 5: a writing phase on one big file shows rows done, not "0/1 files" for seconds.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAnnotatedCopy } from '../../src/annotate/write-annotated.js';
import { Divisions } from '../../src/calendar/divisions.js';
import { WorkingCalendar } from '../../src/calendar/working-days.js';
import { screenFiles } from '../../src/pipeline/screen-files.js';
import { writeCombinedOutputs } from '../../src/regional/write-combined.js';
import { buildRunResult } from '../../src/report/build-run-result.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { applicants, buildXlsx, rosterSheetData } from '../hostile/build.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('rows done while writing', () => {
  it('reading, the annotated copy and the lists each report rows as they go, rising to the roster size', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'roster.xlsx');
    const n = 3000;
    // Every other applicant fails (blank 学历), so both lists have rows.
    writeFileSync(file, buildXlsx({ sheets: [{ name: '花名册', rows: rosterSheetData({ rows: applicants(n, (i) => (i % 2 === 0 ? { education: '', degree: '' } : {})) }).xml }] }));
    const rules = loadBundledRuleSet();
    const read: number[] = [];
    const outcome = await screenFiles({
      files: [file],
      asOf: '2024-03-25',
      strictColumns: false,
      rules,
      env: { calendar: WorkingCalendar.official(), divisions: Divisions.zhejiang(), integrity: null },
      onProgress: (e) => read.push(e.rows),
    });
    expect(read.filter((r) => r > 0 && r < n).length).toBeGreaterThanOrEqual(2);
    const run = buildRunResult(outcome, rules, '2024-03-25');
    const copy: number[] = [];
    await writeAnnotatedCopy({
      input: outcome.inputs[0]!,
      bytes: outcome.workbooks[0]!.bytes,
      applicants: run.applicants,
      run,
      outPath: path.join(dir, 'roster.screened.xlsx'),
      lang: 'zh',
      onRows: (rows) => copy.push(rows),
    });
    // Both passes over the sheet count: rows done rise steadily to about the sheet's rows.
    expect(copy.length).toBeGreaterThanOrEqual(2);
    expect(copy).toEqual([...copy].sort((a, b) => a - b));
    expect(copy.at(-1)).toBeGreaterThan(n * 0.6);
    expect(copy.at(-1)).toBeLessThanOrEqual(n + 1);
    const events: (number | 'file')[] = [];
    await writeCombinedOutputs(run, {
      outDir: path.join(dir, 'out'),
      lang: 'zh',
      mask: true,
      includeReview: false,
      ruleSet: rules.ruleSet,
      onRows: (rows) => events.push(rows),
      onPart: () => events.push('file'),
    });
    // 推荐名单 (1 500 passing), then 退回清单 (1 500 failing): rows reported while each is written.
    const files = events.map((e, i) => (e === 'file' ? i : -1)).filter((i) => i >= 0);
    expect(files).toHaveLength(6);
    expect(events.slice(0, files[0]).length).toBeGreaterThanOrEqual(1);
    expect(events.slice(files[0]! + 1, files[1]).length).toBeGreaterThanOrEqual(1);
  });
});
