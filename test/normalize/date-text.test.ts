import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/types.js';
import {
  extractDate, firstDay, formatPartial, isoOf, lastDay, parseDateRange, parseDateText, parseDateValue,
  type PartialDate,
} from '../../src/normalize/date-text.js';

const day = (y: number, m: number, d: number): PartialDate => ({ y, m, d, precision: 'day' });
const month = (y: number, m: number): PartialDate => ({ y, m, precision: 'month' });
const year = (y: number): PartialDate => ({ y, precision: 'year' });
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('parseDateText', () => {
  it.each<[string, PartialDate]>([
    ['2019-06-30', day(2019, 6, 30)],
    ['2019-6-3', day(2019, 6, 3)],
    ['2019/6/30', day(2019, 6, 30)],
    ['2019.06.30', day(2019, 6, 30)],
    ['2019年6月30日', day(2019, 6, 30)],
    ['2019 年 6 月 30 日', day(2019, 6, 30)],
    ['2019年6月30号', day(2019, 6, 30)],
    ['20190630', day(2019, 6, 30)],
    ['2019-06-30 00:00:00', day(2019, 6, 30)],
    ['2019-06-30T08:15', day(2019, 6, 30)],
    ['２０１９－０６－３０', day(2019, 6, 30)],
    ['２０１９年６月３０日', day(2019, 6, 30)],
    ['  2019/6/30\u3000', day(2019, 6, 30)],
    ['2024-02-29', day(2024, 2, 29)],
    ['2000.2.29', day(2000, 2, 29)],
    ['2019.6', month(2019, 6)],
    ['2019.10', month(2019, 10)],
    ['2019-06', month(2019, 6)],
    ['2019/06', month(2019, 6)],
    ['2019年6月', month(2019, 6)],
    ['2019年06月', month(2019, 6)],
    ['201906', month(2019, 6)],
    ['2019年', year(2019)],
    ['2019', year(2019)],
    ['１９７１', year(1971)],
    ['1900', year(1900)],
    ['2100-12-31', day(2100, 12, 31)],
  ])('%j → %j', (s, want) => {
    expect(parseDateText(s)).toEqual(want);
  });

  it.each([
    '', ' ', '无', '2019-02-29', '1900-02-29', '2019-13-01', '2019-00-10', '2019-04-31', '2019-06-00',
    '2019-06/30', '2019.13', '2019年13月', '2019年2月30日', '1899', '2101', '2101-01-01', '20191332',
    '201913', '19', '219', '20190', '2019-06-30 记过', '2023年9月 记过', '记过2023', '2019年6月30日止',
    '2019-06-30-', '06/30/2019', '30.06.2019', '2019-6-3-1', '2019..6', '2019--06',
  ])('%j → null', (s) => {
    expect(parseDateText(s)).toBeNull();
  });
});

describe('extractDate', () => {
  it.each<[string, PartialDate, string]>([
    ['2023年9月 记过', month(2023, 9), '记过'],
    ['记过（2023.09）', month(2023, 9), '记过'],
    ['记过(2023-09-15)', day(2023, 9, 15), '记过'],
    ['2022年3月受警告处分', month(2022, 3), '受警告处分'],
    ['警告，2023年1月5日', day(2023, 1, 5), '警告'],
    ['2021年 撤职', year(2021), '撤职'],
    ['降低岗位等级 20230915', day(2023, 9, 15), '降低岗位等级'],
    ['记过（２０２３年９月）', month(2023, 9), '记过'],
    ['2023-09-15 00:00:00 记过', day(2023, 9, 15), '记过'],
  ])('%j → %j + %j', (s, date, rest) => {
    expect(extractDate(s)).toEqual({ date, rest });
  });

  it.each(['记过', '无', '', '文号123号', '身份证330106197102114327', '电话13812341234', '2019.02.30 记过', '2019年2月30日'])(
    '%j → null',
    (s) => {
      expect(extractDate(s)).toBeNull();
    },
  );

  it('takes the first date of several', () => {
    expect(extractDate('2021年警告，2023年9月记过')?.date).toEqual(year(2021));
  });
});

describe('parseDateValue', () => {
  const num = (value: number): CellValue => ({ kind: 'number', value });
  const str = (text: string): CellValue => ({ kind: 'string', text });

  it.each<[CellValue | undefined, PartialDate | null | undefined]>([
    [undefined, undefined],
    [str(''), undefined],
    [str('  \u3000'), undefined],
    [str('2019年6月'), month(2019, 6)],
    [str('不详'), null],
    [{ kind: 'date', iso: '2019-06-30', serial: 43646 }, day(2019, 6, 30)],
    [num(2019), year(2019)],
    [num(1900), year(1900)],
    [num(2100), year(2100)],
    [num(20190630), day(2019, 6, 30)],
    [num(20190230), null],
    [num(201906), month(2019, 6)],
    [num(201913), null],
    [num(2019.06), month(2019, 6)],
    [num(2019.12), month(2019, 12)],
    [num(2019.5), month(2019, 5)],
    [num(2019.1), null], // typed 2019.1 or 2019.10: ambiguous
    [num(2019.123), null],
    [num(43646), day(2019, 6, 30)],
    [num(43646.75), day(2019, 6, 30)],
    [num(45000), day(2023, 3, 15)],
    [num(45359), day(2024, 3, 8)],
    [num(1), day(1900, 1, 1)],
    [num(59), day(1900, 2, 28)],
    [num(60), null], // Lotus's 1900-02-29
    [num(61), day(1900, 3, 1)],
    [num(80000), day(2119, 1, 11)],
    [num(80001), null],
    [num(0), null],
    [num(-5), null],
    [num(Number.NaN), null],
    [num(330106197102114300), null],
    [{ kind: 'boolean', value: true }, null],
    [{ kind: 'error', code: '#VALUE!' }, null],
  ])('%j → %j', (v, want) => {
    expect(parseDateValue(v)).toEqual(want);
  });
});

