import { describe, expect, it } from 'vitest';
import { csvCell, formatFindingsCsv } from '../../src/format/findings-csv.js';
import { parseCsv } from '../../src/io/csv/csv-parse.js';
import { cellText } from '../../src/normalize/text.js';
import { maskApplicant } from '../../src/report/mask.js';
import { IDS, makeRun } from '../regional/run-fixture.js';

function parse(text: string): string[][] {
  const rows: string[][] = [];
  // The project's own CSV reader drops trailing empty cells: pad to the header's width.
  parseCsv(text.replace(/^\uFEFF/, ''), (r) => void rows.push(Array.from({ length: 12 }, (_, i) => cellText(r.cells[i]))));
  return rows;
}

describe('findings.csv', () => {
  it('has a BOM, CRLF line ends and one row per finding with the masked ID', () => {
    const text = formatFindingsCsv(makeRun(), { lang: 'zh', mask: true });
    expect(text.startsWith('\uFEFF文件,工作表,行,单元格,姓名,身份证号,结论,规则,级别,说明,依据,例外\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text);
    const findings = makeRun().applicants.reduce((n, a) => n + a.findings.length, 0);
    expect(rows).toHaveLength(1 + findings);
    const wang = rows.find((r) => r[4] === '王五' && r[7] === 'cpd-hours')!;
    expect(wang).toEqual(['rosters/乙公司.xlsx', 'Sheet1', '3', 'K3', '王五', `330203********${IDS.wang.slice(-4)}`, '不通过', 'cpd-hours', '错误', '2021年继续教育学时 72 < 90，差 18 学时', '〔浙经信人事〔2023〕291号〕', '']);
    expect(text).not.toContain(IDS.wang);
    const accepted = rows.find((r) => r[7] === 'cpd-split')!;
    expect(accepted[8]).toBe('提示');
    expect(accepted[11]).toBe('已由王审核于2024-03-20复核接受：已补登记证明');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    const rows = parse(formatFindingsCsv(makeRun(), { lang: 'en', mask: false }));
    expect(rows[0]).toEqual(['file', 'sheet', 'row', 'cell', 'name', 'id_number', 'status', 'rule', 'severity', 'message', 'source', 'exception']);
    expect(rows.find((r) => r[7] === 'duplicate')![5]).toBe(IDS.wang);
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '  =1']) expect(csvCell(cell).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('普通文字')).toBe('普通文字');
  });

  it('masks exactly what maskApplicant masks: the own ID however typed, phones, in names, messages and exception notes', () => {
    const base = makeRun();
    const spaced = IDS.wang.replace(/^(\d{6})(\d{8})/, '$1 $2 ');
    const run = {
      ...base,
      applicants: base.applicants.map((a, i) =>
        i > 2
          ? a
          : {
              ...a,
              name: `${a.name}13812345678`,
              findings: a.findings.map((f) => ({
                ...f,
                message: { zh: `${f.message.zh} ${a.idNumber} 电话 0571-87650116`, en: `${f.message.en} ${spaced}` },
                ...(f.exception ? { exception: { ...f.exception, note: `${f.exception.note} ${a.idNumber}` } } : {}),
              })),
            },
      ),
    };
    for (const lang of ['zh', 'en'] as const) {
      const masked = formatFindingsCsv(run, { lang, mask: true });
      expect(masked).toBe(formatFindingsCsv({ ...run, applicants: run.applicants.map(maskApplicant) }, { lang, mask: false }));
      expect(masked).not.toContain('13812345678');
      expect(masked).not.toContain(IDS.wang);
    }
  });
});
