// The reader's view of a row's state: hidden (folded or filtered out) and formulas never
// calculated (a <f> without a cached <v>, as scripts write them). Sheet XML written by hand.
import { describe, expect, it } from 'vitest';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { buildXlsx, readAll, writeTemp } from './helpers.js';

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('xlsx row state', () => {
  it('marks hidden rows (hidden="1" or "true"), and only those', async () => {
    const rows = [
      `<row r="1">${inline('A1', '甲')}</row>`,
      `<row r="2" hidden="1">${inline('A2', '乙')}</row>`,
      `<row r="3" hidden="true" customHeight="1">${inline('A3', '丙')}</row>`,
      `<row r="4" hidden="0">${inline('A4', '丁')}</row>`,
    ].join('');
    const wb = await openRosterFile(writeTemp('hidden.xlsx', buildXlsx({ sheets: [{ name: 's', rows }] })));
    const read = await readAll(wb);
    expect(read.rows.map((r) => [r.row, r.hidden ?? false])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
  });

  it('reports formulas without a cached value by column, and reads those with one', async () => {
    const rows = [
      `<row r="1">${inline('A1', '甲')}<c r="B1"><f>SUM(1,2)</f></c><c r="C1"><f>1+1</f><v>2</v></c><c r="D1" t="str"><f>"x"</f><v></v></c><c r="F1"><f>30+64</f><v></v></c><c r="G1"><f>G2</f><v/></c></row>`,
      // A row holding nothing but an uncalculated formula is still a row (shared formula, self-closing <f/>).
      `<row r="2"><c r="E2"><f t="shared" si="0"/></c></row>`,
    ].join('');
    const wb = await openRosterFile(writeTemp('formula.xlsx', buildXlsx({ sheets: [{ name: 's', rows }] })));
    const read = await readAll(wb);
    expect(read.rows.map((r) => [r.row, r.uncomputed])).toEqual([
      // openpyxl writes an empty <v></v> beside every formula it saves: not calculated either.
      [1, [1, 5, 6]],
      [2, [4]],
    ]);
    expect(read.rows[0]!.cells[2]).toEqual({ kind: 'number', value: 2 });
    // A formula whose cached value is the empty string was calculated: an empty cell, not uncomputed.
    expect(read.rows[0]!.cells[3]).toBeUndefined();
  });
});