describe('parseDateRange', () => {
  it.each<[string, PartialDate, PartialDate]>([
    ['2024年3月11日至3月15日', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024年3月11日-2024年3月15日', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024.3.11—3.15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024-03-11 ~ 2024-03-15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024/3/11至2024/3/15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024年3月11日到15日', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024年3月11日至15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024-03-11-2024-03-15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024-03-11-15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024-03-11–03-15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024.3.11～2024.3.15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024.3.11〜3.15', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024.3.11——3.15', day(2024, 3, 11), day(2024, 3, 15)],
    ['２０２４年３月１１日至３月１５日', day(2024, 3, 11), day(2024, 3, 15)],
    ['2024年2月28日至3月5日', day(2024, 2, 28), day(2024, 3, 5)],
    ['2024年3月15日至3月11日', day(2024, 3, 15), day(2024, 3, 11)], // reversed: left for the rule
    ['2023年12月29日至2024年1月5日', day(2023, 12, 29), day(2024, 1, 5)],
    ['2024年3月至4月', month(2024, 3), month(2024, 4)],
  ])('%j → %j – %j', (s, start, end) => {
    expect(parseDateRange(s)).toEqual({ start, end });
  });

  it.each(['', '2024年3月11日', '2024年3月11日至', '至3月15日', '2024年3月11日至3月32日', '公示五天', '2024-03-11 ~ 记过'])(
    '%j → null',
    (s) => {
      expect(parseDateRange(s)).toBeNull();
    },
  );
});

describe('helpers', () => {
  it('isoOf needs day precision', () => {
    expect(isoOf(day(2019, 6, 3))).toBe('2019-06-03');
    expect(() => isoOf(month(2019, 6))).toThrow(RangeError);
    expect(() => isoOf(year(2019))).toThrow(RangeError);
  });
  it.each<[PartialDate, string, string, string]>([
    [day(2019, 2, 3), '2019-02-03', '2019-02-03', '2019-02-03'],
    [month(2019, 2), '2019-02-01', '2019-02-28', '2019-02'],
    [month(2024, 2), '2024-02-01', '2024-02-29', '2024-02'],
    [month(2019, 12), '2019-12-01', '2019-12-31', '2019-12'],
    [year(2019), '2019-01-01', '2019-12-31', '2019'],
  ])('%j: first %s, last %s, shown %s', (d, first, last, shown) => {
    expect(firstDay(d)).toBe(first);
    expect(lastDay(d)).toBe(last);
    expect(formatPartial(d)).toBe(shown);
  });
});

describe('properties', () => {
  const dateArb = fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d);
  const p2 = (n: number) => String(n).padStart(2, '0');

  it('every supported day form round-trips', () => {
    fc.assert(
      fc.property(dateArb, ([y, m, d]) => {
        const forms = [
          `${y}-${p2(m)}-${p2(d)}`, `${y}-${m}-${d}`, `${y}/${m}/${d}`, `${y}/${p2(m)}/${p2(d)}`,
          `${y}.${p2(m)}.${p2(d)}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${y}年${p2(m)}月${p2(d)}日`,
          `${y}${p2(m)}${p2(d)}`, `${y}-${p2(m)}-${p2(d)} 00:00:00`, ` ${y}年${m}月${d}日 `,
        ];
        for (const f of [...forms, ...forms.map(fullWidth)]) {
          expect(parseDateText(f), f).toEqual(day(y, m, d));
          expect(extractDate(`记过（${f}）`)?.date, f).toEqual(day(y, m, d));
        }
        expect(parseDateValue({ kind: 'number', value: y * 10000 + m * 100 + d })).toEqual(day(y, m, d));
        expect(parseDateRange(`${y}年${m}月${d}日至${y}年${m}月${d}日`)).toEqual({ start: day(y, m, d), end: day(y, m, d) });
      }),
    );
  });

  it('every supported month and year form round-trips', () => {
    fc.assert(
      fc.property(dateArb, ([y, m]) => {
        for (const f of [`${y}-${p2(m)}`, `${y}/${p2(m)}`, `${y}/${m}`, `${y}.${m}`, `${y}.${p2(m)}`, `${y}年${m}月`, `${y}年${p2(m)}月`, `${y}${p2(m)}`]) {
          expect(parseDateText(f), f).toEqual(month(y, m));
          expect(parseDateText(fullWidth(f)), f).toEqual(month(y, m));
        }
        for (const f of [`${y}`, `${y}年`]) expect(parseDateText(f), f).toEqual(year(y));
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    const dateish = fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日号至到~〜—– ０１２　：:T记过') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), dateish), (s) => {
        const d = parseDateText(s);
        if (d !== null) expect(formatPartial(d)).toMatch(/^\d{4}(-\d{2}){0,2}$/);
        extractDate(s);
        parseDateRange(s);
        parseDateValue({ kind: 'string', text: s });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary numbers', () => {
    fc.assert(fc.property(fc.double(), (n) => {
      parseDateValue({ kind: 'number', value: n });
    }));
  });
});
