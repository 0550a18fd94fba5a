import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, colIndex, colLetters, parseA1 } from '../../src/ooxml/cell-ref.js';
import { readMarker, writeMarker, type Marker } from '../../src/annotate/marker.js';
import { cutOurText, mergeNotes } from '../../src/annotate/notes.js';
import { textOfRuns } from '../../src/annotate/xml.js';
import { CUT_MARK, EXCEL_CELL_LIMIT } from '../../src/ooxml/cell-text.js';
import { relativeTarget, resolveTarget } from '../../src/ooxml/relationships.js';
import { CellSyntax, parseCells, SheetSplitter, type RowChunk } from '../../src/annotate/sheet-rows.js';

describe('cell references', () => {
  it('round-trips column letters and A1 references', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 1, max: 1_048_576 }), (col, row) => {
        expect(colIndex(colLetters(col))).toBe(col);
        expect(parseA1(a1(row, col))).toEqual({ row, col });
      }),
    );
    expect(colLetters(25)).toBe('Z');
    expect(colLetters(26)).toBe('AA');
    expect(parseA1('$B$12')).toEqual({ row: 12, col: 1 });
  });
});

describe('SheetSplitter', () => {
  const sheet =
    '<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="A1:B3"/><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名&lt;row&gt;</t></is></c></row>\n' +
    '<row><c><v>1</v></c><c r="C2"/></row><row r="5" spans="1:2"/>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';

  function split(chunks: string[]) {
    let head = '';
    let tail = '';
    const rows: RowChunk[] = [];
    let between = '';
    const s = new SheetSplitter({ head: (x) => (head = x), row: (r) => void rows.push(r), between: (t) => (between += t), tail: (t) => (tail = t) });
    for (const c of chunks) s.push(c);
    s.end();
    return { head, tail, rows, between };
  }

  it('gives the same head, rows and tail however the text is cut into chunks', () => {
    const whole = split([sheet]);
    expect(whole.rows.map((r) => r.row)).toEqual([1, 2, 5]);
    expect(whole.head.endsWith('<sheetData>')).toBe(true);
    expect(whole.tail.startsWith('</sheetData>')).toBe(true);
    expect(whole.head + whole.rows.map((r) => r.xml).join('') + whole.between + whole.tail).toHaveLength(sheet.length);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: sheet.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = at.map((c, i) => sheet.slice(at[i - 1] ?? 0, c));
        chunks.push(sheet.slice(at[at.length - 1] ?? 0));
        const got = split(chunks);
        expect(got.head).toBe(whole.head);
        expect(got.rows).toEqual(whole.rows);
        expect(got.tail).toBe(whole.tail);
      }),
    );
  });

  it('numbers cells without r= by position and sees which hold values', () => {
    const { rows } = split([sheet]);
    const cells = parseCells(rows[1]!, new CellSyntax(''));
    expect(cells.map((c) => [c.col, c.hasValue, c.hasRef])).toEqual([
      [0, true, false],
      [2, false, true],
    ]);
  });
});

describe('notes', () => {
  it('cuts only our text off a shared note', () => {
    const c = '<comment ref="B5" authorId="0"><text><r><t>请核对姓名</t></r><r><rPr><b/></rPr><t xml:space="preserve">\n【预审】</t></r><r><t>\n待复核 [x]</t></r></text></comment>';
    expect(cutOurText(c, '')).toBe('<comment ref="B5" authorId="0"><text><r><t>请核对姓名</t></r></text></comment>');
    expect(cutOurText('<comment ref="A1" authorId="1"><text><r><t>【预审】</t></r><r><t>x</t></r></text></comment>', '')).toBeNull();
    const theirs = '<comment ref="A1" authorId="0"><text><t>只有他们的</t></text></comment>';
    expect(cutOurText(theirs, '')).toBe(theirs);
  });

  it('adds to a bare <t> note, keeps other VML shapes, and drops boxes of notes that are gone', () => {
    const comments =
      '<comments xmlns="m"><authors><author>HR</author><author>预审</author></authors><commentList>' +
      '<comment ref="A1" authorId="0"><text><t>他们的</t></text></comment>' +
      '<comment ref="B2" authorId="1"><text><r><t>【预审】</t></r><r><t>旧的</t></r></text></comment></commentList></comments>';
    const shape = (r: number, c: number, type = 'Note') =>
      `<v:shape id="_x0000_s${1025 + r}" type="#_x0000_t202"><x:ClientData ObjectType="${type}"><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`;
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${shape(0, 0)}${shape(1, 1)}${shape(7, 7, 'Checkbox')}</xml>`;
    const out = mergeNotes(comments, vml, [{ row: 1, col: 0, ref: 'A1', text: '新的' }, { row: 3, col: 2, ref: 'C3', text: '另一条' }], '预审', '【预审】', 2);
    expect(out.count).toBe(2);
    expect(out.comments).toContain('<authors><author>HR</author><author>预审</author></authors>');
    expect(out.comments).toContain('<comment ref="A1" authorId="0"><text><r><t>他们的</t></r><r>');
    expect(out.comments).not.toContain('旧的');
    expect(out.comments).toContain('<comment ref="C3" authorId="1">');
    expect(out.vml).toContain('ObjectType="Checkbox"');
    expect(out.vml.match(/ObjectType="Note"/g)).toHaveLength(2);
    expect(out.vml).toContain('<x:Row>2</x:Row><x:Column>2</x:Column>');
    expect(out.vml).not.toContain('<x:Row>1</x:Row><x:Column>1</x:Column>');
    expect(out.vml).toContain('id="_x0000_s1033"');
  });

  it("keeps a long note, with our marker, within Excel's 32 767 characters", () => {
    const out = mergeNotes(null, null, [{ row: 1, col: 0, ref: 'A1', text: '很长的说明'.repeat(8_000) }], '预审', '【预审】', 1);
    const shown = textOfRuns(out.comments.slice(out.comments.indexOf('<comment ')));
    expect(shown.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(shown.startsWith('【预审】\n很长的说明')).toBe(true);
    expect(shown.endsWith(CUT_MARK)).toBe(true);
  });
});

describe('marker and package paths', () => {
  it('writes our property next to the user’s and reads it back', () => {
    const m: Marker = { v: 1, tool: 'roster-screen 0.1.0', roster: '花名册', sheets: ['预审汇总', '预审规则'], xf: [[7, 3]] };
    const theirs =
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="部门"><vt:lpwstr>人事处</vt:lpwstr></property></Properties>';
    const xml = writeMarker(theirs, m);
    expect(xml).toContain('name="部门"');
    expect(xml).toContain('pid="3" name="RosterScreen"');
    expect(readMarker(xml)).toEqual(m);
    expect(writeMarker(xml, { ...m, xf: [] })).toContain('pid="3" name="RosterScreen"');
    expect(readMarker(writeMarker(null, m))).toEqual(m);
  });

  it('resolves and builds relationship targets', () => {
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../comments1.xml')).toBe('xl/comments1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/vmlDrawing1.vml')).toBe('../drawings/vmlDrawing1.vml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet3.xml')).toBe('worksheets/sheet3.xml');
  });
});
