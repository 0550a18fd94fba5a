import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILL_RGB } from '../../src/annotate/styles.js';
import { applicant, finding, fillOf, hasSoffice, loadExcel, noteText, readBytes, screen, sofficeConvert, tempDir } from './helpers.js';

// A CSV roster becomes a new workbook (exceljs) with the same columns, fills, notes and sheets.

const CSV = [
  '姓名,身份证号,区号,申报专业,2022年继续教育学时',
  '张三,330106197102114319,0571,信息技术,72',
  '',
  '李四,33010619800101002X,0574,"机电\n制造",95',
  '王五,330106198001010000,0571,能源,',
].join('\r\n');

/** GB18030 bytes of a string (what Chinese Excel saves as "CSV"). */
function gb18030(text: string): Uint8Array {
  // Node has no GB18030 encoder; build the table for the characters used from the decoder.
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

const apps = () => [
  applicant(2, [finding('cpd-hours', 'error', 'E2', '2022年继续教育72学时，少于90学时（差18学时）')], { file: 'roster.csv' }),
  applicant(4, [], { file: 'roster.csv' }),
  applicant(5, [finding('cpd-hours', 'error', 'E5', '学时为空'), finding('unit-type', 'warn', null, '花名册无此列')], { file: 'roster.csv' }),
];
const input = { file: 'roster.csv', kind: 'csv' as const, sheet: 'roster', headerTop: 1, headerRow: 1, width: 5 };

describe.each([
  ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)])],
  ['GB18030', gb18030(CSV)],
])('a CSV roster (%s)', (_label, bytes) => {
  it('becomes a workbook with the same columns, our columns, fills, notes and sheets', async () => {
    const { out } = await screen(bytes, apps(), { input });
    const wb = await loadExcel(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['roster', '预审汇总', '预审规则']);
    const ws = wb.getWorksheet('roster')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '身份证号', '区号', '申报专业', '2022年继续教育学时', '预审结论', '预审意见']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('F1').font?.bold).toBe(true);
    // IDs and codes stay text; hours become numbers; the quoted line break survives.
    expect(ws.getCell('B2').value).toBe('330106197102114319');
    expect(ws.getCell('C2').value).toBe('0571');
    expect(ws.getCell('E2').value).toBe(72);
    expect(ws.getCell('D4').value).toBe('机电\n制造');
    // Rows keep their record numbers (the blank line is row 3).
    expect(ws.getCell('A4').value).toBe('李四');
    expect(ws.getCell('F2').value).toBe('不通过');
    expect(ws.getCell('F4').value).toBe('通过');
    expect(ws.getCell('F5').value).toBe('不通过');
    expect(fillOf(ws.getCell('E2'))).toBe(FILL_RGB.error);
    expect(fillOf(ws.getCell('E5'))).toBe(FILL_RGB.error);
    expect(fillOf(ws.getCell('D2'))).toBeUndefined();
    expect(noteText(ws.getCell('E2'))).toContain('少于90学时（差18学时）');
    expect(noteText(ws.getCell('G5'))).toContain('[unit-type]');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('a CSV roster in LibreOffice', () => {
  it.skipIf(!hasSoffice())('opens and converts back to CSV with our columns [needs LibreOffice]', async () => {
    const dir = tempDir();
    const { path: file } = await screen(new TextEncoder().encode(CSV), apps(), { input, dir });
    const csv = new TextDecoder().decode(readBytes(sofficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76', path.join(dir, 'csv'))));
    const lines = csv.split('\n');
    expect(lines[0]).toBe('姓名,身份证号,区号,申报专业,2022年继续教育学时,预审结论,预审意见');
    expect(lines[1]).toBe('张三,330106197102114319,0571,信息技术,72,不通过,[cpd-hours] 2022年继续教育72学时，少于90学时（差18学时）〔来源-cpd-hours〕');
  });
});
