// Issue 8, part 1, at the reader (in-process, cheap): strange and malicious package contents fed to
// openRosterFile/readRows. Each gives the right rows or a UserError naming the file — nothing else.
// XML entity tricks (XXE, "billion laughs"), relationship targets pointing outside the package,
// external targets, odd but legal XML, and broken references.
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/core/types.js';
import { UserError } from '../../src/core/user-error.js';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { assembleZip, buildXlsx, NS_MAIN, NS_R, rawEntriesOf, rowXml, strCell } from './build.js';
import { put, tempDir } from './cli.js';

const dir = tempDir('rs-reader-');
let n = 0;

type Outcome = { rows: RawRow[]; sheets: string[] } | UserError;

async function read(bytes: Uint8Array): Promise<Outcome> {
  const file = put(dir, `case-${n++}.xlsx`, bytes);
  try {
    const wb = await openRosterFile(file);
    const rows: RawRow[] = [];
    for (let i = 0; i < wb.sheets.length; i++) await wb.readRows(i, (r) => void rows.push(r));
    return { rows, sheets: wb.sheets.map((s) => s.name) };
  } catch (err) {
    if (err instanceof UserError) {
      expect(err.text.zh).toContain(path.basename(file));
      return err;
    }
    throw err;
  }
}

async function rowsOf(bytes: Uint8Array): Promise<RawRow[]> {
  const got = await read(bytes);
  if (got instanceof UserError) throw new Error(`refused: ${got.code} ${got.message}`);
  return got.rows;
}

async function refusal(bytes: Uint8Array): Promise<UserError> {
  const got = await read(bytes);
  if (!(got instanceof UserError)) throw new Error(`read ${got.rows.length} rows instead of refusing`);
  return got;
}

const texts = (rows: RawRow[]): string[] => rows.flatMap((r) => r.cells.map((c) => (c?.kind === 'string' ? c.text : c ? JSON.stringify(c) : '')));

const DTD = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>`;

describe('XML entity tricks are never expanded', () => {
  it('in the sheet: external entity (XXE) and billion laughs stay text, /etc/passwd is not read', async () => {
    const sheet = `${DTD}<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;|&h;</t></is></c></row></sheetData></worksheet>`;
    const got = await read(buildXlsx({ sheets: [{ name: 'S', rows: '', xml: sheet }] }));
    if (!(got instanceof UserError)) {
      const all = texts(got.rows).join('\n');
      expect(all).not.toContain('root:');
      expect(all.length).toBeLessThan(1000);
    }
  });

  it('in the shared strings', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['<t>x</t>'] });
    const files = unzipSync(bytes);
    files['xl/sharedStrings.xml'] = strToU8(`${DTD}<sst xmlns="${NS_MAIN}"><si><t>&xxe;|&h;</t></si></sst>`);
    const got = await read(zipSync(files));
    if (!(got instanceof UserError)) {
      const all = texts(got.rows).join('\n');
      expect(all).not.toContain('root:');
      expect(all.length).toBeLessThan(1000);
    }
  });

  it('in the workbook part (sheet names): refused or literal', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: rowXml(1, ['x']) }] });
    const files = unzipSync(bytes);
    files['xl/workbook.xml'] = strToU8(`${DTD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets><sheet name="&xxe;&h;" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    const got = await read(zipSync(files));
    if (!(got instanceof UserError)) for (const s of got.sheets) expect(s.length).toBeLessThan(100);
  });
});

describe('relationship targets never leave the package', () => {
  const withSheetTarget = (target: string, external = false): Uint8Array => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: rowXml(1, ['x']) }] });
    const files = unzipSync(bytes);
    files['xl/_rels/workbook.xml.rels'] = strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/worksheet" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`,
    );
    return zipSync(files);
  };

  it.each([
    ['../../../../../../etc/passwd', false],
    ['/etc/passwd', false],
    ['file:///etc/passwd', true],
    ['http://127.0.0.1:9/sheet.xml', true],
    ['%2e%2e/%2e%2e/etc/passwd', false],
  ])('Target="%s" (external: %s) is refused as a damaged file', async (target, external) => {
    const err = await refusal(withSheetTarget(target, external));
    expect(err.code).toBe('file-corrupt');
  });

  it('a zip entry named with ../ (zip-slip) is just a name: nothing is extracted', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: rowXml(1, ['x']) }], extra: { '../../evil.txt': 'x', '/abs/evil.txt': 'y' } });
    const rows = await rowsOf(bytes);
    expect(texts(rows)).toEqual(['x']);
  });
});

