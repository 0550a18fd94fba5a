// An .xls written by gnumeric's ssconvert (a second, independent BIFF8 writer) reads as the .xlsx it
// was converted from. The LibreOffice-written one is in legacy-xls.slow.test.ts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { expectSameAsXlsx, hasProgram, writeRosterXlsx } from './xls-roster.js';

const ssconvert = hasProgram('ssconvert');

describe('.xls written by gnumeric', () => {
  it.skipIf(!ssconvert)('gives the same verdicts, rule ids and cells as the .xlsx (skipped without ssconvert)', async () => {
    const dir = makeTempDir('rs-ssconvert-');
    const xlsx = await writeRosterXlsx(dir);
    const xls = path.join(dir, '花名册-gnumeric.xls');
    execFileSync('ssconvert', ['--export-type=Gnumeric_Excel:excel_biff8', xlsx, xls], { stdio: 'pipe', timeout: 60_000 });
    expectSameAsXlsx(xls, xlsx);
  });
});
