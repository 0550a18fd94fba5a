// The annotated copy's name: beside the roster or in --out-dir, never stacking ".screened", never
// over an input, distinct for two rosters that would share a name.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotatedPaths } from '../../src/cli/plan-outputs.js';

const names = (files: string[], outDir?: string) => annotatedPaths(files, outDir).map((f) => path.relative(outDir ?? '/in', f));

describe('annotatedPaths', () => {
  it('every roster format gets an .xlsx copy beside it', () => {
    expect(names(['/in/花名册.xlsx', '/in/甲.csv', '/in/乙.xls', '/in/丙.et', '/in/丁.ods', '/in/戊.xlsb', '/in/己.xlsm'])).toEqual([
      '花名册.screened.xlsx',
      '甲.screened.xlsx',
      '乙.screened.xlsx',
      '丙.screened.xlsx',
      '丁.screened.xlsx',
      '戊.screened.xlsx',
      '己.screened.xlsx',
    ]);
  });

  it('re-screening the annotated copy gives the first free number, never .screened.screened', () => {
    expect(names(['/in/花名册.screened.xlsx'])).toEqual(['花名册.screened (2).xlsx']);
    expect(names(['/in/花名册.screened (2).xlsx'])).toEqual(['花名册.screened.xlsx']);
    expect(names(['/in/花名册.screened.xlsx', '/in/花名册.screened (2).xlsx'])).toEqual(['花名册.screened (3).xlsx', '花名册.screened (4).xlsx']);
  });

  it('two rosters that would share a name (花名册.xls and 花名册.xlsx) get distinct copies', () => {
    expect(names(['/in/花名册.xls', '/in/花名册.xlsx'])).toEqual(['花名册.screened.xlsx', '花名册.screened (2).xlsx']);
    expect(names(['/a/花名册.xlsx', '/b/花名册.xlsx'], '/out')).toEqual(['花名册.screened.xlsx', '花名册.screened (2).xlsx']);
  });

  it('never lands on an input', () => {
    const inputs = ['/in/花名册.xlsx', '/in/花名册.screened.xlsx'];
    const targets = annotatedPaths(inputs, undefined);
    for (const t of targets) expect(inputs).not.toContain(t);
  });
});
