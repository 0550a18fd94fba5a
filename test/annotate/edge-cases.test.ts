import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILL_RGB } from '../../src/annotate/styles.js';
import { handPackage, istr, num, sheetXml, STYLES } from './hand-made.js';
import {
  applicant,
  assertWellFormed,
  entries,
  fillOf,
  finding,
  hasSoffice,
  loadExcel,
  noteText,
  readBytes,
  screen,
  sofficeConvert,
  tempDir,
  text,
} from './helpers.js';

const S1 = 'xl/worksheets/sheet1.xml';

describe('hand-made packages', () => {
  it('rows and cells without r=, no styles part, no shared strings, a flagged blank cell', async () => {
    const rows =
      `<row>${istr(null, '姓名')}${istr(null, '身份证号')}${istr(null, '学时')}</row>` +
      `<row>${istr(null, '张三')}${istr(null, '330106')}</row>` +
      '<row/>' +
      `<row>${istr(null, '李四')}${istr(null, '330107')}${num(null, 95)}</row>`;
    const bytes = handPackage({ sheets: [{ name: 'S', xml: sheetXml(rows) }], styles: null, overrides: false });
    const apps = [
      applicant(2, [finding('cpd-hours', 'error', 'C2', '学时为空')]),
      applicant(4, [finding('id-number', 'warn', 'A4', '姓名待核')]),
    ];
    const { out, parts } = await screen(bytes, apps, { input: { sheet: 'S', headerTop: 1, headerRow: 1, width: 3 } });
    const xml = text(parts, S1);
    assertWellFormed(S1, xml);
    // Rows and edited cells get explicit references (exceljs cannot read rows without them).
    expect(xml).toContain('<row r="3"/>');
    expect(xml).toMatch(/<row r="2"><c t="inlineStr" r="A2">/);
    expect(xml).toMatch(/<c r="C2" s="\d+"\/>/);
    expect(parts.has('xl/styles.xml')).toBe(true);
    expect(text(parts, '[Content_Types].xml')).toContain('/xl/styles.xml');
    const wb = await loadExcel(out);
    const ws = wb.getWorksheet('S')!;
    expect(ws.getCell('D1').value).toBe('预审结论');
    expect(ws.getCell('E1').value).toBe('预审意见');
    expect(ws.getCell('D2').value).toBe('不通过');
    expect(ws.getCell('D4').value).toBe('待复核');
    expect(ws.getCell('C4').value).toBe(95);
    expect(fillOf(ws.getCell('C2'))).toBe(FILL_RGB.error);
    expect(fillOf(ws.getCell('A4'))).toBe(FILL_RGB.warn);
    expect(fillOf(ws.getCell('B4'))).toBeUndefined();
    expect(noteText(ws.getCell('C2'))).toContain('学时为空');
    // Screening the output again is a no-op.
    const again = await screen(out, apps, { input: { sheet: 'S', headerTop: 1, headerRow: 1, width: 5 } });
    for (const [name, data] of parts) expect(again.parts.get(name), name).toEqual(data);
  });

  it('a namespace prefix on every element (x:worksheet, x:row, x:c)', async () => {
    const p = 'x:';
    const rows =
      `<x:row r="1">${istr('A1', '姓名', p, 1)}${istr('B1', '学时', p, 1)}</x:row>` +
      `<x:row r="2">${istr('A2', '张三', p)}${num('B2', 60, p, 2)}</x:row>`;
    const bytes = handPackage({ sheets: [{ name: 'S', xml: sheetXml(rows, { prefix: p, tail: '<x:autoFilter ref="A1:B2"/>' }) }], styles: STYLES(p) });
    const apps = [applicant(2, [finding('cpd-hours', 'error', 'B2', '学时不足')])];
    const { parts } = await screen(bytes, apps, { input: { sheet: 'S', headerTop: 1, headerRow: 1, width: 2 } });
    const xml = text(parts, S1);
    assertWellFormed(S1, xml);
    expect(xml).toContain('<x:c r="C1" s="1" t="inlineStr"><x:is><x:t xml:space="preserve">预审结论</x:t></x:is></x:c>');
    expect(xml).toMatch(/<x:c r="C2" s="\d+" t="inlineStr"><x:is><x:t xml:space="preserve">不通过<\/x:t>/);
    expect(xml).toContain('<x:autoFilter ref="A1:D2"/>');
    expect(xml).toMatch(/<x:legacyDrawing r:id="rId\d+"\/><\/x:worksheet>$/);
    expect(xml).toMatch(/^<\?xml[^>]*>\n<x:worksheet xmlns:x="[^"]+" xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships">/);
    const styles = text(parts, 'xl/styles.xml');
    assertWellFormed('styles', styles);
    // B2 had a yellow fill (fillId 2); its clone keeps font and border, only the fill changes.
    const s = Number(/<x:c r="B2" s="(\d+)"/.exec(xml)![1]);
    const xfs = [...styles.matchAll(/<x:xf [^>]*?\/?>/g)].map((m) => m[0]).slice(1); // skip cellStyleXfs
    expect(xfs[s]).toMatch(/fontId="0" fillId="\d+" borderId="0"/);
    expect(styles).toContain(`<x:fgColor rgb="${FILL_RGB.error}"/>`);
  });

  it('a two-row header: our headers span both rows, merges are added once', async () => {
    const rows =
      `<row r="1">${istr('A1', '花名册', '', 1)}</row>` +
      `<row r="2">${istr('A2', '姓名', '', 1)}${istr('B2', '继续教育学时', '', 1)}<c r="C2" s="1"/>${istr('D2', '单位', '', 1)}</row>` +
      `<row r="3"><c r="A3" s="1"/>${istr('B3', '2021', '', 1)}${istr('C3', '2022', '', 1)}<c r="D3" s="1"/></row>` +
      `<row r="4">${istr('A4', '张三')}${num('B4', 90)}${num('C4', 50)}${istr('D4', '甲')}</row>`;
    const merges = '<mergeCells count="4"><mergeCell ref="A1:D1"/><mergeCell ref="A2:A3"/><mergeCell ref="B2:C2"/><mergeCell ref="D2:D3"/></mergeCells>';
    const bytes = handPackage({ sheets: [{ name: 'S', xml: sheetXml(rows, { tail: merges }) }], styles: STYLES() });
    const apps = [applicant(4, [finding('cpd-hours', 'error', 'C4', '2022年学时不足')])];
    const input = { sheet: 'S', headerTop: 2, headerRow: 3, width: 4 };
    const first = await screen(bytes, apps, { input });
    const xml = text(first.parts, S1);
    expect(xml).toContain('<mergeCells count="6"><mergeCell ref="A1:D1"/><mergeCell ref="A2:A3"/><mergeCell ref="B2:C2"/><mergeCell ref="D2:D3"/><mergeCell ref="E2:E3"/><mergeCell ref="F2:F3"/></mergeCells>');
    expect(xml).toContain('<c r="E2" s="1" t="inlineStr"><is><t xml:space="preserve">预审结论</t></is></c>');
    expect(xml).toContain('<c r="E3" s="1"/><c r="F3" s="1"/>');
    const again = await screen(first.out, apps, { input: { ...input, width: 6 } });
    expect(text(again.parts, S1)).toBe(xml);
  });

  it('values beyond the header and merged cells push our columns to the right; a <col> range is split', async () => {
    const rows =
      `<row r="1">${istr('A1', '姓名')}${istr('B1', '学时')}${istr('C1', '单位')}</row>` +
      `<row r="2">${istr('A2', '张三')}${num('B2', 60)}${istr('C2', '甲')}${istr('J2', '备注：补材料')}</row>` +
      `<row r="3">${istr('A3', '李四')}${num('B3', 95)}${istr('C3', '乙')}${istr('K3', '合并')}</row>`;
    const head = '<cols><col min="1" max="16384" width="9" style="0"/></cols>';
    const tail = '<mergeCells count="1"><mergeCell ref="K3:L3"/></mergeCells>';
    const bytes = handPackage({ sheets: [{ name: 'S', xml: sheetXml(rows, { head, tail }) }], styles: STYLES() });
    const apps = [applicant(2, [finding('cpd-hours', 'error', 'B2', '学时不足')]), applicant(3, [])];
    const { out, parts } = await screen(bytes, apps, { input: { sheet: 'S', headerTop: 1, headerRow: 1, width: 3 } });
    const xml = text(parts, S1);
    expect(xml).toContain(
      '<cols><col min="1" max="12" width="9" style="0"/><col min="13" max="13" width="10" style="0" customWidth="1"/><col min="14" max="14" width="60" style="0" customWidth="1"/><col min="15" max="16384" width="9" style="0"/></cols>',
    );
    const wb = await loadExcel(out);
    const ws = wb.getWorksheet('S')!;
    expect(ws.getCell('M1').value).toBe('预审结论');
    expect(ws.getCell('M2').value).toBe('不通过');
    expect(ws.getCell('J2').value).toBe('备注：补材料');
    expect(ws.getCell('D1').value).toBeNull();
  });

  it('styled empty cells to the right of the table: ours replace those in our two columns, the rest stay', async () => {
    const rows =
      `<row r="1" spans="1:6">${istr('A1', '姓名', '', 1)}${istr('B1', '学时', '', 1)}<c r="C1" s="2"/><c r="D1" s="2"/><c r="F1" s="2"/></row>` +
      `<row r="2" spans="1:6">${istr('A2', '张三')}${num('B2', 60)}<c r="C2" s="2"/><c r="D2" s="2"/><c r="F2" s="2"/></row>`;
    const bytes = handPackage({ sheets: [{ name: 'S', xml: sheetXml(rows) }], styles: STYLES() });
    const apps = [applicant(2, [finding('cpd-hours', 'error', 'B2', '学时不足')])];
    const { parts } = await screen(bytes, apps, { input: { sheet: 'S', headerTop: 1, headerRow: 1, width: 2 } });
    const xml = text(parts, S1);
    expect(xml).toMatch(/<row r="2" spans="1:6"><c r="A2" t="inlineStr"><is><t>张三<\/t><\/is><\/c><c r="B2" s="\d+"><v>60<\/v><\/c><c r="C2" s="\d+" t="inlineStr"><is><t xml:space="preserve">不通过<\/t><\/is><\/c><c r="D2" s="\d+" t="inlineStr">[\s\S]*?<\/c><c r="F2" s="2"\/><\/row>/);
    expect(xml).toContain('<c r="C1" s="1" t="inlineStr"><is><t xml:space="preserve">预审结论</t></is></c>');
  });

  it('the roster on the second sheet: the first sheet is untouched, the filter name follows the autofilter', async () => {
    const other = sheetXml(`<row r="1">${istr('A1', '说明')}</row>`);
    const rows = `<row r="1">${istr('A1', '姓名')}${istr('B1', '学时')}</row><row r="2">${istr('A2', '张三')}${num('B2', 60)}</row>`;
    const bytes = handPackage({
      sheets: [
        { name: '说明', xml: other },
        { name: '花名册', xml: sheetXml(rows, { tail: '<autoFilter ref="A1:B2"/>' }) },
      ],
      styles: STYLES(),
      workbookExtra: `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'花名册'!$A$1:$B$2</definedName><definedName name="x" localSheetId="0">'说明'!$A$1</definedName></definedNames>`,
    });
    const apps = [applicant(2, [finding('cpd-hours', 'error', 'B2', '学时不足')])];
    const { parts } = await screen(bytes, apps, { input: { sheet: '花名册', sheetIndex: 1, headerTop: 1, headerRow: 1, width: 2 } });
    expect(parts.get(S1)).toEqual(entries(bytes).get(S1));
    expect(text(parts, 'xl/worksheets/sheet2.xml')).toContain('<autoFilter ref="A1:D2"/>');
    const wbXml = text(parts, 'xl/workbook.xml');
    expect(wbXml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'花名册'!$A$1:$D$2</definedName>`);
    expect(wbXml).toContain(`<definedName name="x" localSheetId="0">'说明'!$A$1</definedName>`);
  });

  it.skipIf(!hasSoffice())('LibreOffice opens the hand-made edge cases [needs LibreOffice]', async () => {
    const p = 'x:';
    const rows = `<x:row>${istr(null, '姓名', p)}${istr(null, '学时', p)}</x:row><x:row>${istr(null, '张三', p)}</x:row>`;
    const bytes = handPackage({ sheets: [{ name: 'S', xml: sheetXml(rows, { prefix: p }) }], styles: null });
    const apps = [applicant(2, [finding('cpd-hours', 'error', 'B2', '学时为空')])];
    const dir = tempDir();
    const { path: file } = await screen(bytes, apps, { dir, input: { sheet: 'S', headerTop: 1, headerRow: 1, width: 2 } });
    const csv = new TextDecoder().decode(readBytes(sofficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76', path.join(dir, 'csv'))));
    expect(csv.split('\n').slice(0, 2)).toEqual(['姓名,学时,预审结论,预审意见', '张三,,不通过,[cpd-hours] 学时为空〔来源-cpd-hours〕']);
  });
});
