import { describe, expect, it } from 'vitest';
import type { CellValue, FieldColumn, RawRow } from '../../src/core/types.js';
import { MergeFill } from '../../src/roster/merge-fill.js';

const s = (text: string): CellValue => ({ kind: 'string', text });
const row = (n: number, ...cells: (CellValue | undefined)[]): RawRow => ({ row: n, cells });
const text = (r: RawRow) => r.cells.map((c) => (c?.kind === 'string' ? c.text : null));
const fields = new Map<string, FieldColumn>([
  ['name', { col: 0, letter: 'A', header: '姓名' }],
  ['idNumber', { col: 1, letter: 'B', header: '身份证号' }],
]);

describe('MergeFill', () => {
  it('gives a range\'s value to every row it covers, and names its first cell', () => {
    // C3:C5 merged (an employer over three applicants); rows stream in order.
    const fill = new MergeFill([{ top: 3, left: 3, bottom: 5, right: 3 }], 2, 4);
    expect(text(fill.apply(row(3, s('甲'), s('1'), s('某公司'))))).toEqual(['甲', '1', '某公司']);
    expect(fill.originOf(2)).toBeNull(); // the top-left cell is the value's own
    expect(text(fill.apply(row(4, s('乙'), s('2'))))).toEqual(['乙', '2', '某公司']);
    expect(fill.originOf(2)).toBe('C3');
    expect(fill.originOf(0)).toBeNull();
    expect(text(fill.apply(row(5, s('丙'), s('3'), undefined, s('x'))))).toEqual(['丙', '3', '某公司', 'x']);
    expect(text(fill.apply(row(6, s('丁'), s('4'))))).toEqual(['丁', '4']);
    expect(fill.originOf(2)).toBeNull();
  });

  it('leaves ranges in the header alone and cuts ranges at the header\'s width', () => {
    const fill = new MergeFill(
      [
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 4, left: 1, bottom: 4, right: 9 },
      ],
      2,
      3,
    );
    expect(text(fill.apply(row(3, s('甲'))))).toEqual(['甲']);
    expect(text(fill.apply(row(4, s('注：以上属实'))))).toEqual(['注：以上属实', '注：以上属实', '注：以上属实']);
  });

  it('rows whose 姓名 and 身份证号 are merged from an earlier row continue that applicant', () => {
    const fill = new MergeFill(
      [
        { top: 3, left: 1, bottom: 5, right: 1 },
        { top: 3, left: 2, bottom: 5, right: 2 },
        { top: 7, left: 1, bottom: 8, right: 1 }, // only 姓名 merged: two people of one name
      ],
      2,
      3,
    );
    fill.apply(row(3, s('甲'), s('330106197102114319'), s('项目一')));
    expect(fill.continues(fields)).toBeNull();
    fill.apply(row(4, undefined, undefined, s('项目二')));
    expect(fill.continues(fields)).toBe(3);
    fill.apply(row(5, undefined, undefined, s('项目三')));
    expect(fill.continues(fields)).toBe(3);
    fill.apply(row(7, s('乙'), s('1')));
    fill.apply(row(8, undefined, s('2')));
    expect(fill.continues(fields)).toBeNull();
  });

  it('a range whose first row was empty (never streamed) gives nothing', () => {
    const fill = new MergeFill([{ top: 3, left: 1, bottom: 4, right: 1 }], 2, 2);
    expect(text(fill.apply(row(4, undefined, s('x'))))).toEqual([null, 'x']);
  });
});
