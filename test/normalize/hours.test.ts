import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/types.js';
import { parseHours } from '../../src/normalize/hours.js';

const str = (text: string): CellValue => ({ kind: 'string', text });
const num = (value: number): CellValue => ({ kind: 'number', value });

describe('parseHours', () => {
  it.each<[CellValue | undefined, number | null | undefined]>([
    [undefined, undefined],
    [str(''), undefined],
    [str(' \u3000'), undefined],
    [num(90), 90],
    [num(90.5), 90.5],
    [num(0), 0],
    [num(-0), 0],
    [num(-1), null],
    [num(Number.NaN), null],
    [num(Number.POSITIVE_INFINITY), null],
    [num(1e308), null],
    [str('1e308'), null],
    [num(8784), 8784],
    [num(8785), null],
    [str('9000学时'), null],
    [str('6000+6000'), null],
    [str('90'), 90],
    [str('90学时'), 90],
    [str('90.5'), 90.5],
    [str('90 学时'), 90],
    [str(' 90学时 '), 90],
    [str('９０'), 90],
    [str('９０学时'), 90],
    [str('９０．５'), 90.5],
    [str('90小时'), 90],
    [str('90课时'), 90],
    [str('90h'), 90],
    [str('90H'), 90],
    [str('0'), 0],
    [str('.5'), 0.5],
    [str('-5'), null],
    [str('-5学时'), null],
    [str('九十'), null],
    [str('90分'), null],
    [str('约90'), null],
    [str('90/100'), null],
    // A number with a note around it is that number (issue 17).
    [str('96（含公需科目24学时）'), 96],
    [str('96学时(已登记)'), 96],
    [str('90学时（已登记）'), 90],
    [str('90【已审核】'), 90],
    [str('96（含(公需)24学时）'), 96],
    [str('共96学时'), 96],
    [str('合计 96 学时。'), 96],
    // A sum with plus signs is its total; other separators stay unread (专业/公需 or two years?).
    [str('60+36'), 96],
    [str('60 + 36学时'), 96],
    [str('专业60+公需36'), 96],
    [str('专业科目60学时＋公需科目36学时'), 96],
    [str('60+36（已登记）'), 96],
    [str('60/30'), null],
    [str('60、30'), null],
    [str('60，30'), null],
    [str('60+'), null],
    [str('+60'), null],
    [str('60+约30'), null],
    [str('（已登记）'), null],
    [str('已登记'), null],
    [str('学时'), null],
    [str('90学时60学时'), null],
    [{ kind: 'boolean', value: true }, null],
    [{ kind: 'date', iso: '2024-03-08', serial: 45359 }, null],
    [{ kind: 'error', code: '#DIV/0!' }, null],
  ])('%j → %j', (v, want) => expect(parseHours(v)).toBe(want));

  it('`${n}学时` → n for any non-negative number up to a year\'s hours, unreadable above', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom('', '学时', ' 学时', '小时', 'h'), (n, unit) => {
        const want = n <= 366 * 24 ? n + 0 : null;
        expect(parseHours(str(`${n}${unit}`))).toBe(want);
        expect(parseHours(num(n))).toBe(want);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseHours(str(s));
        expect(r === undefined || r === null || (Number.isFinite(r) && r >= 0)).toBe(true);
      }),
    );
  });
});
