// Issue 18, in-process: the helpers behind the end-to-end tests, on their edge cases.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/user-error.js';
import { decodeText } from '../../src/io/csv/csv-decode.js';
import { lineAt, parseCsv } from '../../src/io/csv/csv-parse.js';
import { parseDateValue } from '../../src/normalize/date-text.js';
import { CUT_MARK, EXCEL_CELL_LIMIT, excelCellText, fitCell, xmlSafe } from '../../src/ooxml/cell-text.js';
import { escapeText } from '../../src/ooxml/xml-text.js';
import { XmlScanner } from '../../src/ooxml/xml-tokenizer.js';
import { maskText } from '../../src/report/mask.js';
import { formatTerminal } from '../../src/format/terminal.js';
import type { RunResult } from '../../src/report/run-result.js';

describe('parseDateValue', () => {
  it("reads Excel's 1900-02-29 (serial 60) as no date, not a crash", () => {
    expect(parseDateValue({ kind: 'date', iso: '1900-02-29', serial: 60 })).toBeNull();
    expect(parseDateValue({ kind: 'number', value: 60 })).toBeNull();
  });
});

describe('CSV text', () => {
  it('an unclosed quote is refused naming the line where it opens (CRLF, LF and CR lines)', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const text = ['a,b', '1,2', '3,"4', '5,6', '7,8'].join(eol);
      let err: unknown;
      try {
        parseCsv(text, () => undefined, 'x.csv');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).render('zh')).toMatch(/"x\.csv" 第 3 行/);
      expect((err as UserError).render('en')).toMatch(/line 3/);
    }
  });

  it('a closed quote spanning lines is one field, as before', () => {
    const rows: string[][] = [];
    parseCsv('a,"b\nc"\n1,2', (r) => void rows.push(r.cells.map((c) => (c?.kind === 'string' ? c.text : ''))));
    expect(rows).toEqual([['a', 'b\nc'], ['1', '2']]);
  });

  it('lineAt counts CRLF once', () => {
    expect(lineAt('a\r\nb\r\nc', 6)).toBe(3);
    expect(lineAt('a\rb\nc', 4)).toBe(3);
  });

  it('UTF-8 with one bad byte is refused naming its line; GBK stays GBK', () => {
    const utf8 = Buffer.concat([Buffer.from('姓名,单位\r\n张三,杭州'), Buffer.from([0xff]), Buffer.from('公司\r\n')]);
    expect(() => decodeText(utf8, 'r.csv')).toThrow(/line 2/);
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc0, 0xee, 0xcb, 0xc4]); // 张三,李四
    expect(decodeText(gbk).encoding).toBe('gb18030');
  });
});

describe('cell text we write', () => {
  it("is cut at Excel's limit with a visible mark, never inside a surrogate pair", () => {
    expect(fitCell('abc')).toBe('abc');
    const cut = fitCell('x'.repeat(40_000));
    expect(cut).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
    const emoji = fitCell('😀'.repeat(20_000));
    expect(emoji.endsWith(CUT_MARK)).toBe(true);
    expect(/[\ud800-\udbff]…/.test(emoji)).toBe(false);
  });

  it('characters XML forbids become escapes or U+FFFD; _xHHHH_ typed by the user stays as typed', () => {
    expect(xmlSafe('a\u0001b\uFFFEc\uFFFFd\ud800e')).toBe('a_x0001_b\uFFFDc\uFFFDd\uFFFDe');
    expect(xmlSafe('😀 ok\t\n')).toBe('😀 ok\t\n');
    expect(excelCellText('_x0041_\u0002')).toBe('_x005F_x0041__x0002_');
    expect(escapeText('y'.repeat(33_000))).toHaveLength(EXCEL_CELL_LIMIT);
  });
});

describe('the XML tokenizer refuses what does not nest', () => {
  const scan = (xml: string) => {
    const s = new XmlScanner({ wantText: false, text() {}, open() {}, close() {} });
    s.write(xml);
    s.close();
  };
  it.each([
    ['<a><b></a>', /<\/a> where <\/b>/],
    ['<a><b/>', /<a> is not closed/],
    ['<a></a></b>', /without a start tag/],
  ])('%s', (xml, msg) => expect(() => scan(xml)).toThrow(msg));
  it('accepts what does', () => expect(() => scan('<?xml version="1.0"?><a x="1"><b/><c>t</c></a>')).not.toThrow());
});

describe('maskText', () => {
  const stars = (n: number) => '*'.repeat(n);
  it.each([
    // An ID typed in groups is masked as its 18 characters: the same form as the ID typed plain.
    ['330106 19800502 0075', `330106${stars(8)}0075`],
    ['330106-19810222-0079', `330106${stars(8)}0079`],
    ['ID33010619810116006X', `ID330106${stars(8)}006X`],
    ['330106198101160087abc', `330106${stars(8)}0087abc`],
    ['３３０１０６１９８１０１１６００８', `３３${stars(13)}０８`],
    ['3.30106197204162E+17', `3.3010${stars(10)}E+17`],
    ['电话 138 5710 0115', `电话 138${stars(6)}0115`],
    ['座机0571-87650116', `座机057${stars(6)}0116`],
    // No 7-digit run, yet masked: an ID typed in threes, a short scientific number, full-width blanks.
    ['330 106 198 101 160 087', `330106${stars(8)}0087`],
    ['１３８　５７１０　０１１５', `１３８${stars(6)}０１１５`],
    ['3.30106E+17', `3.${stars(7)}17`],
  ])('%s → %s', (s, want) => expect(maskText(s)).toBe(want));

  it.each(['2024-03-11 至 2024-03-15', '2021 96 2022 100 2023 92', '20240311-20240315', '学时 90.5', '第 12 行', '1970-01-01 08:00'])('leaves %s alone', (s) => expect(maskText(s)).toBe(s));
});

describe('terminal output', () => {
  it('neutralises bidi overrides and isolates as it does ESC', () => {
    const run = {
      tool: { name: 'roster-screen', version: '0' },
      ruleSet: { id: 'x', notice: 'n', sha256: '' },
      asOf: '2024-03-25',
      inputs: [{ file: 'a\u202Eb.xlsx', sheet: 's\u2066', headerRow: 1, applicants: 0, sha256: '' }],
      summary: { total: 0, pass: 0, review: 0, fail: 0 },
      deadlines: [],
      unchecked: [],
      problems: [{ file: 'f', message: { zh: 'x\u202Dy', en: 'x' } }],
      exceptions: [],
      rules: [],
      applicants: [],
    } as unknown as RunResult;
    const text = formatTerminal(run, { lang: 'zh', mask: true, color: false });
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
