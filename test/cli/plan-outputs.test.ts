// The annotated copy's name: beside the roster or in --out-dir, never stacking ".screened", never
// over an input, distinct for two rosters that would share a name, and never over an existing file
// that is not our own copy of the same original (issue 20 item 4).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotatedPaths, type ExistingFile } from '../../src/cli/plan-outputs.js';
import { applicant, makeRosterBuffer } from '../helpers/make-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** A probe over a made-up folder: file name → the source our marker names ('' ours without one, null not ours). */
const existing = (files: Record<string, string | null> = {}) => async (p: string): Promise<ExistingFile> => {
  const rel = path.relative('/in', p);
  return rel in files ? { exists: true, ourSourceFile: files[rel]! } : { exists: false };
};
const names = async (files: string[], outDir?: string, there: Record<string, string | null> = {}) =>
  (await annotatedPaths(files, outDir, existing(outDir ? {} : there))).map((f) => path.relative(outDir ?? '/in', f));

describe('annotatedPaths', () => {
  it('every roster format gets an .xlsx copy beside it', async () => {
    expect(await names(['/in/花名册.xlsx', '/in/甲.csv', '/in/乙.xls', '/in/丙.et', '/in/丁.ods', '/in/戊.xlsb', '/in/己.xlsm'])).toEqual([
      '花名册.screened.xlsx',
      '甲.screened.xlsx',
      '乙.screened.xlsx',
      '丙.screened.xlsx',
      '丁.screened.xlsx',
      '戊.screened.xlsx',
      '己.screened.xlsx',
    ]);
  });

  it('re-screening the annotated copy gives the first free number, never .screened.screened', async () => {
    expect(await names(['/in/花名册.screened.xlsx'])).toEqual(['花名册.screened (2).xlsx']);
    expect(await names(['/in/花名册.screened (2).xlsx'])).toEqual(['花名册.screened.xlsx']);
    expect(await names(['/in/花名册.screened.xlsx', '/in/花名册.screened (2).xlsx'])).toEqual(['花名册.screened (3).xlsx', '花名册.screened (4).xlsx']);
  });

  it('re-screening a copy never replaces an existing file, even a copy of ours', async () => {
    const there = { '花名册.xlsx': null, '花名册.screened.xlsx': '花名册.xlsx', '花名册.screened (2).xlsx': '花名册.screened.xlsx' };
    expect(await names(['/in/花名册.screened.xlsx'], undefined, there)).toEqual(['花名册.screened (3).xlsx']);
    expect(await names(['/in/花名册.screened (2).xlsx'], undefined, there)).toEqual(['花名册.screened (3).xlsx']);
    expect(await names(['/in/花名册.screened.xlsx'], undefined, { ...there, '花名册.screened (3).xlsx': null })).toEqual(['花名册.screened (4).xlsx']);
  });

  it('screening an original replaces only our own copy of it', async () => {
    expect(await names(['/in/花名册.xlsx'], undefined, { '花名册.screened.xlsx': '花名册.xlsx' })).toEqual(['花名册.screened.xlsx']);
    // Ours from before the source was recorded: the plain name still counts as the original's copy.
    expect(await names(['/in/花名册.xlsx'], undefined, { '花名册.screened.xlsx': '' })).toEqual(['花名册.screened.xlsx']);
    // Not ours (no marker: another program's file, or our copy re-saved without our mark): kept.
    expect(await names(['/in/花名册.xlsx'], undefined, { '花名册.screened.xlsx': null })).toEqual(['花名册.screened (2).xlsx']);
    // A copy made from the copy (the user's next round) is not the original's to replace.
    expect(await names(['/in/花名册.xlsx'], undefined, { '花名册.screened.xlsx': null, '花名册.screened (2).xlsx': '花名册.screened.xlsx' })).toEqual(['花名册.screened (3).xlsx']);
    // 花名册.xls's copy was (2) last time: it is replaced again, not piled up.
    expect(await names(['/in/花名册.xlsx', '/in/花名册.xls'], undefined, { '花名册.screened.xlsx': '花名册.xlsx', '花名册.screened (2).xlsx': '花名册.xls' })).toEqual([
      '花名册.screened.xlsx',
      '花名册.screened (2).xlsx',
    ]);
  });

  it('two rosters that would share a name (花名册.xls and 花名册.xlsx) get distinct copies', async () => {
    expect(await names(['/in/花名册.xls', '/in/花名册.xlsx'])).toEqual(['花名册.screened.xlsx', '花名册.screened (2).xlsx']);
    expect(await names(['/a/花名册.xlsx', '/b/花名册.xlsx'], '/out')).toEqual(['花名册.screened.xlsx', '花名册.screened (2).xlsx']);
  });

  it('never lands on an input', async () => {
    const inputs = ['/in/花名册.xlsx', '/in/花名册.screened.xlsx'];
    const targets = await annotatedPaths(inputs, undefined, existing());
    for (const t of targets) expect(inputs).not.toContain(t);
  });
});

describe('re-screening through the CLI (files on disk, our marker read)', () => {
  it('screening a copy twice, and its (2), never writes over an earlier copy', async () => {
    const dir = makeTempDir('rs-names-');
    const roster = path.join(dir, '花名册.xlsx');
    writeFileSync(roster, await makeRosterBuffer({ rows: [applicant()] }));
    const run = (file: string) => runCli([path.join(dir, file), '--as-of', '2024-03-01']);
    run('花名册.xlsx');
    run('花名册.screened.xlsx');
    const second = readFileSync(path.join(dir, '花名册.screened (2).xlsx'));
    run('花名册.screened.xlsx');
    expect(readFileSync(path.join(dir, '花名册.screened (2).xlsx'))).toEqual(second);
    const first = readFileSync(path.join(dir, '花名册.screened.xlsx'));
    run('花名册.screened (2).xlsx');
    expect(readFileSync(path.join(dir, '花名册.screened.xlsx'))).toEqual(first);
    expect(readdirSync(dir).sort()).toEqual(['花名册.screened (2).xlsx', '花名册.screened (3).xlsx', '花名册.screened (4).xlsx', '花名册.screened.xlsx', '花名册.xlsx']);
    // The original again: its own copy is replaced, nothing else.
    run('花名册.xlsx');
    expect(readdirSync(dir)).toHaveLength(5);
    expect(readFileSync(path.join(dir, '花名册.screened (2).xlsx'))).toEqual(second);
  });

  it('a .screened file that is not ours is kept; the copy gets the first free number', async () => {
    const dir = makeTempDir('rs-names-');
    writeFileSync(path.join(dir, '花名册.xlsx'), await makeRosterBuffer({ rows: [applicant()] }));
    writeFileSync(path.join(dir, '花名册.screened.xlsx'), 'not ours');
    runCli([path.join(dir, '花名册.xlsx'), '--as-of', '2024-03-01']);
    expect(readFileSync(path.join(dir, '花名册.screened.xlsx'), 'utf8')).toBe('not ours');
    expect(readdirSync(dir)).toContain('花名册.screened (2).xlsx');
  });
});
