import { handPackage, STYLES } from './hand-made.js';

// A roster written the way some tools write XML, not the way Excel does: the main namespace on an
// `x:` prefix, single-quoted attributes in an unusual order with blanks around `=`, comments, a
// processing instruction and CDATA holding markup that must not be taken for elements (a
// `<x:sheetData>`, a `<x:legacyDrawing>`, a merge), empty elements written self-closing, a note
// of the user's with a bare <t>, and Excel's VML with its unclosed `<br>`.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const DECOY_HEAD = `<!-- not the data: <x:sheetData><x:row r='1'><x:c r='A1'/></x:row></x:sheetData> -->`;
export const DECOY_ROWS = `<!-- between rows: a > b <x:row r='9'><x:c r='A9'/></x:row> </x:sheetData> -->`;
export const DECOY_TAIL = `<!-- </x:sheetData> <x:mergeCell ref='Z1:Z2'/> <x:legacyDrawing r:id='rId99'/> -->`;

const sheet =
  `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n${DECOY_HEAD}\n` +
  `<x:worksheet xmlns:r='${R}' xmlns:x='${MAIN}'>` +
  `<x:dimension ref = 'A1:B4' />` +
  `<x:sheetViews><x:sheetView workbookViewId='0' tabSelected='1'/></x:sheetViews>` +
  `<x:cols><x:col width='12' customWidth='1' max='2' min='1'/></x:cols>` +
  `<?editor <x:sheetData/> ?>` +
  `<x:sheetData >` +
  `<x:row spans='1:2' r='1'><x:c t='inlineStr' s='1' r='A1'><x:is><x:t>姓名</x:t></x:is></x:c><x:c r='B1' s='1' t='inlineStr'><x:is><x:t><![CDATA[学时]]></x:t></x:is></x:c></x:row>` +
  DECOY_ROWS +
  `<x:row r='2'><x:c r='A2' t='inlineStr'><x:is><x:t>张三</x:t></x:is></x:c><x:c s='2' r='B2'><x:v>60</x:v></x:c></x:row>` +
  `<x:row r='3'><x:c r='A3' t='inlineStr'><x:is><x:t>李四</x:t></x:is></x:c><x:c r='B3' s='0'/></x:row>` +
  `<x:row r='4' customFormat='1' s='2'/>` +
  `</x:sheetData>${DECOY_TAIL}` +
  `<x:autoFilter ref='A1:B3'/>` +
  `<x:mergeCells count='1'><x:mergeCell ref = 'A4:B4' /></x:mergeCells>` +
  `<x:pageMargins left='0.7' right='0.7' top='0.75' bottom='0.75' header='0.3' footer='0.3'/>` +
  `<x:legacyDrawing r:id = 'rId1' />` +
  `</x:worksheet>`;

const comments =
  `<?xml version='1.0' encoding='UTF-8'?>\n<x:comments xmlns:x='${MAIN}'><x:authors><x:author >张科长</x:author></x:authors>` +
  `<x:commentList><x:comment authorId='0' ref='A2'><x:text><x:t xml:space='preserve'><![CDATA[请核对 <x:r>姓名</x:r>]]></x:t></x:text></x:comment></x:commentList></x:comments>`;

export const THEIR_BOX = `<div style='text-align:left'><font face="Tahoma" size="8" color="auto"><b>张科长:</b><br></font></div>`;

const vml =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n xmlns:x="urn:schemas-microsoft-com:office:excel">\n` +
  ` <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout>` +
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>` +
  `<v:shape id="_x0000_s1025" type="#_x0000_t202" style='position:absolute;\n  margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;\n  visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\n` +
  `  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n` +
  `  <v:textbox style='mso-direction-alt:auto'>\n   ${THEIR_BOX}\n  </v:textbox>\n` +
  `  <x:ClientData ObjectType='Note'>\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    1, 15, 0, 2, 3, 15, 3, 16</x:Anchor>\n` +
  `   <x:AutoFill>False</x:AutoFill>\n   <x:Row >1</x:Row>\n   <x:Column>0</x:Column>\n  </x:ClientData>\n </v:shape></xml>`;

const sheetRels =
  `<?xml version='1.0' encoding='UTF-8'?>\n<Relationships xmlns='${PR}'>` +
  `<Relationship Target='../drawings/vmlDrawing1.vml' Type='${R}/vmlDrawing' Id='rId1'/>` +
  `<Relationship Id='rId2' Type='${R}/comments' Target='../comments1.xml'/></Relationships>`;

/** The package: one sheet `S` (header row 1, 姓名 and 学时), data in rows 2–3, row 4 empty. */
export function oddShapesPackage(): Uint8Array {
  return handPackage({
    sheets: [{ name: 'S', xml: sheet }],
    styles: STYLES('x:').replaceAll('"', "'"),
    parts: [
      { name: 'xl/worksheets/_rels/sheet1.xml.rels', xml: sheetRels },
      { name: 'xl/comments1.xml', xml: comments, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml' },
      { name: 'xl/drawings/vmlDrawing1.vml', xml: vml },
    ],
  });
}
