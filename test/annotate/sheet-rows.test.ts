import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellSyntax, cellInRow, lastValueCol, parseCells, SheetSplitter, type RowChunk } from '../../src/annotate/sheet-rows.js';
import { colLetters } from '../../src/ooxml/cell-ref.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { buildXlsx, readAll, writeTemp } from '../io/helpers.js';

// Regression (was a bug): a cell's content was searched for <v>/<is>/<f> on to the end of the row,
// so a row of cells without a <v> (inline-string headers) took time quadratic in its width: a
// 16 384-column roster took 9–18 s to refuse. The scan is linear now. The row here is four times
// Excel's width (the splitter does not care): quadratic, it would take minutes and exceed this
// test's timeout by far; linear, it takes milliseconds.
const WIDTH = 4 * 16384;

function wideRow(cell: (ref: string) => string): RowChunk {
  const open = '<row r="1">';
  const xml = `${open}${Array.from({ length: WIDTH }, (_, c) => cell(`${colLetters(c)}1`)).join('')}</row>`;
  return { row: 1, xml, openLen: open.length, selfClosing: false, hasRef: true };
}

describe('sheet rows: scanning a wide row is linear', () => {
  const x = new CellSyntax('');

  it('inline-string cells (no <v>) are found with their values', () => {
    const chunk = wideRow((ref) => `<c r="${ref}" t="inlineStr"><is><t>h</t></is></c>`);
    const cells = parseCells(chunk, x);
    expect(cells).toHaveLength(WIDTH);
    expect(cells.every((c) => c.hasValue)).toBe(true);
    // Parsed as the screening reader parses references: XFD is the last column, anything past it is
    // capped one beyond (the reader refuses such a sheet before a copy is made).
    expect(cells[16383]!.col).toBe(16383);
    expect(cells[WIDTH - 1]!.col).toBe(16384);
  });

  it('styled empty cells after the last value are skipped from the end', () => {
    const chunk = wideRow((ref) => (ref === 'C1' ? `<c r="${ref}"><v>1</v></c>` : `<c r="${ref}" s="1"></c>`));
    expect(lastValueCol(chunk, x)).toBe(2);
    expect(parseCells(chunk, x).filter((c) => c.hasValue).map((c) => c.col)).toEqual([2]);
  });

  it('a value tag is only seen inside its own cell', () => {
    const chunk = wideRow((ref) => (ref === 'A1' ? `<c r="${ref}" s="1"></c>` : `<c r="${ref}"><f>1+1</f></c>`));
    const [first, second] = parseCells(chunk, x);
    expect(first!.hasValue).toBe(false);
    expect(second!.hasValue).toBe(true);
  });
});

describe('sheet rows: the cell at a column', () => {
  const x = new CellSyntax('');

  // Valid rows: cells in column order, each with or without its reference, with a value, a style or
  // neither; some columns absent. cellInRow must find exactly what a full parse finds.
  it('agrees with a full parse of the row, whatever cells carry references', () => {
    const cell = fc.record({ gap: fc.integer({ min: 0, max: 2 }), ref: fc.boolean(), kind: fc.constantFrom('value', 'styled', 'empty') });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), fc.integer({ min: 0, max: 14 }), fc.boolean(), (cells, target, rowRef) => {
        let col = -1;
        let body = '';
        for (const c of cells) {
          // A cell without a reference sits right after the previous one.
          col = c.ref ? col + 1 + c.gap : col + 1;
          const r = c.ref ? ` r="${colLetters(col)}7"` : '';
          body += c.kind === 'value' ? `<c${r} s="2"><v>${col}</v></c>` : c.kind === 'styled' ? `<c${r} s="3"/>` : `<c${r}></c>`;
        }
        const open = rowRef ? '<row r="7">' : '<row>';
        const chunk: RowChunk = { row: 7, xml: `${open}${body}</row>`, openLen: open.length, selfClosing: false, hasRef: rowRef };
        const expected = parseCells(chunk, x).find((c) => c.col === target);
        expect(cellInRow(chunk, x, `${colLetters(target)}7`, target)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('no cell right of the last one, the cell by its reference, none in an empty row', () => {
    const open = '<row r="7">';
    const chunk: RowChunk = { row: 7, xml: `${open}<c r="A7"><v>1</v></c><c r="C7" s="3"/></row>`, openLen: open.length, selfClosing: false, hasRef: true };
    expect(cellInRow(chunk, x, 'F7', 5)).toBeUndefined();
    expect(cellInRow(chunk, x, 'C7', 2)?.s).toBe(3);
    expect(cellInRow(chunk, x, 'B7', 1)).toBeUndefined();
    const empty: RowChunk = { row: 7, xml: `${open}</row>`, openLen: open.length, selfClosing: false, hasRef: true };
    expect(cellInRow(empty, x, 'A7', 0)).toBeUndefined();
  });
});

describe('sheet rows: a cell is where the screening reader puts it', () => {
  it('malformed references (no row, $-anchored, lower case, missing) name the same columns in both parsers', async () => {
    const cells = ['<c r="A5"><v>1</v></c>', '<c r="F"><v>2</v></c>', '<c r="$H$5"><v>3</v></c>', '<c><v>4</v></c>', '<c r="k5"><v>5</v></c>', '<c r="M$5"><v>6</v></c>'];
    const rowXml = `<row r="5">${cells.join('')}</row>`;
    const wb = await openRosterFile(writeTemp('refs.xlsx', buildXlsx({ sheets: [{ name: 'S', rows: rowXml }] })));
    const { rows } = await readAll(wb, 0);
    const screened = rows[0]!.cells.flatMap((v, col) => (v === undefined ? [] : [col]));
    const annotated = parseCells({ row: 5, xml: rowXml, openLen: '<row r="5">'.length, selfClosing: false, hasRef: true }, new CellSyntax(''))
      .filter((c) => c.hasValue)
      .map((c) => c.col);
    expect(annotated).toEqual(screened);
    expect(screened).toEqual([0, 1, 7, 8, 10, 12]);
  });

  it('rows: the same numbers in both, from references a lenient reader might read otherwise', async () => {
    const refs = [' 5 ', '+6', '1e2', '0x10', '012', '0', undefined, '13.0', '16'];
    const rowsXml = refs.map((r, i) => `<row${r === undefined ? '' : ` r="${r}"`}><c><v>${i}</v></c></row>`).join('');
    const wb = await openRosterFile(writeTemp('rows.xlsx', buildXlsx({ sheets: [{ name: 'S', rows: rowsXml }] })));
    const screened = (await readAll(wb, 0)).rows.map((r) => r.row);
    const annotated: number[] = [];
    const split = new SheetSplitter({ head: () => undefined, row: (chunk) => void annotated.push(chunk.row) });
    split.push(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`);
    split.end();
    expect(annotated).toEqual(screened);
    expect(screened).toEqual([5, 6, 7, 8, 12, 13, 14, 15, 16]);
  });
});
