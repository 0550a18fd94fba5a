import { describe, expect, it } from 'vitest';
import { heightForLines, lineCount, rowHeightFor, textUnits } from '../../src/format/text-height.js';

describe('text-height (row heights for wrapped cells)', () => {
  it('counts full-width characters as 2 units, others as 1', () => {
    expect(textUnits('abc')).toBe(3);
    expect(textUnits('申报专业')).toBe(8);
    expect(textUnits('９０学时，ok')).toBe(12);
    expect(textUnits('𠀀')).toBe(2); // beyond the BMP
  });

  it('sums the lines of every explicit line against the usable column width', () => {
    // width 10 → 9 usable units
    expect(lineCount('', 10)).toBe(1);
    expect(lineCount('a'.repeat(9), 10)).toBe(1);
    expect(lineCount('a'.repeat(10), 10)).toBe(2);
    expect(lineCount('问题'.repeat(5), 10)).toBe(3); // 20 units
    expect(lineCount('a\n\nb', 10)).toBe(3);
    expect(lineCount('问题'.repeat(5) + '\nx', 10)).toBe(4);
  });

  it('takes the tallest cell of a row, never below the minimum', () => {
    expect(rowHeightFor([{ text: 'x', width: 10 }], 10, 18)).toBe(18);
    expect(rowHeightFor([{ text: 'x', width: 10 }, { text: '1\n2\n3', width: 5 }], 10, 18)).toBe(heightForLines(3, 10));
    expect(heightForLines(3, 10)).toBeGreaterThan(3 * 10);
  });
});
