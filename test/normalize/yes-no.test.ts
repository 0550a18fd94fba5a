import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/types.js';
import { parseYesNo, parseYesNoValue } from '../../src/normalize/yes-no.js';

const YES = ['是', 'Y', 'y', 'yes', 'Yes', 'YES', '√', '✓', '✔', '✔️', '有', '已', '已登记', '已核验', '已审核', '通过', '1', 'true', 'TRUE', 'True', 'Ｙ', '１', ' 是 ', '\u3000是'];
const NO = ['否', 'N', 'n', 'no', 'No', 'NO', '×', '✗', '✘', 'x', 'X', '无', '未', '未登记', '未核验', '0', 'false', 'FALSE', 'Ｎ', '０', ' 否 '];

describe('parseYesNo', () => {
  it.each(YES)('%j → true', (s) => expect(parseYesNo(s)).toBe(true));
  it.each(NO)('%j → false', (s) => expect(parseYesNo(s)).toBe(false));
  it.each(['', ' ', '是否', '不确定', '待定', '2', 'yes!', '已登记？', '11', 'ok'])('%j → null', (s) =>
    expect(parseYesNo(s)).toBeNull(),
  );

  // An answer with a bracketed note is that answer (issue 17); a note alone is not an answer.
  it.each<[string, boolean | null]>([
    ['是（已登记）', true],
    ['是(2023年已审核)', true],
    ['已登记【系统】', true],
    ['否（待补登）', false],
    ['（已登记）', null],
    ['待定（已登记）', null],
  ])('%j → %j', (s, want) => expect(parseYesNo(s)).toBe(want));

  it('never throws; the vocabulary maps whatever surrounds it with spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseYesNo(s);
        expect(r === null || typeof r === 'boolean').toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...YES, ...NO), fc.constantFrom('', ' ', '\u3000', '\t'), fc.constantFrom('', ' ', '\n'), (w, a, b) => {
        expect(parseYesNo(a + w + b)).toBe(YES.includes(w));
      }),
    );
  });
});

describe('parseYesNoValue', () => {
  it.each<[CellValue | undefined, boolean | null | undefined]>([
    [undefined, undefined],
    [{ kind: 'string', text: '' }, undefined],
    [{ kind: 'string', text: '  ' }, undefined],
    [{ kind: 'string', text: '是' }, true],
    [{ kind: 'string', text: '×' }, false],
    [{ kind: 'string', text: '也许' }, null],
    [{ kind: 'boolean', value: true }, true],
    [{ kind: 'boolean', value: false }, false],
    [{ kind: 'number', value: 1 }, true],
    [{ kind: 'number', value: 0 }, false],
    [{ kind: 'number', value: 2 }, null],
    [{ kind: 'date', iso: '2024-03-08', serial: 45359 }, null],
    [{ kind: 'error', code: '#N/A' }, null],
  ])('%j → %j', (v, want) => expect(parseYesNoValue(v)).toBe(want));
});
