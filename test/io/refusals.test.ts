import { mkdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/user-error.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { sniffBytes } from '../../src/io/sniff.js';
import { readSharedStrings } from '../../src/io/xlsx/shared-strings.js';
import { readZipDirectory } from '../../src/ooxml/zip/zip-directory.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/ooxml/zip/zip-limits.js';
import { SYNC_INFLATE_MAX } from '../../src/ooxml/zip/entry-stream.js';
import { buildXlsx, readAll, tempDir, writeTemp } from './helpers.js';

async function refusal(file: string): Promise<UserError> {
  try {
    const wb = await openRosterFile(file);
    for (let i = 0; i < wb.sheets.length; i++) await readAll(wb, i);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error(`${file} was not refused`);
}

async function expectRefused(name: string, bytes: Uint8Array | string, code: string): Promise<UserError> {
  const file = writeTemp(name, bytes);
  const err = await refusal(file);
  expect(err.code).toBe(code);
  // Both languages name the file.
  expect(err.text.zh).toContain(file);
  expect(err.text.en).toContain(file);
  return err;
}

/** A minimal OLE2 compound file: header sector + one directory sector holding `streams`. */
function ole2(streams: string[]): Uint8Array {
  const b = new Uint8Array(512 * 3);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const names = ['Root Entry', ...streams];
  names.forEach((name, i) => {
    const at = 512 + i * 128;
    const u16 = Buffer.from(`${name}\0`, 'utf16le');
    b.set(u16, at);
    b[at + 64] = u16.length; // name length in bytes
    b[at + 66] = i === 0 ? 5 : 2; // root storage / stream
  });
  return b;
}

const validXlsx = (): Uint8Array =>
  buildXlsx({
    sheets: [{ name: 'S', rows: Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>张三${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('') }],
  });

describe('refusals', () => {
  it('missing path', async () => {
    const err = await refusal(path.join(tempDir(), 'nope.xlsx'));
    expect(err.code).toBe('file-missing');
  });

  it('a directory', async () => {
    const d = path.join(tempDir(), 'a-dir.xlsx');
    mkdirSync(d, { recursive: true });
    expect((await refusal(d)).code).toBe('file-not-file');
  });

  it('empty file', async () => {
    await expectRefused('empty.xlsx', new Uint8Array(0), 'file-empty');
  });

  it('password-protected workbook (OLE2 with EncryptedPackage)', async () => {
    const err = await expectRefused('locked.xlsx', ole2(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'file-encrypted');
    expect(err.text.zh).toContain('密码');
  });

  it('a damaged legacy .xls (an OLE2 file without a readable workbook), whatever the extension', async () => {
    const err = await expectRefused('old.xlsx', ole2(['Workbook', '\u0005SummaryInformation']), 'file-legacy-failed');
    expect(err.text.zh).toContain('Excel 97-2003 (.xls)');
    expect(err.text.zh).toContain('另存为');
  });

  it('HTML and Excel 2003 XML "Excel" exports are read, not refused (see legacy-formats.test.ts)', async () => {
    for (const [name, text] of [
      ['web.xls', '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><table><tr><td>姓名</td></tr></table></body></html>'],
      ['web3.xls', '<table border=1><tr><td>1</td></tr></table>'],
      ['xml2003.xls', '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">姓名</Data></Cell></Row></Table></Worksheet></Workbook>'],
    ] as const) {
      const wb = await openRosterFile(writeTemp(name, text));
      expect(wb.kind, name).toBe('legacy');
    }
    expect(sniffBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><table></table></html>', 'utf16le')]))).toBe('html');
  });

  it('other XML is not a roster', async () => {
    await expectRefused('other.xml.xlsx', '<?xml version="1.0"?><note><to>x</to></note>', 'file-unknown');
  });

  it('a zip that is not a workbook (.docx renamed, empty zip, plain zip)', async () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    });
    const err = await expectRefused('report.xlsx', docx, 'file-docx');
    expect(err.text.zh).toContain('Word');
    await expectRefused('empty-zip.xlsx', zipSync({}), 'file-docx');
    await expectRefused('photos.xlsx', zipSync({ 'a.txt': strToU8('hello') }), 'file-docx');
  });

  it('an Excel binary workbook (.xlsb)', async () => {
    const xlsb = zipSync({
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      ),
      'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
    });
    const err = await expectRefused('binary.xlsx', xlsb, 'file-xlsb');
    expect(err.text.zh).toContain('另存为');
  });

  it('a workbook without sheets', async () => {
    await expectRefused('nosheets.xlsx', buildXlsx({ sheets: [] }), 'file-no-sheets');
  });

  it('random bytes', async () => {
    let seed = 7;
    const junk = new Uint8Array(5000).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed & 0xff));
    await expectRefused('junk.xlsx', junk, 'file-unknown');
    await expectRefused('tiny-junk.csv', new Uint8Array([0x01, 0x02, 0x41, 0x42, 0x03, 0x9f, 0x88]), 'file-unknown');
    await expectRefused('pdf.xlsx', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(junk)]), 'file-unknown');
  });

  it("Excel's lock file (~$花名册.xlsx, left while the workbook is open), given by hand: named as such, with the workbook to screen", async () => {
    // The owner file's layout: the user's name as a counted ANSI string, then as UTF-16, space-padded.
    const owner = Buffer.concat([Buffer.from([5]), Buffer.from('Zhang'.padEnd(53)), Buffer.from([5, 0]), Buffer.from('Zhang'.padEnd(55), 'utf16le')]);
    const file = writeTemp('~$花名册.xlsx', owner);
    const err = await refusal(file);
    expect(err.code).toBe('file-unknown');
    const original = path.join(path.dirname(file), '花名册.xlsx');
    expect(err.text.zh).toContain(`是 Excel 或 WPS 打开工作簿时生成的临时锁定文件，不是花名册。请审核原文件 "${original}"`);
    expect(err.text.en).toContain(`the lock file Excel or WPS keeps while a workbook is open, not a roster. Screen the workbook itself, "${original}"`);
    // Any other file the format of which is unknown keeps the general message.
    expect((await expectRefused('锁.xlsx', owner, 'file-unknown')).text.zh).toContain('无法识别文件');
  });

  it('truncated zip', async () => {
    const good = validXlsx();
    for (const keep of [10, 100, good.length >> 1, good.length - 30, good.length - 1]) {
      const err = await expectRefused(`trunc-${keep}.xlsx`, good.subarray(0, keep), 'file-corrupt');
      expect(err.text.zh).toContain('损坏');
      // The package layer's English detail stays out of the Chinese text (it goes into 退回清单), not out of the English.
      expect(err.text.zh.replace(/"[^"]*"/, '').replace(/\.xlsx|Excel|WPS/g, '')).not.toMatch(/[A-Za-z]{3,}/);
      expect(err.text.en).toMatch(/damaged or incomplete \(.+\)/);
    }
  });

  it('bit-flipped sheet data fails its checksum', async () => {
    const good = validXlsx();
    const bad = good.slice();
    // Flip a byte in the middle of the deflated sheet entry (find it via its local header name).
    const at = Buffer.from(bad).indexOf('xl/worksheets/sheet1.xml') + 200;
    bad[at] = bad[at]! ^ 0x10;
    await expectRefused('flipped.xlsx', bad, 'file-corrupt');
  });

  it('any single flipped byte or truncation: a result or a UserError, never a crash or a hang', async () => {
    const good = validXlsx();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (at, mask, truncate) => {
        const bad = truncate ? good.slice(0, at) : good.slice();
        if (!truncate) bad[at] = bad[at]! ^ mask;
        const file = writeTemp('fuzz.xlsx', bad);
        try {
          const wb = await openRosterFile(file);
          for (let i = 0; i < wb.sheets.length; i++) await readAll(wb, i);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('unsupported compression method', async () => {
    const bad = validXlsx().slice();
    const buf = Buffer.from(bad.buffer);
    // Patch the method field (offset 10) of every central directory header to 12 (bzip2).
    for (let p = buf.indexOf('PK\u0001\u0002'); p >= 0; p = buf.indexOf('PK\u0001\u0002', p + 4)) buf.writeUInt16LE(12, p + 10);
    await expectRefused('bzip2.xlsx', bad, 'file-corrupt');
  });
});

describe('sniffing', () => {
  it('looks at bytes, not extensions', () => {
    expect(sniffBytes(validXlsx())).toBe('zip');
    expect(sniffBytes(strToU8('姓名,身份证号\n张三,1\n'))).toBe('text');
    expect(sniffBytes(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x31, 0x0a]))).toBe('text'); // GBK 姓名,1
    expect(sniffBytes(strToU8('<备注>,x\n'))).toBe('text');
    expect(sniffBytes(new Uint8Array([0, 0, 0, 0]))).toBe('binary');
  });
});

describe('zip bombs', () => {
  it('refuses an entry whose actual output exceeds the ratio limit', async () => {
    // 30 MB of spaces inside a valid sheet: deflates ~1000:1.
    const filler = ' '.repeat(30 * 1024 * 1024);
    const bytes = buildXlsx({ level: 1, sheets: [{ name: 'S', rows: `<row r="1"><c r="A1"><v>1</v></c></row>${filler}` }] });
    await expectRefused('bomb.xlsx', bytes, 'file-too-large');
  });

  // Small entries are inflated in one call, big ones streamed: both stop at the declared size.
  it.each([
    ['a small entry (inflated in one call)', 300, 100],
    ['a big entry (streamed)', 60_000, SYNC_INFLATE_MAX + 1],
  ])('stops at the actual output when the header lies about the size: %s', async (_label, rows, claimed) => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S', rows: Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>张三${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('') }],
    }).slice();
    const buf = Buffer.from(bytes.buffer);
    const name = 'xl/worksheets/sheet1.xml';
    // Central directory header of the sheet: uncompressed size at +24 → claim less than it holds.
    let real = 0;
    for (let p = buf.indexOf('PK\u0001\u0002'); p >= 0; p = buf.indexOf('PK\u0001\u0002', p + 4)) {
      if (buf.toString('latin1', p + 46, p + 46 + buf.readUInt16LE(p + 28)) === name) {
      real = buf.readUInt32LE(p + 24);
      buf.writeUInt32LE(claimed, p + 24);
    }
    }
    expect(real).toBeGreaterThan(claimed);
    const err = await expectRefused('liar.xlsx', bytes, 'file-corrupt');
    expect(err.text.en).toContain('larger than its header says');
  });

  it('a small entry whose deflate data is damaged is refused as damaged', async () => {
    const bytes = validXlsx().slice();
    const buf = Buffer.from(bytes.buffer);
    const at = buf.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    buf.fill(0xff, at, at + 8); // an invalid block type at the start of the data
    await expectRefused('damaged.xlsx', bytes, 'file-corrupt');
  });

  it('enforces configurable per-entry limits', async () => {
    const file = writeTemp('limits.xlsx', validXlsx());
    const err = await openRosterFile(file, { zipLimits: { maxEntryBytes: 1000, maxTotalBytes: 1e9, maxRatio: 200, ratioFloorBytes: 1e9 } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as UserError).code).toBe('file-too-large');
    const total = await openRosterFile(file, { zipLimits: { maxEntryBytes: 1e9, maxTotalBytes: 5000, maxRatio: 200, ratioFloorBytes: 1e9 } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((total as UserError).code).toBe('file-too-large');
    expect((total as UserError).text.en).toContain('contents expand beyond');
  });

  it('reading the same sheet many times is not counted against the limits', async () => {
    const wb = await openRosterFile(writeTemp('reread.xlsx', validXlsx()), { zipLimits: { maxEntryBytes: 1e6, maxTotalBytes: 1e6, maxRatio: 200, ratioFloorBytes: 1e9 } });
    for (let i = 0; i < 20; i++) expect((await readAll(wb)).rows).toHaveLength(300);
  });
});

