import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readMarker, writeMarker, type Marker } from '../../src/annotate/marker.js';
import { mergeNotes } from '../../src/annotate/notes.js';
import { withPrintTitles } from '../../src/annotate/print-titles.js';
import { editHead, editTail, legacyDrawingRid, parseMerges } from '../../src/annotate/sheet-frame.js';
import { SheetSplitter, type RowChunk } from '../../src/annotate/sheet-rows.js';
import { StylesPatch } from '../../src/annotate/styles.js';
import {
  findElementsByName,
  findOpenTag,
  firstTag,
  spliceElements,
  tagEnd,
  tagsOnly,
  unmatchedCloseTags,
  withContent,
} from '../../src/annotate/xml.js';
import { XmlScanner } from '../../src/ooxml/xml-tokenizer.js';
import { STYLES } from './hand-made.js';
import { applicant, assertWellFormed, finding, screen, text } from './helpers.js';
import { DECOY_HEAD, DECOY_ROWS, DECOY_TAIL, oddShapesPackage, THEIR_BOX } from './xml-shapes.js';

// Regression (was a bug): the annotated-copy writer found elements with regular expressions, which
// took markup in comments for elements (a sheet whose head held `<!-- <x:sheetData> -->` could not
// be annotated), missed single-quoted and blank-padded attributes (a second 预审 author, note boxes
// drawn twice, a duplicate xmlns:vt, a summary title not enlarged) and broke on a `>` in a comment
// between rows. It now finds them with the tokenizer; these are the shapes it must handle.

const S1 = 'xl/worksheets/sheet1.xml';
const INPUT = { sheet: 'S', headerTop: 1, headerRow: 1, width: 2 };
const APPS = [applicant(2, [finding('name', 'warn', 'A2', '姓名待核'), finding('cpd-hours', 'error', 'B2', '学时不足')]), applicant(3, [])];

const count = (s: string, part: string) => s.split(part).length - 1;

