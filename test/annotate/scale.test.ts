import { statSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { colLetters } from '../../src/ooxml/cell-ref.js';
import type { ApplicantResult } from '../../src/core/types.js';
import { writeAnnotatedCopy } from '../../src/annotate/write-annotated.js';
import { applicant, finding, rosterInput, runResult, tempDir } from './helpers.js';
import { handPackage } from './hand-made.js';

// ROWS applicants × 25 columns (shared strings, like Excel writes), one merged title row.
// Measures the whole write and samples the live heap while it runs: the sheet is transformed as
// a stream, so what stays in memory is far below the size of the sheet XML.
// ANNOTATE_SCALE_ROWS=1000000 runs the million-row case by hand.

// 30 000 rows in the suite keeps CI fast; the bench (npm run bench) measures 100 000 and 1 000 000.
const ROWS = Number(process.env.ANNOTATE_SCALE_ROWS ?? 30_000);
const COLS = 25;

function bigRoster(): { bytes: Uint8Array; sheetBytes: number } {
  const strings: string[] = ['2023年度正高级工程师申报人员花名册'];
  const headers = Array.from({ length: COLS }, (_, c) => `列${c + 1}`);
  strings.push(...headers);
  const words = ['信息技术', '机电制造', '杭州某某科技有限公司', '宁波某某电气股份有限公司', '高级工程师', '大学本科', '硕士研究生', '是', '否', '企业'];
  const wordBase = strings.length;
  strings.push(...words);
  const parts: string[] = [];
  parts.push(`<row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>`);
  parts.push(`<row r="2">${headers.map((_, c) => `<c r="${colLetters(c)}2" s="1" t="s"><v>${c + 1}</v></c>`).join('')}</row>`);
  for (let i = 0; i < ROWS; i++) {
    const r = i + 3;
    let row = `<row r="${r}" spans="1:${COLS}">`;
    for (let c = 0; c < COLS; c++) {
      const ref = `${colLetters(c)}${r}`;
      if (c === 1) row += `<c r="${ref}" t="inlineStr"><is><t>人${r}</t></is></c>`;
      else if (c % 3 === 0) row += `<c r="${ref}" s="2"><v>${(r * 7 + c) % 150}</v></c>`;
      else row += `<c r="${ref}" s="2" t="s"><v>${wordBase + ((r + c) % words.length)}</v></c>`;
    }
    parts.push(`${row}</row>`);
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:Y${ROWS + 2}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${parts.join('')}</sheetData><autoFilter ref="A2:Y${ROWS + 2}"/><mergeCells count="1"><mergeCell ref="A1:Y1"/></mergeCells></worksheet>`;
  const base = handPackage({
    sheets: [{ name: '花名册', xml: sheet }],
    styles: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs></styleSheet>`,
  });
  // Add the shared strings part to the hand-made package.
  const files = unzipSync(base);
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    new TextDecoder()
      .decode(files['xl/_rels/workbook.xml.rels'])
      .replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
  );
  return { bytes: zipSync(files, { level: 6 }), sheetBytes: strToU8(sheet).length };
}

let gc: () => void;
let roster: { bytes: Uint8Array; sheetBytes: number };

beforeAll(() => {
  v8.setFlagsFromString('--expose_gc');
  gc = vm.runInNewContext('gc') as () => void;
  roster = bigRoster();
});

/** One write, with the live heap sampled by a full collection every 500 ms (garbage does not count). */
async function measuredWrite(label: string, findingEvery: number) {
  const { bytes, sheetBytes } = roster;
  const applicants: ApplicantResult[] = [];
  for (let i = 0; i < ROWS; i++) {
    const r = i + 3;
    const f =
      findingEvery && i % findingEvery === 0
        ? [finding('cpd-hours', 'error', `D${r}`, `2022年继续教育${(r * 7 + 3) % 90}学时，少于90学时`)]
        : findingEvery && i % findingEvery === 5
          ? [finding('unit-type', 'warn', null, '花名册无此列')]
          : [];
    applicants.push(applicant(r, f));
  }
  const input = rosterInput({ headerTop: 2, headerRow: 2, width: COLS });
  const run = runResult(input, applicants);
  const out = path.join(tempDir(), 'big.screened.xlsx');
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 500);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await writeAnnotatedCopy({ input, bytes, applicants, run, outPath: out, lang: 'zh' });
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  clearInterval(timer);
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `[annotate scale] ${label}: ${ROWS} rows × ${COLS} cols, input ${mib(bytes.length)} MiB (sheet XML ${mib(sheetBytes)} MiB), ` +
      `output ${mib(statSync(out).size)} MiB; wall ${(ms / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s ` +
      `(incl. the sampling collections); live heap peak +${mib(peak - base)} MiB`,
  );
  expect(statSync(out).size).toBeGreaterThan(bytes.length);
  return { peak: peak - base, sheetBytes };
}

it(`annotates a ${ROWS.toLocaleString('en')}-row roster with one applicant in five flagged`, { timeout: 300_000 }, async () => {
  const { peak, sheetBytes } = await measuredWrite('10% errors + 10% warnings', 10);
  // Notes for 20 % of the rows are built in memory (what the findings need); the sheet is not.
  expect(peak).toBeLessThan(sheetBytes);
});

it('streams the sheet: with no findings the live heap stays a small fraction of the sheet', { timeout: 300_000 }, async () => {
  const { peak, sheetBytes } = await measuredWrite('all pass', 0);
  // A fixed few MiB (zlib windows, chunk buffers, the styles part) plus far less than the sheet.
  expect(peak).toBeLessThan(sheetBytes / 4 + 8 * 1024 * 1024);
});
