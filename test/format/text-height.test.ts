import fc from 'fast-check';
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

  it('gives short text one line by its length alone, exactly as measuring it would', () => {
    const measured = (text: string, width: number) => {
      const usable = Math.max(1, Math.floor(width) - 1);
      return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / usable)), 0);
    };
    const char = fc.constantFrom('a', ' ', '问', '９', '𠀀', '\n', '\ud800');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }).map((cs) => cs.join('')), fc.integer({ min: 1, max: 40 }), (text, width) => {
        expect(lineCount(text, width)).toBe(measured(text, width));
      }),
      { numRuns: 2000 },
    );
  });
});
