import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/types.js';
import { cellText, formatCharsIn, isNoneValue, normalizeHeader, numberText, toHalfWidth, withoutFormatChars } from '../../src/normalize/text.js';
import { parseHours } from '../../src/normalize/hours.js';
import { parseDateText, parseDateValue } from '../../src/normalize/date-text.js';
import { parseYesNoValue } from '../../src/normalize/yes-no.js';

describe('invisible format characters (Unicode category Cf)', () => {
  // U+200B zero-width space, U+200E LRM, U+2060 word joiner, U+00AD soft hyphen, U+FEFF, U+202E RLO,
  // U+180E Mongolian vowel separator, U+E0001 language tag (outside the BMP).
  const cf = '\u200B\u200E\u2060\u00AD\uFEFF\u202E\u180E\u{E0001}';
  it('are dropped from a value, everything else kept', () => {
    expect(withoutFormatChars(`张${cf}三 `)).toBe('张三 ');
    expect(withoutFormatChars('张 三\u3000\u00A0-')).toBe('张 三\u3000\u00A0-');
    expect(formatCharsIn(`a\u200Bb\u00ADc\u200B${'\u{E0001}'}`)).toEqual(['U+200B', 'U+00AD', 'U+E0001']);
    expect(formatCharsIn('330106197102114319 ')).toEqual([]);
  });

  it('a cell\'s text, dates, hours, yes/no and headers read without them', () => {
    expect(cellText({ kind: 'string', text: ` 王\u200B建国${cf}` })).toBe('王建国');
    expect(cellText({ kind: 'string', text: '\u200B' })).toBe('');
    expect(parseDateText('2019-\u200B06\u00AD')).toEqual({ y: 2019, m: 6, precision: 'month' });
    expect(parseDateValue({ kind: 'string', text: '\u20602018-12-30\u200E' })).toEqual({ y: 2018, m: 12, d: 30, precision: 'day' });
    expect(parseDateValue({ kind: 'string', text: '\u200B' })).toBeUndefined();
    expect(parseHours({ kind: 'string', text: '9\u00AD6\u200B学时' })).toBe(96);
    expect(parseHours({ kind: 'string', text: '\u200E' })).toBeUndefined();
    expect(parseYesNoValue({ kind: 'string', text: '是\u200B' })).toBe(true);
    expect(parseYesNoValue({ kind: 'string', text: '\u2060' })).toBeUndefined();
    expect(normalizeHeader('身份\u200E证号\u2060')).toBe(normalizeHeader('身份证号'));
  });
});

describe('toHalfWidth', () => {
  it('maps FF01–FF5E and U+3000, leaves the rest', () => {
    expect(toHalfWidth('ＡＢＣ１２３（）：～　！')).toBe('ABC123():~ !');
    expect(toHalfWidth('浙江省【杭州】—')).toBe('浙江省【杭州】—');
    expect(toHalfWidth('\uFF01\uFF5E')).toBe('!~');
    expect(toHalfWidth('\uFF00\uFF5F')).toBe('\uFF00\uFF5F');
  });
});

describe('cellText', () => {
  it.each<[CellValue | undefined, string]>([
    [undefined, ''],
    [{ kind: 'string', text: '  张三 ' }, '张三'],
    [{ kind: 'string', text: '１２３' }, '１２３'],
    [{ kind: 'number', value: 90 }, '90'],
    [{ kind: 'number', value: 90.5 }, '90.5'],
    [{ kind: 'number', value: -3 }, '-3'],
     
    [{ kind: 'number', value: 330106197102114321 }, '330106197102114300'],
    [{ kind: 'number', value: 1e20 }, '100000000000000000000'],
    [{ kind: 'number', value: 1e21 }, '1e+21'],
    [{ kind: 'number', value: 1.5e-7 }, '0.00000015'],
    [{ kind: 'number', value: -2e-9 }, '-0.000000002'],
    [{ kind: 'number', value: -0 }, '0'],
    [{ kind: 'date', iso: '2024-03-08', serial: 45359 }, '2024-03-08'],
    [{ kind: 'boolean', value: true }, 'TRUE'],
    [{ kind: 'boolean', value: false }, 'FALSE'],
    [{ kind: 'error', code: '#N/A' }, '#N/A'],
  ])('%j → %j', (v, want) => {
    expect(cellText(v)).toBe(want);
  });

  it('numberText never uses an exponent below 1e21', () => {
    for (const n of [1e-7, 1.234e-10, 5e-324, 123456789012345680000, 0.1 + 0.2]) {
      expect(numberText(n)).not.toMatch(/e/);
      expect(Number(numberText(n))).toBe(n);
    }
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['身份证号', '身份证号'],
    [' 身份证\n号码 ', '身份证号码'],
    ['姓\u3000名', '姓名'],
    ['姓\u00A0名', '姓名'],
    ['取得时间（年月）', '取得时间'],
    ['取得时间(年月)', '取得时间'],
    ['取得时间【必填】', '取得时间'],
    ['取得时间[必填]', '取得时间'],
    ['出生年月：', '出生年月'],
    ['出生年月:', '出生年月'],
    ['出生年月（格式：2019-06）：', '出生年月'],
    ['取得时间（如2019年6月）', '取得时间'],
    ['取得时间(例:2019.06)', '取得时间'],
    ['年度考核（2021年度）', '年度考核2021年度'],
    ['继续教育学时（2021年）', '继续教育学时2021年'],
    ['继续教育学时(2022年)', '继续教育学时2022年'],
    ['继续教育学时【2023】', '继续教育学时2023'],
    ['年度考核（2021）', '年度考核2021'],
    // A two-row header with the year above and the kind below: 2021年 + 年度考核.
    ['2021年年度考核', '2021年度考核'],
    ['2021 年\n年度考核', '2021年度考核'],
    ['学时（需≥90（含）学时）', '学时'],
    ['ＩＤ　Ｎｏ．', 'idno.'],
    ['Name (EN)', 'name'],
    ['学时（2021年，单位：学时）', '学时2021年,单位:学时'],
    ['序号（12345）', '序号'],
    // A bracket naming the second field of a combined header joins it, as 及 does.
    ['现职称（取得时间）', '现职称及取得时间'],
    ['现专业技术资格(取得年月)', '现专业技术资格及取得年月'],
    ['学历（学位）', '学历及学位'],
    ['现资格取得时间（年月）', '现资格取得时间'],
    ['出生日期（日期）', '出生日期'],
    ['参加工作（时间）', '参加工作'],
    ['毕业（时间）', '毕业'],
    ['现任专业技术职务（任职时间）', '现任专业技术职务及任职时间'],
  ])('%j → %j', (raw, want) => {
    expect(normalizeHeader(raw)).toBe(want);
  });

  it('keeps year columns apart', () => {
    expect(normalizeHeader('继续教育学时（2021年）')).not.toBe(normalizeHeader('继续教育学时（2022年）'));
  });
});

describe('isNoneValue', () => {
  it.each(['无', '否', '没有', '无处分', '未受处分', '—', '-', '/', '／', '暂无', 'N/A', 'n/a', ' 无 ', '无。', '——', 'none'])(
    '%j is a none value',
    (s) => {
      expect(isNoneValue(s)).toBe(true);
    },
  );
  it.each(['', ' ', '记过', '2023年9月 记过', '警告', '无限期', '有'])('%j is not', (s) => {
    expect(isNoneValue(s)).toBe(false);
  });
});
