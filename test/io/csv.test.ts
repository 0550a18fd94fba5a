import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/core/types.js';
import { decodeText } from '../../src/io/csv/csv-decode.js';
import { detectDelimiter, parseCsv } from '../../src/io/csv/csv-parse.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { plain, readAll, writeTemp } from './helpers.js';

function parse(text: string): { row: number; cells: unknown[] }[] {
  const out: RawRow[] = [];
  parseCsv(text, (r) => {
    out.push(r);
  });
  return out.map((r) => ({ row: r.row, cells: plain(r) }));
}

describe('CSV parsing', () => {
  it('RFC 4180: quotes, doubled quotes, CRLF/LF, newlines inside quotes', () => {
    expect(parse('a,b,c\r\n"x,y","say ""hi""",z\n"multi\r\nline",2,3\n')).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['x,y', 'say "hi"', 'z'] },
      { row: 3, cells: ['multi\r\nline', '2', '3'] },
    ]);
  });

  it('keeps every value a string, untrimmed; empty fields are empty cells', () => {
    expect(parse('110101199003071234, 0571 ,1e5,,00123\n')).toEqual([{ row: 1, cells: ['110101199003071234', ' 0571 ', '1e5', null, '00123'] }]);
  });

  it('counts blank lines as records but skips them; lone CR ends a record', () => {
    expect(parse('h1,h2\n\n,\nv1,v2\rlast')).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 4, cells: ['v1', 'v2'] },
      { row: 5, cells: ['last'] },
    ]);
  });

  it('is lenient with stray quotes inside fields; an unterminated quoted field is refused (issue 18)', () => {
    expect(parse('a"b,"c"d,e\n')).toEqual([{ row: 1, cells: ['a"b', 'cd', 'e'] }]);
    expect(() => parse('a"b,"c"d,"open\n')).toThrow(/line 1/);
  });

  it('detects tab and semicolon when the first line has no comma; honours sep=', () => {
    expect(detectDelimiter('a\tb\n1,2').delimiter).toBe('\t');
    expect(detectDelimiter('a;b\n').delimiter).toBe(';');
    expect(detectDelimiter('a,b;c\n').delimiter).toBe(',');
    expect(detectDelimiter('"a,b";c\n').delimiter).toBe(';');
    expect(parse('sep=;\na;b\n')).toEqual([{ row: 1, cells: ['a', 'b'] }]);
    expect(parse('姓名\t身份证号\n张三\t110101199003071234\n')).toEqual([
      { row: 1, cells: ['姓名', '身份证号'] },
      { row: 2, cells: ['张三', '110101199003071234'] },
    ]);
  });

  it('reads ="…", Excel\'s text-forcing formula, as the text inside, as Excel does on opening the file', () => {
    // Web platforms export IDs (and dates, numbers) this way so Excel keeps them as text; inside a
    // quoted field the formula's quotes are doubled.
    expect(parse('="330106197102114319",="2024-03-01","=""96""",="a""b",="",x\r\n')).toEqual([
      { row: 1, cells: ['330106197102114319', '2024-03-01', '96', 'a"b', null, 'x'] },
    ]);
    expect(parse('"=""33010619710211431X""";="9"\n')).toEqual([{ row: 1, cells: ['33010619710211431X', '9'] }]);
    // Any other formula, or text that only starts like one, is kept as written.
    expect(parse('=1+2,="a"&"b",="open, ="x" y,a="b"\n')).toEqual([{ row: 1, cells: ['=1+2', '="a"&"b"', '="open', ' ="x" y', 'a="b"'] }]);
  });

  it('stops when onRow returns false', () => {
    const rows: number[] = [];
    parseCsv('a\nb\nc\n', (r) => (rows.push(r.row), r.row < 2 ? undefined : false));
    expect(rows).toEqual([1, 2]);
  });

  it('round-trips any table written with RFC 4180 quoting (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '张', ',', '"', '\n', '\r\n', ' ', '1') , maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (table) => {
        const text = table.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
        const got = parse(text);
        const want = table
          .map((r, i) => ({ row: i + 1, cells: r.map((f) => (f === '' ? null : f)) }))
          .filter((r) => r.cells.some((c) => c !== null))
          .map((r) => {
            const cells = [...r.cells];
            while (cells.length && cells[cells.length - 1] === null) cells.pop();
            return { row: r.row, cells };
          });
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV decoding', () => {
  // 姓名,张三 in GBK: 姓 D0D5 名 C3FB 张 D5C5 三 C8FD
  const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x31, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x32, 0x0d, 0x0a]);

  it('GB18030 / GBK', () => {
    expect(decodeText(gbk)).toEqual({ text: '姓名,1\r\n张三,2\r\n', encoding: 'gb18030' });
  });

  it('UTF-8 with and without BOM, UTF-16LE with BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('姓名')]))).toEqual({ text: '姓名', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('姓名'))).toEqual({ text: '姓名', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t1', 'utf16le')]))).toEqual({ text: '姓名\t1', encoding: 'utf-16le' });
  });

  it('a UTF-8 file cut inside its last character is still UTF-8', () => {
    const cut = Buffer.from('姓名,张三').subarray(0, -1);
    expect(decodeText(cut)).toEqual({ text: '姓名,张', encoding: 'utf-8' });
  });

  it('opens a GBK CSV as one sheet named after the file', async () => {
    const wb = await openRosterFile(writeTemp('花名册2023.csv', gbk));
    expect(wb.kind).toBe('csv');
    expect(wb.sheets).toEqual([{ name: '花名册2023', hidden: false }]);
    expect(wb.date1904).toBe(false);
    const { rows, merges } = await readAll(wb);
    expect(rows.map(plain)).toEqual([
      ['姓名', '1'],
      ['张三', '2'],
    ]);
    expect(merges).toEqual([]);
    await expect(wb.readRows(1, () => {})).rejects.toThrow(RangeError);
  });

  it('opens a UTF-8-BOM CSV, even named .xlsx, with 18-digit IDs intact', async () => {
    const text = '\uFEFF序号,姓名,身份证号,出生年月\r\n1,张三,110101199003071234,2019.06\r\n2,李四,11010119900307123X,2019年6月\r\n';
    const wb = await openRosterFile(writeTemp('renamed.xlsx', text));
    expect(wb.kind).toBe('csv');
    const { rows } = await readAll(wb);
    expect(rows.map(plain)).toEqual([
      ['序号', '姓名', '身份证号', '出生年月'],
      ['1', '张三', '110101199003071234', '2019.06'],
      ['2', '李四', '11010119900307123X', '2019年6月'],
    ]);
  });

  it('opens an Excel "Unicode text" export (UTF-16LE, tabs)', async () => {
    const wb = await openRosterFile(writeTemp('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t身份证号\r\n张三\t110101199003071234\r\n', 'utf16le')])));
    const { rows } = await readAll(wb);
    expect(rows.map(plain)).toEqual([
      ['姓名', '身份证号'],
      ['张三', '110101199003071234'],
    ]);
  });
});
