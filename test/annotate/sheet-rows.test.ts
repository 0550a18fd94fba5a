import { describe, expect, it } from 'vitest';
import { CellSyntax, lastValueCol, parseCells, type RowChunk } from '../../src/annotate/sheet-rows.js';
import { colLetters } from '../../src/ooxml/cell-ref.js';

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
    expect(cells[WIDTH - 1]!.col).toBe(WIDTH - 1);
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
