// Issue 17's check: the annotated copy of a regional office's workbook (three specialty sheets,
// merged employer cells, a signature footer, a hidden old roster) opens in LibreOffice with our two
// columns on every roster sheet, a verdict on every applicant's row and the user's cells unchanged.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSoffice } from '../annotate/helpers.js';
import { writeRegionalWorkbook } from '../helpers/office-workbook.js';
import { csvFields } from '../helpers/csv-fields.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const soffice = hasSoffice();
if (!soffice) console.warn('multi-sheet-libreoffice.slow.test: skipped — needs soffice (LibreOffice)');

/** Every sheet of the workbook as CSV rows, by sheet name (LibreOffice ≥ 7.2 writes one file per sheet). */
function sheetsAsCsv(file: string, outDir: string): Map<string, string[][]> {
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${outDir}/lo-profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', outDir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const base = path.basename(file, '.xlsx');
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(outDir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith('.csv')) continue;
    const rows = csvFields(readFileSync(path.join(outDir, f), 'utf8'));
    out.set(f.slice(base.length + 1, -4), rows);
  }
  return out;
}

describe.skipIf(!soffice)('a regional workbook\'s annotated copy in LibreOffice [needs LibreOffice]', () => {
  let dir: string;
  let original: Map<string, string[][]>;
  let copy: Map<string, string[][]>;
  beforeAll(async () => {
    dir = makeTempDir();
    const file = path.join(dir, '汇总.xlsx');
    await writeRegionalWorkbook(file);
    const r = runCli([file, '--as-of', '2024-03-01', '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
    original = sheetsAsCsv(file, path.join(dir, 'a'));
    copy = sheetsAsCsv(path.join(dir, '汇总.screened.xlsx'), path.join(dir, 'b'));
  }, 240_000);

  it('has our columns and a verdict on every applicant row of every roster sheet; the user cells unchanged', () => {
    const rosters = ['信息技术', '机电制造', '材料'];
    for (const name of rosters) {
      const before = original.get(name)!;
      const after = copy.get(name)!;
      expect(after, name).toBeDefined();
      const width = before[1]!.length;
      expect([name, after[1]!.slice(width, width + 2)]).toEqual([name, ['预审结论', '预审意见']]);
      // The user's cells, row by row, as LibreOffice shows them.
      for (const [i, row] of before.entries()) expect([name, i, after[i]!.slice(0, width)]).toEqual([name, i, row]);
      // Each applicant (a row with an ID under the header; the footer has none) has a verdict.
      const applicants = after.slice(2).filter((r) => /^\d{17}[\dX]$/.test(r[1] ?? ''));
      expect(applicants.length, name).toBe(name === '材料' ? 2 : 3);
      for (const r of applicants) expect([name, r[0], r[width]]).toEqual([name, r[0], '通过']);
    }
    expect([...copy.keys()]).toEqual(expect.arrayContaining(['预审汇总', '预审规则']));
  });
});
