import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/types.js';
import { checkDigit, idFromCell, type IdCell, maskId, maskPhone, maskSensitiveText, validateIdNumber } from '../../src/normalize/id-number.js';

// Check characters computed independently (Python) for these prefixes.
describe('checkDigit', () => {
  it.each([
    ['11010519491231002', 'X'], // the GB 11643-1999 example
    ['33010619710211432', '7'],
    ['44030419900101123', '3'],
    ['33010219800229001', '5'],
  ])('%s → %s', (p, want) => expect(checkDigit(p)).toBe(want));

  it('refuses anything but 17 digits', () => {
    expect(() => checkDigit('1234')).toThrow(RangeError);
    expect(() => checkDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female'],
    [' 330106197102114327 ', '330106197102114327', '1971-02-11', 'female'],
    ['３３０１０６１９７１０２１１４３２７', '330106197102114327', '1971-02-11', 'female'],
    ['330106197102114319', '330106197102114319', '1971-02-11', 'male'],
    ['\u200E330106\u200B197102114319\u2060', '330106197102114319', '1971-02-11', 'male'],
    ['330102198002290015', '330102198002290015', '1980-02-29', 'male'],
  ])('%j is valid', (s, normalized, birth, sex) => {
    expect(validateIdNumber(s)).toEqual({ ok: true, normalized, birth, sex });
  });

  it.each([
    ['', { ok: false, reason: 'length' }],
    ['33010619710211432', { ok: false, reason: 'length' }],
    ['3301061971021143277', { ok: false, reason: 'length' }],
    ['330106710211432', { ok: false, reason: 'length' }], // old 15-digit ID
    ['33010619710211432Y', { ok: false, reason: 'chars' }],
    ['3301061971021143X7', { ok: false, reason: 'chars' }],
    ['330106 97102114327', { ok: false, reason: 'length' }], // a space replacing a digit: 17 left
    ['330106 19710211 4327', { ok: true, normalized: '330106197102114327', birth: '1971-02-11', sex: 'female' }],
    ['330106-19710211-4327', { ok: true, normalized: '330106197102114327', birth: '1971-02-11', sex: 'female' }],
    ['330106197102304327', { ok: false, reason: 'birth' }],
    ['330106197113114327', { ok: false, reason: 'birth' }],
    ['330106197902294327', { ok: false, reason: 'birth' }],
    ['330106189912314327', { ok: false, reason: 'birth' }],
    ['330106210101014327', { ok: false, reason: 'birth' }],
    ['330106197102114321', { ok: false, reason: 'checksum', expected: '7' }], // brief's sample: not a valid ID
    ['110105194912310021', { ok: false, reason: 'checksum', expected: 'X' }],
  ])('%j → %j', (s, want) => expect(validateIdNumber(s)).toEqual(want));

  it('accepts exactly the computed check character (property)', () => {
    const prefix = fc
      .tuple(
        fc.stringMatching(/^\d{6}$/),
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.stringMatching(/^\d{3}$/),
      )
      .filter(([, y, m, d]) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d)
      .map(([area, y, m, d, seq]) => `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`);
    fc.assert(
      fc.property(prefix, (p) => {
        const c = checkDigit(p);
        const r = validateIdNumber(p + c);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.sex).toBe(Number(p[16]) % 2 === 1 ? 'male' : 'female');
        if (c === 'X') expect(validateIdNumber(p + 'x').ok).toBe(true);
        for (const other of '0123456789X') {
          if (other !== c) expect(validateIdNumber(p + other)).toEqual({ ok: false, reason: 'checksum', expected: c });
        }
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void validateIdNumber(s)));
  });
});

describe('idFromCell', () => {
  it.each<[CellValue | undefined, IdCell]>([
    [undefined, { text: '', numeric: false, precisionLost: false, error: false, formatChars: [] }],
    [{ kind: 'string', text: ' 330106197102114327 ' }, { text: '330106197102114327', numeric: false, precisionLost: false, error: false, formatChars: [] }],
     
    [{ kind: 'number', value: 330106197102114327 }, { text: '330106197102114300', numeric: true, precisionLost: true, error: false, formatChars: [] }],
    [{ kind: 'number', value: 330106710211432 }, { text: '330106710211432', numeric: true, precisionLost: false, error: false, formatChars: [] }],
    [{ kind: 'number', value: 3.3e17 }, { text: '330000000000000000', numeric: true, precisionLost: true, error: false, formatChars: [] }],
    [{ kind: 'number', value: 12.5 }, { text: '12.5', numeric: true, precisionLost: true, error: false, formatChars: [] }],
    [{ kind: 'string', text: '3.3E+17' }, { text: '3.3E+17', numeric: true, precisionLost: true, error: false, formatChars: [] }],
    [{ kind: 'string', text: '3.30106E+17' }, { text: '3.30106E+17', numeric: true, precisionLost: true, error: false, formatChars: [] }],
    [{ kind: 'string', text: '3.30106e17' }, { text: '3.30106e17', numeric: true, precisionLost: true, error: false, formatChars: [] }],
    [{ kind: 'string', text: '11010519491231002X' }, { text: '11010519491231002X', numeric: false, precisionLost: false, error: false, formatChars: [] }],
    // Invisible format characters (Unicode Cf) are left out of the text and named; a BOM at an end is trimmed as whitespace.
    [{ kind: 'string', text: '\uFEFF330106\u200B19710211\u00AD4327\u200B ' }, { text: '330106197102114327', numeric: false, precisionLost: false, error: false, formatChars: ['U+200B', 'U+00AD'] }],
    [{ kind: 'error', code: '#N/A' }, { text: '#N/A', numeric: false, precisionLost: false, error: true, formatChars: [] }],
  ])('%j → %j', (v, want) => expect(idFromCell(v)).toEqual(want));
});

describe('masking', () => {
  it.each([
    ['330106197102114321', '330106********4321'],
    ['11010519491231002X', '110105********002X'],
    // However typed, an 18-character ID is masked from its normalised form (one form per person).
    ['330106 19710211 4321', '330106********4321'],
    [' 330106-1971-0211-4321 ', '330106********4321'],
    ['３３０１０６１９７１０２１１４３２１', '330106********4321'],
    ['11010519491231002x', '110105********002X'],
    ['330106197\u200B102114321', '330106********4321'], // an invisible zero-width space inside
    ['\u200E330106197102114321\u00AD', '330106********4321'],
    ['330106197102114321（已核）', '330106********4321'], // a note after it: masked as the ID, the note dropped
    ['330106 19710211 432', '330106********* 432'], // 17 digits: no ID to normalise, masked as typed
    ['330106710211432', '33***********32'],
    ['123456', '12**56'],
    ['12345', '*****'],
    ['', ''],
  ])('maskId(%j) = %j', (s, want) => expect(maskId(s)).toBe(want));

  it.each([
    ['13812341234', '138****1234'],
    ['0571-88888888', '057******8888'],
    ['1234567', '*******'],
    ['１３８１２３４１２３４', '１３８****１２３４'],
  ])('maskPhone(%j) = %j', (s, want) => expect(maskPhone(s)).toBe(want));

  it.each([
    ['身份证330106197102114327，电话13812341234', '身份证330106********4327，电话138****1234'],
    ['ID: 11010519491231002x.', 'ID: 110105********002X.'],
    ['３３０１０６１９７１０２１１４３２７', '330106********4327'],
    ['手机：１３８１２３４１２３４', '手机：１３８****１２３４'],
    ['编号1234567890123456789', '编号1234567890123456789'], // 19 digits: neither an ID nor a mobile
    ['座机057188888888', '座机057188888888'],
    // Invisible format characters inside do not keep an ID or a mobile number from being masked.
    ['备注：330106\u200B197102114327；138\u20601234\u00AD1234', '备注：330106********4327；138****1234'],
    ['无敏感信息', '无敏感信息'],
  ])('maskSensitiveText(%j) = %j', (s, want) => expect(maskSensitiveText(s)).toBe(want));
});
