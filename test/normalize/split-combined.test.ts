import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCombined, yearsNamed } from '../../src/normalize/split-combined.js';

describe('splitCombined: text-date (现专业技术资格及取得时间)', () => {
  it.each<[string, string[] | null]>([
    ['高级工程师 2016.12', ['高级工程师', '2016.12']],
    ['高工（2017年3月）', ['高工', '2017年3月']],
    ['高工(2017年3月)', ['高工', '2017年3月']],
    ['高级工程师，2015-09-30', ['高级工程师', '2015-09-30']],
    ['高级工程师,2015-09-30', ['高级工程师', '2015-09-30']],
    ['高级工程师/2016.12', ['高级工程师', '2016.12']],
    ['高级工程师、2016年12月', ['高级工程师', '2016年12月']],
    ['高级工程师2016年12月', ['高级工程师', '2016年12月']],
    ['高级工程师 2016年12月30日', ['高级工程师', '2016年12月30日']],
    ['高级工程师　2016', ['高级工程师', '2016']],
    ['高级工程师（电子信息） 2016.12', ['高级工程师（电子信息）', '2016.12']],
    ['高级工程师', null],
    ['2016.12', null],
    ['', null],
  ])('%j → %j', (text, want) => expect(splitCombined(text, 'text-date', 2)).toEqual(want));
});

describe('splitCombined: list (学历/学位)', () => {
  it.each<[string, string[] | null]>([
    ['大学本科/学士', ['大学本科', '学士']],
    ['硕士研究生/硕士', ['硕士研究生', '硕士']],
    ['大专/无', ['大专', '无']],
    ['大学本科、学士', ['大学本科', '学士']],
    ['大学本科，学士', ['大学本科', '学士']],
    ['大学本科 / 学士', ['大学本科', '学士']],
    ['研究生 硕士', ['研究生', '硕士']],
    ['大学本科（学士）', ['大学本科', '学士']],
    ['大学本科(学士)', ['大学本科', '学士']],
    ['大学本科', null],
    ['大学本科/学士/硕士', null],
  ])('%j → %j', (text, want) => expect(splitCombined(text, 'list', 2)).toEqual(want));
});

describe('splitCombined: per-year hours', () => {
  const header = '继续教育学时（2021/2022/2023年）';
  it.each<[string, string, string[] | null]>([
    ['96/102/90', header, ['96', '102', '90']],
    ['96、60、90', header, ['96', '60', '90']],
    ['96，60，90', header, ['96', '60', '90']],
    ['96 102 90', header, ['96', '102', '90']],
    ['96（含公需24）/102/90', header, ['96（含公需24）', '102', '90']],
    ['96/102/90', '继续教育学时（2021-2023年）', ['96', '102', '90']],
    ['96/102/90', '2021年、2022年、2023年继续教育学时', ['96', '102', '90']],
    // The header names fewer years than there are numbers: not read as years.
    ['96/102/90', '继续教育学时', null],
    ['60/30', '继续教育学时（2023年）', null],
    // As many years as numbers are needed: two numbers under three years stay unread.
    ['96/102', header, null],
    ['288', header, null],
  ])('%j under %j → %j', (text, h, want) => expect(splitCombined(text, 'per-year', 3, h)).toEqual(want));
});

describe('yearsNamed', () => {
  it.each<[string, number]>([
    ['继续教育学时（2021/2022/2023年）', 3],
    ['继续教育学时（2021年/2022年/2023年）', 3],
    ['继续教育学时（2021-2023年）', 3],
    ['继续教育学时（2021—2023年）', 3],
    ['继续教育学时（２０２１～２０２３年）', 3],
    ['2023年继续教育学时', 1],
    ['继续教育学时', 0],
  ])('%j → %d', (h, n) => expect(yearsNamed(h)).toBe(n));
});

it('never throws, and a split has exactly the parts asked for', () => {
  fc.assert(
    fc.property(fc.string(), fc.constantFrom('text-date', 'list', 'per-year'), fc.integer({ min: 2, max: 4 }), (s, kind, n) => {
      const parts = splitCombined(s, kind, kind === 'text-date' ? 2 : n, '2021/2022/2023/2024年');
      if (parts !== null) expect(parts).toHaveLength(kind === 'text-date' ? 2 : n);
    }),
  );
});