describe('hostile sheet XML stays bounded', () => {
  it('a cell reference beyond XFD is refused as damaged, not padded to', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZZZZZ1"><v>2</v></c></row>' }] });
    const err = await expectRefused('far.xlsx', bytes, 'file-corrupt');
    expect(err.text.en).toContain('beyond column XFD');
  });

  it('a cell whose r= is not a reference takes the next position', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c><c r="EinlineStr"><v>2</v></c></row>' }] });
    const wb = await openRosterFile(writeTemp('notref.xlsx', bytes));
    const { rows } = await readAll(wb);
    expect(rows[0]!.cells).toEqual([
      { kind: 'number', value: 1 },
      { kind: 'number', value: 2 },
    ]);
  });

  it('a tag longer than 1 MiB is refused as damaged (no quadratic rescan)', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: `<row r="1"><c r="A1" foo="${big}"><v>1</v></c></row>` }] });
    const err = await expectRefused('longtag.xlsx', bytes, 'file-corrupt');
    expect(err.text.en).toContain('longer than 1 MiB');
  });

  it('a cell with far more than 32 767 characters is refused as damaged', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>${big}</t></is></c></row>` }] });
    await expectRefused('longcell.xlsx', bytes, 'file-corrupt');
  });

  it('the shared-string table has a bounded number of entries', async () => {
    const bytes = buildXlsx({ sharedStrings: ['<si><t>a</t></si>', '<si><t>b</t></si>', '<si><t>c</t></si>'], sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] });
    const dir = readZipDirectory('ss.xlsx', bytes, DEFAULT_ZIP_LIMITS);
    const part = dir.entries.find((e) => /sharedStrings/i.test(e.name))!.name;
    expect(await readSharedStrings(dir, part, 3)).toEqual(['a', 'b', 'c']);
    const err = await readSharedStrings(dir, part, 2).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as UserError).code).toBe('file-too-large');
  });
});
