import { describe, expect, it } from 'vitest';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { buildXlsx, esc, NS_MAIN, plain, readAll, si, writeTemp } from './helpers.js';

async function open(name: string, bytes: Uint8Array) {
  return openRosterFile(writeTemp(name, bytes));
}

describe('xlsx reading (hand-built packages)', () => {
  it('reads sheet names, hidden states, order and the file identity', async () => {
    const bytes = buildXlsx({
      sheets: [
        { name: '说明', rows: '' },
        { name: '花名册', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' },
        { name: 'h', rows: '', state: 'hidden' },
        { name: 'vh', rows: '', state: 'veryHidden' },
      ],
    });
    const wb = await open('names.xlsx', bytes);
    expect(wb.kind).toBe('xlsx');
    expect(wb.sheets).toEqual([
      { name: '说明', hidden: false },
      { name: '花名册', hidden: false },
      { name: 'h', hidden: true },
      { name: 'vh', hidden: true },
    ]);
    expect(wb.date1904).toBe(false);
    expect(wb.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(wb.bytes).toEqual(bytes);
    const { rows } = await readAll(wb, 1);
    expect(rows.map(plain)).toEqual([['x']]);
    await expect(wb.readRows(9, () => {})).rejects.toThrow(RangeError);
  });

  it('a chart sheet (no sheetData) has no rows', async () => {
    const xml = '<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/><drawing/></chartsheet>';
    const wb = await open('chart.xlsx', buildXlsx({ sheets: [{ name: '图表', rows: '', xml }] }));
    expect(await readAll(wb)).toEqual({ rows: [], merges: [] });
  });

  it('resolves absolute sheet targets', async () => {
    const wb = await open('abs.xlsx', buildXlsx({ targets: 'absolute', sheets: [{ name: 'S', rows: '<row r="2"><c r="B2"><v>5</v></c></row>' }] }));
    const { rows } = await readAll(wb);
    expect(rows).toEqual([{ row: 2, cells: [undefined, { kind: 'number', value: 5 }] }]);
  });

  it('reads every cell type', async () => {
    const rows =
      '<row r="1">' +
      '<c r="A1" t="s"><v>0</v></c>' +
      '<c r="B1"><v>3.25</v></c>' +
      '<c r="C1" t="b"><v>1</v></c>' +
      '<c r="D1" t="b"><v>0</v></c>' +
      '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="F1" t="e"><v>#N/A</v></c>' +
      '<c r="G1" t="str"><f>A1&amp;"x"</f><v>甲x</v></c>' +
      '<c r="H1"><f>1+1</f><v>2</v></c>' +
      '<c r="I1" t="d"><v>2019-06-30T00:00:00</v></c>' +
      '<c r="J1" t="inlineStr"><is><t>内联</t></is></c>' +
      '<c r="K1"><f>NOW()</f></c>' +
      '<c r="L1" s="0"/>' +
      '<c r="M1" t="s"><v>1</v></c>' +
      '<c r="N1"><v>110101199003071234</v></c>' +
      '</row>';
    const wb = await open('types.xlsx', buildXlsx({ sheets: [{ name: 'S', rows }], sharedStrings: [si('甲'), si('')] }));
    const { rows: out } = await readAll(wb);
    expect(out).toHaveLength(1);
    expect(plain(out[0]!)).toEqual(['甲', 3.25, true, false, '!#DIV/0!', '!#N/A', '甲x', 2, 'D:2019-06-30', '内联', null, null, null, 110101199003071234]);
    expect(out[0]!.cells[8]).toEqual({ kind: 'date', iso: '2019-06-30', serial: 43646 });
    expect(out[0]!.cells.length).toBe(14);
  });

  it('counts positions for rows and cells without r=', async () => {
    const rows =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>' +
      '<row r="4"><c><v>1</v></c><c r="D4"><v>4</v></c><c><v>5</v></c></row>' +
      '<row><c r="B5"><v>2</v></c></row>';
    const wb = await open('nor.xlsx', buildXlsx({ sheets: [{ name: 'S', rows }] }));
    const { rows: out } = await readAll(wb);
    expect(out.map((r) => r.row)).toEqual([1, 4, 5]);
    expect(out.map(plain)).toEqual([['a', 'b'], [1, null, null, 4, 5], [null, 2]]);
  });

  it('skips empty rows and keeps Excel row numbers', async () => {
    const rows = '<row r="1"/><row r="2"><c r="A2" t="s"><v>0</v></c></row><row r="3"><c r="A3"/></row><row r="10"><c r="C10"><v>1</v></c></row>';
    const wb = await open('gaps.xlsx', buildXlsx({ sheets: [{ name: 'S', rows }], sharedStrings: [si('')] }));
    const { rows: out } = await readAll(wb);
    expect(out.map((r) => r.row)).toEqual([10]);
  });

  it('joins rich-text runs, skips phonetic runs, decodes _xHHHH_ escapes', async () => {
    const sst = [
      '<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve"> 三</t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><rPh/><t>!</t><phoneticPr fontId="1"/></si>',
      '<si><t>line1_x000D__x000A_line2</t></si>',
      '<si><t>keep_x005F_x000D_literal</t></si>',
      '<si><t><![CDATA[a<b]]></t></si>',
      '<si><t>&amp;&lt;&#x4E2D;</t></si>',
    ];
    const rows =
      '<row r="1">' +
      [0, 1, 2, 3, 4, 5].map((i) => `<c t="s"><v>${i}</v></c>`).join('') +
      '<c t="inlineStr"><is><r><t>内</t></r><rPh/><r><rPr/><t>联</t></r><rPh><t>ない</t></rPh></is></c>' +
      '<c t="str"><v>x_x000D_y</v></c>' +
      '</row>';
    const wb = await open('rich.xlsx', buildXlsx({ sheets: [{ name: 'S', rows }], sharedStrings: sst }));
    const { rows: out } = await readAll(wb);
    expect(plain(out[0]!)).toEqual(['张 三', '漢字!', 'line1\r\nline2', 'keep_x000D_literal', 'a<b', '&<中', '内联', 'x\ry']);
  });

  it('reads merged cells', async () => {
    const wb = await open(
      'merge.xlsx',
      buildXlsx({
        sheets: [
          {
            name: 'S',
            rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>基本信息</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>姓名</t></is></c></row><row r="3"><c r="A3"><v>1</v></c></row>',
            after: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D1:D2"/></mergeCells>',
          },
        ],
      }),
    );
    const { merges } = await readAll(wb);
    expect(merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 2, right: 4 },
    ]);
  });

  it('stops early when onRow returns false, and still reports the merges', async () => {
    let rows = '';
    for (let r = 1; r <= 20_000; r++) rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${esc(`行${r}`)}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
    const wb = await open(
      'stop.xlsx',
      buildXlsx({ sheets: [{ name: 'S', rows, after: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' }] }),
    );
    const seen: number[] = [];
    const extras = await wb.readRows(0, (r) => {
      seen.push(r.row);
      return r.row < 5 ? undefined : false;
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(extras.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    // A full read afterwards is unaffected.
    const all = await readAll(wb);
    expect(all.rows).toHaveLength(20_000);
    expect(plain(all.rows[19_999]!)).toEqual(['行20000', 20000]);
  });

  it('accepts namespace-prefixed markup (x:row, x:c …)', async () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData>` +
      `<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
    const wb = await open('prefix.xlsx', buildXlsx({ sheets: [{ name: 'S', rows: '', xml }] }));
    const { rows, merges } = await readAll(wb);
    expect(rows.map(plain)).toEqual([['前缀', 7]]);
    expect(merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    const early = await wb.readRows(0, () => false);
    expect(early.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it('reads stored (uncompressed) packages', async () => {
    const wb = await open('stored.xlsx', buildXlsx({ level: 0, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    expect((await readAll(wb)).rows.map(plain)).toEqual([[1]]);
  });

  it('keeps a UTF-8 character cut exactly at a chunk boundary intact (stored entries: 1 MiB chunks)', async () => {
    const MiB = 1024 * 1024;
    const enc = new TextEncoder();
    // Pads so that the 3-byte character starting at byte MiB-1 straddles the boundary.
    const padFor = (prefix: string): string => 'a'.repeat((((MiB - 1 - enc.encode(prefix).length) % 3) + 3) % 3);
    const cjk = '中文字'.repeat(300_000); // 2.7 MB
    const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
    const sheetText = padFor(sheetHead) + cjk;
    const sstHead = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS_MAIN}" count="1" uniqueCount="1"><si><t xml:space="preserve">`;
    const sstText = padFor(sstHead) + cjk;
    const sheetXml = `${sheetHead}${sheetText}</t></is></c><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    expect(enc.encode(sheetXml)[MiB]! & 0xc0).toBe(0x80); // byte MiB is a continuation byte
    const wb = await open('cut.xlsx', buildXlsx({ level: 0, sheets: [{ name: 'S', rows: '', xml: sheetXml }], sharedStrings: [`<si><t xml:space="preserve">${sstText}</t></si>`] }));
    const { rows } = await readAll(wb);
    expect((rows[0]!.cells[0] as { text: string }).text).toBe(sheetText);
    expect((rows[0]!.cells[1] as { text: string }).text).toBe(sstText);
  });

  it('keeps UTF-8 characters split across deflate chunks intact (>100k CJK characters)', async () => {
    // 3-byte characters, no repeating pattern the compressor could align, in both a shared
    // string and the sheet itself: chunk boundaries fall inside characters many times.
    const chars: string[] = [];
    let seed = 12345;
    for (let i = 0; i < 150_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      chars.push(String.fromCharCode(0x4e00 + (seed % 20_000)));
    }
    const big = chars.join('');
    let rows = '';
    const expected: string[] = [];
    for (let r = 1; r <= 3000; r++) {
      const t = big.slice((r * 37) % 140_000, ((r * 37) % 140_000) + 50);
      expected.push(t);
      rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${t}</t></is></c>${r === 1 ? '<c r="B1" t="s"><v>0</v></c>' : ''}</row>`;
    }
    const wb = await open('cjk.xlsx', buildXlsx({ sheets: [{ name: 'S', rows }], sharedStrings: [si(big)] }));
    const { rows: out } = await readAll(wb);
    expect(out.map((r) => (r.cells[0] as { text: string }).text)).toEqual(expected);
    expect((out[0]!.cells[1] as { text: string }).text).toBe(big);
    for (const r of out) expect((r.cells[0] as { text: string }).text).not.toContain('\uFFFD');
  });
});