describe('annotated copy of a roster with x: prefixes, single quotes, comments and CDATA', () => {
  it('writes our columns, widths, filter and notes in the right places, leaving the decoys alone', async () => {
    const { parts } = await screen(oddShapesPackage(), APPS, { input: INPUT });
    const xml = text(parts, S1);
    assertWellFormed(S1, xml);
    for (const decoy of [DECOY_HEAD, DECOY_ROWS, DECOY_TAIL, '<?editor <x:sheetData/> ?>']) expect(count(xml, decoy)).toBe(1);
    expect(xml).toContain(`<x:dimension ref="A1:D4" />`);
    expect(xml).toContain(`<x:cols><x:col width='12' customWidth='1' max='2' min='1'/><x:col min="3" max="3" width="10" customWidth="1"/><x:col min="4" max="4" width="60" customWidth="1"/></x:cols>`);
    expect(xml).toContain(`<x:c r="C1" s="1" t="inlineStr"><x:is><x:t xml:space="preserve">预审结论</x:t></x:is></x:c>`);
    expect(xml).toMatch(/<x:c r="C2" s="\d+" t="inlineStr"><x:is><x:t xml:space="preserve">不通过<\/x:t>/);
    expect(xml).toMatch(/<x:c r="C3" s="\d+" t="inlineStr"><x:is><x:t xml:space="preserve">通过<\/x:t>/);
    expect(xml).toContain(`<x:autoFilter ref="A1:D3"/>`);
    expect(xml).toContain(`<x:mergeCells count="1"><x:mergeCell ref = 'A4:B4' /></x:mergeCells>`);
    // The sheet's own drawing is used; the one in the comment is not taken for it.
    expect(count(xml, '<x:legacyDrawing')).toBe(2);
    expect(xml).toContain(`<x:legacyDrawing r:id = 'rId1' /></x:worksheet>`);

    const comments = text(parts, 'xl/comments1.xml');
    assertWellFormed('comments', comments);
    expect(comments).toContain('<x:authors><x:author >张科长</x:author><x:author>预审</x:author></x:authors>');
    // Their bare <t> becomes a run so ours can follow it; its CDATA is kept as it is.
    expect(comments).toContain(`<x:comment authorId='0' ref='A2'><x:text><x:r><x:t xml:space='preserve'><![CDATA[请核对 <x:r>姓名</x:r>]]></x:t></x:r><x:r><x:rPr>`);
    expect(comments).toContain('<x:comment ref="B2" authorId="1">');

    const vml = text(parts, 'xl/drawings/vmlDrawing1.vml');
    expect(count(vml, '<v:shape ')).toBe(2);
    expect(count(vml, THEIR_BOX)).toBe(1);
    expect(vml).toContain('<v:shape id="_x0000_s1026"');
    expect(vml).toContain('<x:Row>1</x:Row><x:Column>1</x:Column>');

    const styles = text(parts, 'xl/styles.xml');
    assertWellFormed('styles', styles);
    expect(styles).toContain('<x:sz val="14"/>');
  });

  it('a second run replaces our columns and notes instead of adding to them', async () => {
    const first = await screen(oddShapesPackage(), APPS, { input: INPUT });
    const again = await screen(first.out, APPS, { input: { ...INPUT, width: 4 } });
    const xml = text(again.parts, S1);
    assertWellFormed(S1, xml);
    expect(count(xml, '预审结论')).toBe(1);
    expect(xml).toContain('<x:dimension ref="A1:D4" />');
    for (const part of ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']) expect(text(again.parts, part), part).toBe(text(first.parts, part));
    expect(readMarker(text(again.parts, 'docProps/custom.xml'))?.roster).toBe('S');
  });
});

describe('the writer’s pieces on the same shapes', () => {
  const sheet = new TextDecoder().decode(unzipSync(oddShapesPackage())[S1]);
  // The real </x:sheetData> is the one the tail's comment follows (the head's comment holds one too).
  const tail = sheet.slice(sheet.indexOf(`</x:sheetData>${DECOY_TAIL}`));

  it('the sheet splitter finds the real <x:sheetData> and the rows, in chunks of any size', () => {
    const expected = sheet.slice(0, sheet.indexOf('<x:sheetData >') + '<x:sheetData >'.length);
    for (const size of [1, 2, 5, 13, 64, sheet.length]) {
      let head = '';
      let rest = '';
      const rows: RowChunk[] = [];
      const between: string[] = [];
      const s = new SheetSplitter({ head: (h) => (head = h), row: (r) => void rows.push(r), between: (t) => between.push(t), tail: (t) => (rest = t) });
      for (let i = 0; i < sheet.length; i += size) s.push(sheet.slice(i, i + size));
      s.end();
      expect(head, `chunks of ${size}`).toBe(expected);
      expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
      expect(between.join('')).toBe(DECOY_ROWS);
      expect(rest).toBe(tail);
    }
  });

  it('head and tail edits use the prefix, quotes and elements of the sheet, not of its comments', () => {
    const head = sheet.slice(0, sheet.indexOf('<x:sheetData >') + '<x:sheetData >'.length);
    const h = editHead(head, { start: 2, widths: [10, 60], keepWidths: false, lastRow: 4 });
    expect(h.relPrefix).toBe('r:');
    expect(h.xml.startsWith(head.slice(0, head.indexOf('<x:worksheet')))).toBe(true);
    const noCols = head.replace(/<x:cols>.*<\/x:cols>/, `<!-- <x:cols/> --><x:cols/>`);
    expect(editHead(noCols, { start: 2, widths: [10, 60], keepWidths: false, lastRow: 4 }).xml).toContain(
      `<!-- <x:cols/> --><x:cols><x:col min="3" max="3" width="10" customWidth="1"/><x:col min="4" max="4" width="60" customWidth="1"/></x:cols><?editor`,
    );
    expect(legacyDrawingRid(tail)).toBe('rId1');
    expect(parseMerges(tail)).toEqual([{ top: 4, left: 0, bottom: 4, right: 1 }]);
    const t = editTail(tail, { start: 2, headerTop: 1, headerRow: 2, oldCols: null, legacyDrawingRid: null, relPrefix: 'r:' });
    expect(t.xml).toContain(`<x:mergeCells count="3"><x:mergeCell ref = 'A4:B4' /><x:mergeCell ref="C1:C2"/><x:mergeCell ref="D1:D2"/></x:mergeCells>`);
    expect(t.xml.startsWith(`</x:sheetData>${DECOY_TAIL}`)).toBe(true);
    // After an empty <x:sheetData/> the tail has no </x:sheetData>: the prefix comes from </x:worksheet>.
    const after = editTail(`<x:pageMargins left='1'/></x:worksheet>`, { start: 2, headerTop: 1, headerRow: 1, oldCols: null, legacyDrawingRid: 'rId3', relPrefix: 'r:' });
    expect(after.xml).toBe(`<x:pageMargins left='1'/><x:legacyDrawing r:id="rId3"/></x:worksheet>`);
  });

  it('notes: a spaced author and a spaced <x:Row> are recognised; Excel’s unclosed <br> does not end a shape', () => {
    const comments = `<comments xmlns='m'><authors><author >预审</author></authors><commentList><comment authorId='0' ref='A1'><text><r><t>【预审】</t></r><r><t>旧</t></r></text></comment></commentList></comments>`;
    const box = (id: number, row: number) =>
      `<v:shape id='_x0000_s${id}' type='#_x0000_t202'><v:textbox><div><font>a<br></font></div></v:textbox><x:ClientData ObjectType = 'Note'><x:Row > ${row} </x:Row><x:Column>0</x:Column></x:ClientData></v:shape>`;
    const vml = `<xml xmlns:v='urn:schemas-microsoft-com:vml' xmlns:o='urn:schemas-microsoft-com:office:office' xmlns:x='urn:schemas-microsoft-com:office:excel'><o:shapelayout v:ext='edit'><o:idmap data = '3' v:ext='edit'/></o:shapelayout>${box(3073, 0)}${box(3074, 5)}</xml>`;
    const out = mergeNotes(comments, vml, [{ row: 1, col: 0, ref: 'A1', text: '新' }], '预审', '【预审】', 9);
    expect(out.comments).toContain('<authors><author >预审</author></authors>');
    expect(out.comments).not.toContain('旧');
    // A1's box is kept (once), A6's box goes with its note, no second box is drawn for A1.
    expect(count(out.vml, '<v:shape ')).toBe(1);
    expect(out.vml).toContain(box(3073, 0));
    expect(out.vml).toContain(`<o:idmap data = '3' v:ext='edit'/>`);
  });

  it('the marker: single quotes and prefixes in custom.xml, an empty <Properties/>', () => {
    const m: Marker = { v: 1, tool: 't', roster: 'S', sheets: ['预审汇总'], xf: [[3, 1]] };
    const NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
    const VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
    const theirs = `<cp:Properties xmlns:vt='${VT}' xmlns:cp='${NS}'><!-- <cp:property name='RosterScreen'/> --><cp:property name='部门' pid='2' fmtid='{D5CDD505-2E9C-101B-9397-08002B2CF9AE}'><vt:lpwstr>人事处</vt:lpwstr></cp:property></cp:Properties>`;
    const xml = writeMarker(theirs, m);
    assertWellFormed('custom', xml);
    expect(count(xml, 'xmlns:vt')).toBe(1);
    expect(xml).toContain('<cp:property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="RosterScreen"><vt:lpwstr>');
    expect(readMarker(xml)).toEqual(m);
    const empty = writeMarker(`<Properties xmlns='${NS}' />`, m);
    assertWellFormed('custom', empty);
    expect(empty).toMatch(new RegExp(`^<Properties xmlns='${NS}' xmlns:vt="${VT}"><property [^>]*pid="2" name="RosterScreen"><vt:lpwstr>.*</vt:lpwstr></property></Properties>$`));
    expect(readMarker(empty)).toEqual(m);
  });

  it('styles: single-quoted and blank-padded font sizes, fills and alignments', () => {
    const styles = new StylesPatch(STYLES('x:').replaceAll('"', "'").replace(`<x:sz val='11'/>`, `<x:sz val = '11' />`));
    const { title, wrap } = styles.summaryXfs();
    const xml = styles.toXml();
    assertWellFormed('styles', xml);
    expect(xml).toContain(`<x:font><x:b/><x:sz val="14"/><x:name val='宋体'/></x:font>`);
    expect(styles.xf(title)).toMatch(/^<x:xf numFmtId="0" fontId="\d+" fillId="0"/);
    expect(styles.xf(wrap)).toContain('<x:alignment vertical="top" wrapText="1"/>');
    // A clone of the user's yellow xf over single-quoted fills is ours; restoring it gives theirs back.
    const flagged = styles.derive(2, { fill: 'error', align: 'wrap' });
    expect(styles.isOurXf(flagged)).toBe(true);
    expect(styles.isOurXf(2)).toBe(false);
    expect(styles.xf(flagged)).toMatch(/<x:alignment wrapText="1" vertical="top"\/><\/x:xf>$/);
  });

  it('print titles: prefixed, single-quoted defined names, an earlier one of ours replaced', () => {
    const wb = `<x:workbook xmlns:x='m'><x:sheets><x:sheet name='S' sheetId='1'/></x:sheets><x:definedNames><x:definedName localSheetId='0' name='_xlnm.Print_Titles'>'S'!$1:$9</x:definedName><!-- <x:definedName name='_xlnm.Print_Titles' localSheetId='0'>x</x:definedName> --><x:definedName name='keep'>S!$A$1</x:definedName></x:definedNames></x:workbook>`;
    const out = withPrintTitles(wb, [{ sheet: 'S', rows: 1 }]);
    expect(out).toBe(
      `<x:workbook xmlns:x='m'><x:sheets><x:sheet name='S' sheetId='1'/></x:sheets><x:definedNames><!-- <x:definedName name='_xlnm.Print_Titles' localSheetId='0'>x</x:definedName> --><x:definedName name='keep'>S!$A$1</x:definedName><x:definedName name="_xlnm.Print_Titles" localSheetId="0">'S'!$1:$1</x:definedName></x:definedNames></x:workbook>`,
    );
  });
});

describe('tokenizer helpers for the writer', () => {
  it('reads open tags of unfinished text, a fragment’s first tag and the close tags it leaves open', () => {
    const head = `<?xml version='1.0'?><!-- <x:worksheet> --><x:worksheet a='>'><x:sheetData >`;
    expect(findOpenTag(head, 'worksheet')).toMatchObject({ name: 'x:worksheet', openTag: `<x:worksheet a='>'>`, selfClosing: false });
    expect(findOpenTag(head, 'sheetData')?.start).toBe(head.length - '<x:sheetData >'.length);
    expect(findOpenTag('<a><b', 'b')).toBeNull();
    expect(firstTag(`<!-- <c/> --><x:xf a='1'/>`)).toMatchObject({ name: 'x:xf', selfClosing: true, openTag: `<x:xf a='1'/>` });
    expect(unmatchedCloseTags(`</x:sheetData><!-- </y> --><a><b/></a></x:worksheet>`).map((c) => [c.name, c.start])).toEqual([
      ['x:sheetData', 0],
      ['x:worksheet', 38],
    ]);
  });

  it('pairs VML shapes by name, splices in document order, compares tags without blanks, opens empty tags', () => {
    const vml = `<xml><v:shape id='1'><div>a<br>b</div></v:shape> <v:shape id='2'/><!-- <v:shape id='3'></v:shape> --></xml>`;
    const shapes = findElementsByName(vml, 'v:shape');
    expect(shapes.map((s) => vml.slice(s.start, s.end))).toEqual([`<v:shape id='1'><div>a<br>b</div></v:shape>`, `<v:shape id='2'/>`]);
    const seen: string[] = [];
    expect(spliceElements(vml, shapes, (el) => (seen.push(el.openTag), '<S/>'))).toBe(`<xml><S/> <S/><!-- <v:shape id='3'></v:shape> --></xml>`);
    expect(seen).toEqual([`<v:shape id='1'>`, `<v:shape id='2'/>`]);
    const checked = new XmlScanner({ wantText: false, text() {}, open() {}, close() {} }, { fragment: true });
    expect(() => checked.write(vml)).toThrow('end tag </div> where </br> was expected');
    expect(tagsOnly(`\n  <alignment a='1'/>\n  <protection/>\n</xf>`)).toBe(`<alignment a='1'/><protection/></xf>`);
    expect(withContent(`<x:row r='1' />`, '<x:c/>')).toBe(`<x:row r='1'><x:c/></x:row>`);
  });

  it('ends a comment, CDATA section or processing instruction at its own end, not at a > inside it', () => {
    const s = `<!-- a > b --><![CDATA[ > ]]><?pi > ?><x:row a='>'>`;
    expect(tagEnd(s, 0)).toBe(s.indexOf('-->') + 2);
    expect(tagEnd(s, s.indexOf('<![CDATA['))).toBe(s.indexOf(']]>') + 2);
    expect(tagEnd(s, s.indexOf('<?pi'))).toBe(s.indexOf('?>') + 1);
    expect(tagEnd(s, s.indexOf('<x:row'))).toBe(s.length - 1);
    expect(tagEnd('<!-- open', 0)).toBe(-1);
  });
});
