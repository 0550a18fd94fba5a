// Issue 20: where our fill covered the user's own cell fill, re-screening after the fix puts the
// user's fill back — also after another program re-saved the file and renumbered its styles.
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FILL_RGB } from '../../src/annotate/styles.js';
import { handPackage, istr, num, sheetXml, STYLES } from './hand-made.js';
import path from 'node:path';
import { applicant, entries, fillOf, finding, hasSoffice, loadExcel, readBytes, screen, sofficeConvert, tempDir, text, writeBytes } from './helpers.js';

const S1 = 'xl/worksheets/sheet1.xml';
const YELLOW = 'FFFFFF00';
const input = { sheet: 'S', headerTop: 1, headerRow: 1, width: 3 };

// B2 (学时) carries the user's yellow fill (xf 2 of STYLES); C2 is plain.
function roster(): Uint8Array {
  const rows =
    `<row r="1">${istr('A1', '姓名', '', 1)}${istr('B1', '学时', '', 1)}${istr('C1', '单位', '', 1)}</row>` +
    `<row r="2">${istr('A2', '张三')}${num('B2', 60, '', 2)}${istr('C2', '甲')}</row>`;
  return handPackage({ sheets: [{ name: 'S', xml: sheetXml(rows) }], styles: STYLES() });
}

const flagged = [applicant(2, [finding('cpd-hours', 'error', 'B2', '学时不足')])];
const fixed = [applicant(2, [])];

/**
 * What Excel does on saving: the user's yellow xf (no cell uses it now, ours covers it) is dropped
 * and every later style index moves down by one.
 */
function resavedDroppingUnusedStyle(bytes: Uint8Array): Uint8Array {
  const parts = entries(bytes);
  const styles = text(parts, 'xl/styles.xml');
  const m = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
  const xfs = m[2]!.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  expect(xfs[2]).toContain('fillId="2"');
  const kept = xfs.filter((_, i) => i !== 2);
  parts.set('xl/styles.xml', strToU8(styles.replace(m[0], `<cellXfs count="${kept.length}">${kept.join('')}</cellXfs>`)));
  for (const [name, data] of parts) {
    if (!name.startsWith('xl/worksheets/')) continue;
    parts.set(name, strToU8(strFromU8(data).replace(/(<c\b[^>]*?\ss=")(\d+)"/g, (_, pre: string, s: string) => `${pre}${Number(s) > 2 ? Number(s) - 1 : s}"`)));
  }
  return zipSync(Object.fromEntries(parts));
}

describe('restored fills', () => {
  it('the flagged cell shows our fill over the user’s; the fix brings the user’s yellow back', async () => {
    const first = await screen(roster(), flagged, { input });
    const ws1 = (await loadExcel(first.out)).getWorksheet('S')!;
    expect(fillOf(ws1.getCell('B2'))).toBe(FILL_RGB.error);
    const again = await screen(first.out, fixed, { input: { ...input, width: 5 } });
    const ws2 = (await loadExcel(again.out)).getWorksheet('S')!;
    expect(fillOf(ws2.getCell('B2'))).toBe(YELLOW);
    expect(fillOf(ws2.getCell('C2'))).toBeUndefined();
  });

  it('after another program renumbered the styles, the user’s fill still comes back (kept in our mark)', async () => {
    const first = await screen(roster(), flagged, { input });
    expect(text(first.parts, 'docProps/custom.xml')).toContain(YELLOW);
    const resaved = resavedDroppingUnusedStyle(first.out);
    const xml = text(entries(resaved), S1);
    expect(xml).toMatch(/<c r="B2" s="\d+"/);
    const again = await screen(resaved, fixed, { input: { ...input, width: 5 } });
    const ws = (await loadExcel(again.out)).getWorksheet('S')!;
    expect(fillOf(ws.getCell('B2'))).toBe(YELLOW);
    // Still flagged on the next round: our fill again, and again restorable.
    const third = await screen(again.out, flagged, { input: { ...input, width: 5 } });
    expect(fillOf((await loadExcel(third.out)).getWorksheet('S')!.getCell('B2'))).toBe(FILL_RGB.error);
  });

  // LibreOffice rewrites every fill's background colour (our tag) and merges our tagged fill with the
  // untagged one: the cell's position, kept in our mark, says whose fill our fill covered.
  it.skipIf(!hasSoffice())('after a LibreOffice re-save the user’s fill comes back (by the cell’s position in our mark) [needs LibreOffice]', async () => {
    const first = await screen(roster(), flagged, { input });
    const dir = tempDir();
    const saved = path.join(dir, 'first.xlsx');
    writeBytes(saved, first.out);
    const out = path.join(dir, 'lo');
    const resaved = readBytes(sofficeConvert(saved, 'xlsx:Calc MS Excel 2007 XML', out));
    expect(text(entries(resaved), 'xl/styles.xml')).not.toContain('FE000001');
    const again = await screen(resaved, fixed, { input: { ...input, width: 5 } });
    const ws = (await loadExcel(again.out)).getWorksheet('S')!;
    expect(fillOf(ws.getCell('B2'))).toBe(YELLOW);
    expect(fillOf(ws.getCell('C2'))).toBeUndefined();
    // Flagged again after another LibreOffice round: ours on top, and the yellow back once fixed.
    const third = await screen(resaved, flagged, { input: { ...input, width: 5 } });
    expect(fillOf((await loadExcel(third.out)).getWorksheet('S')!.getCell('B2'))).toBe(FILL_RGB.error);
    writeBytes(saved, third.out);
    const resaved2 = readBytes(sofficeConvert(saved, 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'lo2')));
    const fourth = await screen(resaved2, fixed, { input: { ...input, width: 5 } });
    expect(fillOf((await loadExcel(fourth.out)).getWorksheet('S')!.getCell('B2'))).toBe(YELLOW);
  }, 120_000);
});

describe('covered cells in our mark', () => {
  it('are kept as column runs and looked up by position', async () => {
    const { CoveredCells, CoveredLookup } = await import('../../src/annotate/covered-cells.js');
    const c = new CoveredCells();
    for (const r of [4, 5, 6, 9]) c.record(r, 24, 'FE000001');
    c.record(7, 1, 'FE000002');
    const e = c.entries('S');
    expect(e).toEqual([
      ['S', 'FE000001', 'Y4:Y6 Y9'],
      ['S', 'FE000002', 'B7'],
    ]);
    const look = new CoveredLookup(e, 'S', new Map([['FE000001', '<fill>y</fill>']]));
    expect([3, 4, 6, 7, 9].map((r) => look.at(r, 24))).toEqual([undefined, '<fill>y</fill>', '<fill>y</fill>', undefined, '<fill>y</fill>']);
    // A tag with no fill recorded, or another sheet, restores nothing.
    expect(look.at(7, 1)).toBeUndefined();
    expect(new CoveredLookup(e, 'T', new Map([['FE000001', 'x']])).at(4, 24)).toBeUndefined();
  });
});