describe('odd but legal XML', () => {
  it('namespace prefixes everywhere (x:worksheet, x:row, x:c)', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const rows = await rowsOf(buildXlsx({ sheets: [{ name: 'S', rows: '', xml }] }));
    expect(rows).toEqual([{ row: 1, cells: [{ kind: 'string', text: '前缀' }, { kind: 'number', value: 7 }] }]);
  });

  it('rows and cells without r= take the next position', async () => {
    const rows = await rowsOf(buildXlsx({ sheets: [{ name: 'S', rows: '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row><c/><c><v>2</v></c></row>' }] }));
    expect(rows.map((r) => [r.row, r.cells.length])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('rows out of order and a row number used twice: reported as written, no crash', async () => {
    const rows = await rowsOf(buildXlsx({ sheets: [{ name: 'S', rows: '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>0</v></c></row><row r="3"><c r="B3"><v>4</v></c></row>' }] }));
    expect(rows.map((r) => r.row)).toEqual([3, 1, 3]);
  });

  it('comments, processing instructions, CDATA and CRLF inside cells', async () => {
    const xml = `<?xml version="1.0"?><!-- <row r="9"> --><worksheet xmlns="${NS_MAIN}"><?pi <row>?><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<张>&]]>\r\n三</t></is></c></row></sheetData></worksheet>`;
    const rows = await rowsOf(buildXlsx({ sheets: [{ name: 'S', rows: '', xml }] }));
    expect(rows).toEqual([{ row: 1, cells: [{ kind: 'string', text: '<张>&\n三' }] }]);
  });

  it('a sheet part in UTF-16: read, or refused as damaged — never garbage', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${NS_MAIN}"><sheetData>${rowXml(1, ['十六位'])}</sheetData></worksheet>`;
    const got = await read(buildXlsx({ sheets: [{ name: 'S', rows: '', xml: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])) }] }));
    if (!(got instanceof UserError)) expect(texts(got.rows)).toEqual(['十六位']);
    else expect(got.code).toBe('file-corrupt');
  });

  it('400 sheets with awkward names', async () => {
    const sheets = Array.from({ length: 400 }, (_, i) => ({ name: `表 ${i} &<>"'`.slice(0, 31), rows: i === 399 ? rowXml(1, ['最后']) : '' }));
    const got = await read(buildXlsx({ sheets }));
    if (got instanceof UserError) throw got;
    expect(got.sheets).toHaveLength(400);
    expect(got.sheets[0]).toBe(`表 0 &<>"'`);
    expect(texts(got.rows)).toEqual(['最后']);
  });
});

describe('broken references are refused or tolerated, never thrown raw', () => {
  it.each([
    ['a shared string index out of range', '<row r="1"><c r="A1" t="s"><v>99</v></c></row>'],
    ['a negative shared string index', '<row r="1"><c r="A1" t="s"><v>-1</v></c></row>'],
    ['a non-numeric shared string index', '<row r="1"><c r="A1" t="s"><v>x</v></c></row>'],
    ['a style index far out of range', '<row r="1"><c r="A1" s="4294967296"><v>45000</v></c></row>'],
    ['a malformed number', '<row r="1"><c r="A1"><v>1e99999</v></c><c r="B1"><v>--1</v></c></row>'],
    ['a bad ISO date cell', '<row r="1"><c r="A1" t="d"><v>2024-13-45T99:99</v></c></row>'],
    ['a row number of 0 and one beyond Excel', '<row r="0"><c r="A0"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>2</v></c></row>'],
    ['a stray close tag and an unclosed cell', '</c><row r="1"><c r="A1"><v>1</row>'],
  ])('%s', async (_label, rows) => {
    await read(buildXlsx({ sheets: [{ name: 'S', rows }], sharedStrings: ['<t>只有一个</t>'] }));
  });

  it('an entry flagged encrypted inside an otherwise normal zip is refused as encrypted', async () => {
    const files = unzipSync(buildXlsx({ sheets: [{ name: 'S', rows: rowXml(1, ['x']) }] }));
    const entries = rawEntriesOf(files);
    const zip = Buffer.from(assembleZip(entries));
    for (let p = zip.indexOf('PK\u0001\u0002'); p >= 0; p = zip.indexOf('PK\u0001\u0002', p + 4)) zip.writeUInt16LE(zip.readUInt16LE(p + 8) | 1, p + 8);
    expect((await refusal(new Uint8Array(zip))).code).toBe('file-encrypted');
  });

  it('a zip64 end record pointing nowhere', async () => {
    const zip = Buffer.from(buildXlsx({ sheets: [{ name: 'S', rows: rowXml(1, ['x']) }] }));
    const eocd = zip.lastIndexOf('PK\u0005\u0006');
    zip.writeUInt32LE(0xffffffff, eocd + 16);
    expect((await refusal(new Uint8Array(zip))).code).toBe('file-corrupt');
  });

  it('an inline string cell with rich runs and phonetic runs', async () => {
    const rows = await rowsOf(buildXlsx({ sheets: [{ name: 'S', rows: `<row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></is></c>${strCell('B1', '_x005F_x0041_')}</row>` }] }));
    expect(texts(rows)).toEqual(['张三', '_x0041_']);
  });
});
