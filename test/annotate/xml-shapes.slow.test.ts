import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { applicant, finding, hasSoffice, readBytes, screen, sofficeConvert } from './helpers.js';
import { oddShapesPackage } from './xml-shapes.js';

// The annotated copy of a roster whose XML is written unlike Excel's — `x:` prefixes, single
// quotes, blanks around `=`, comments holding markup — is written as correctly as the usual one:
// LibreOffice reads the same table from both. (Regression: cells written `r = "L2"` were taken for
// cells without a reference and renumbered, shifting a row's values to the left.)

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SAMPLE = path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx');
const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76';
const DECOY = `<!-- not markup: <x:sheetData><x:row r="1"><x:c r="A1"/></x:row></x:sheetData> <x:si><x:t>假</x:t></x:si> <x:mergeCell ref="A1:B2"/> -->`;

/** A part of the main namespace rewritten with an `x:` prefix, single quotes, blanks around `=` and decoy comments. */
function oddly(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN}"`)) return xml;
  let s = xml.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, '<$1x:$2');
  s = s.replace(/<[^!?][^>]*>/g, (tag) => tag.replace(/\s([\w.:-]+)="([^"']*)"/g, ` $1 = '$2'`));
  const rootEnd = s.indexOf('>', s.search(/<x:[A-Za-z]/)) + 1;
  const rootClose = s.lastIndexOf('</');
  return s.slice(0, rootEnd) + DECOY + s.slice(rootEnd, rootClose) + DECOY + s.slice(rootClose);
}

function oddPackage(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  for (const name of Object.keys(parts)) if (name.startsWith('xl/') && name.endsWith('.xml')) parts[name] = strToU8(oddly(strFromU8(parts[name]!)));
  return zipSync(parts);
}

/** Screens `file` with the built CLI into `dir`; returns the annotated copy and the applicants' statuses. */
function screenCli(file: string, dir: string): { copy: string; statuses: string[] } {
  const r = runCli([file, '--out-dir', dir, '--as-of', '2024-03-25', '--no-progress', '--format', 'json']);
  expect(r.status, r.stderr).toBe(1);
  const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { applicants: { status: string }[] };
  const copy = readdirSync(dir).find((f) => f.endsWith('.screened.xlsx'))!;
  return { copy: path.join(dir, copy), statuses: report.applicants.map((a) => a.status) };
}

describe.skipIf(!hasSoffice())('odd XML shapes: LibreOffice reads the annotated copy [needs LibreOffice]', () => {
  it('a real roster rewritten with x: prefixes, single quotes, blanks and comments screens and opens as the original does', () => {
    const dir = makeTempDir('rs-shapes-');
    const odd = path.join(dir, 'odd.xlsx');
    writeFileSync(odd, oddPackage(readBytes(SAMPLE)));
    const usual = screenCli(SAMPLE, path.join(dir, 'usual'));
    const shaped = screenCli(odd, path.join(dir, 'odd'));
    expect(shaped.statuses).toEqual(usual.statuses);
    const csv = (file: string, out: string) => readFileSync(sofficeConvert(file, CSV, path.join(dir, out)), 'utf8');
    const expected = csv(usual.copy, 'csv-usual');
    expect(expected.split('\n')[0]).toContain('预审结论,预审意见');
    expect(csv(shaped.copy, 'csv-odd')).toBe(expected);
    // Screening the annotated copies again changes neither.
    const again = screenCli(shaped.copy, path.join(dir, 'again'));
    expect(csv(again.copy, 'csv-again')).toBe(expected);
  });

  it('the hand-made roster with comments, CDATA, a user’s note and Excel VML opens with our columns', async () => {
    const dir = makeTempDir('rs-shapes-');
    const apps = [applicant(2, [finding('cpd-hours', 'error', 'B2', '学时不足')]), applicant(3, [])];
    const { path: file } = await screen(oddShapesPackage(), apps, { dir, input: { sheet: 'S', headerTop: 1, headerRow: 1, width: 2 } });
    const rows = readFileSync(sofficeConvert(file, CSV, path.join(dir, 'csv')), 'utf8').split('\n');
    expect(rows.slice(0, 3)).toEqual(['姓名,学时,预审结论,预审意见', '张三,60,不通过,[cpd-hours] 学时不足〔来源-cpd-hours〕', '李四,,通过,']);
  });
});
