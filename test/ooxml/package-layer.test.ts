import { describe, expect, it } from 'vitest';
import { a1, colIndex, colLetters, columnAt, MAX_COL, parseA1, parseRange, rowNumber, rowOfRef } from '../../src/ooxml/cell-ref.js';
import { normalisePartName, partKey } from '../../src/ooxml/part-name.js';
import { parseRels, relsPathFor, resolveTarget } from '../../src/ooxml/relationships.js';
import { decodeEntities, escapeText, escapeXml } from '../../src/ooxml/xml-text.js';
import { decodeXString, protectXString } from '../../src/ooxml/xstring.js';

describe('relationship targets', () => {
  it.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', 'worksheets\\sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', 'worksheets/sheet%201.xml', 'xl/worksheets/sheet 1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', '../comments1.xml', 'xl/comments1.xml'],
    ['xl/workbook.xml', './styles.xml', 'xl/styles.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', '../../../../etc/passwd', 'etc/passwd'],
    ['xl/workbook.xml', '%2e%2e/%2e%2e/x.xml', 'x.xml'],
    ['xl/workbook.xml', 'bad%zz.xml', 'xl/bad%zz.xml'],
  ])('from %s, Target="%s" is %s', (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  it('parses relationships, entities decoded, any prefix', () => {
    const xml = `<?xml version="1.0"?><r:Relationships xmlns:r="x"><r:Relationship Id="rId1" Type="t/worksheet" Target="a&amp;b.xml"/><Relationship Id='rId2' Type="t/hyperlink" Target="http://x" TargetMode="External"/></r:Relationships>`;
    expect(parseRels(xml)).toEqual([
      { id: 'rId1', type: 't/worksheet', target: 'a&b.xml', external: false },
      { id: 'rId2', type: 't/hyperlink', target: 'http://x', external: true },
    ]);
    expect(parseRels(null)).toEqual([]);
    expect(relsPathFor('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
  });
});

describe('part names', () => {
  it('backslashes and a leading slash are normalised; keys ignore case', () => {
    expect(normalisePartName('\\xl\\worksheets\\sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(partKey('/XL/Worksheets/Sheet1.xml')).toBe(partKey('xl\\worksheets\\sheet1.xml'));
  });
});

describe('A1 references: 0-based columns, 1-based rows', () => {
  it('letters and indexes round-trip up to XFD', () => {
    for (const c of [0, 25, 26, 701, 702, MAX_COL]) expect(colIndex(colLetters(c))).toBe(c);
    expect(colLetters(MAX_COL)).toBe('XFD');
    expect(a1(12, 1)).toBe('B12');
  });

  it('columnAt reads a reference in place; beyond XFD it is capped, not huge', () => {
    expect(columnAt('C7')).toBe(2);
    expect(columnAt('$c$7')).toBe(2);
    expect(columnAt('xx<c r="AB12">', 8, 12)).toBe(27);
    expect(columnAt('EinlineStr')).toBe(-1);
    expect(columnAt('7')).toBe(-1);
    expect(columnAt('ZZZZZZZZ5')).toBe(MAX_COL + 1);
    expect(rowOfRef('$B$12')).toBe(12);
    // A <row r>: xsd:unsignedInt above 0 (blanks, +, leading zeros), nothing else.
    expect([' 5 ', '+6', '012', '7'].map(rowNumber)).toEqual([5, 6, 12, 7]);
    expect(['0', '1e2', '0x10', '13.0', '', '-3', undefined].map(rowNumber)).toEqual([-1, -1, -1, -1, -1, -1, -1]);
  });

  it('parses cells and ranges', () => {
    expect(parseA1('$B$12')).toEqual({ col: 1, row: 12 });
    expect(parseA1('B')).toBeNull();
    expect(parseRange('C3:A1')).toEqual({ top: 1, left: 0, bottom: 3, right: 2 });
  });
});

describe('XML text', () => {
  it('one decoder: named entities and numeric references; anything else as written', () => {
    expect(decodeEntities('a&amp;b &lt;&gt; &quot;&apos; &#x4E2D;&#25991;')).toBe(`a&b <> "' 中文`);
    expect(decodeEntities('&nbsp; &#x110000; &#12ab; & ;')).toBe('&nbsp; &#x110000; &#12ab; & ;');
  });

  it('escapes, drops characters XML forbids, protects _xHHHH_', () => {
    expect(escapeXml('a<b>&"c"\r\n\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\n');
    expect(escapeText('_x0041_')).toBe('_x005F_x0041_');
    expect(decodeXString(protectXString('_x0041_张'))).toBe('_x0041_张');
    expect(decodeXString('a_x000D_b')).toBe('a\rb');
  });
});
