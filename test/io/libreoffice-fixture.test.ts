import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openRosterFile } from '../../src/io/open-roster-file.js';
import { plain, readAll } from './helpers.js';

// test/fixtures/io/libreoffice-roster.xlsx was made by LibreOffice 7 from the .fods next to it:
//   soffice --headless --convert-to xlsx libreoffice-roster.fods
// LibreOffice writes CJK date formats as escaped custom codes ([$-804]yyyy\年m\月d\日),
// t="n" on every number, state="visible", and relationship ids that do not start at rId1.

const fixture = fileURLToPath(new URL('../fixtures/io/libreoffice-roster.xlsx', import.meta.url));

describe('a LibreOffice-made workbook', () => {
  it('reads sheets, merges, strings, numbers and CJK-formatted dates', async () => {
    const wb = await openRosterFile(fixture);
    expect(wb.kind).toBe('xlsx');
    expect(wb.sheets).toEqual([
      { name: '花名册', hidden: false },
      { name: '隐藏表', hidden: true },
    ]);
    const { rows, merges } = await readAll(wb, 0);
    expect(merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(rows.map(plain)).toEqual([
      ['2023年度正高级工程师申报人员花名册'],
      ['序号', '姓名', '身份证号', '出生年月', '取得时间', '申报日期', '学时'],
      [1, '张三', '110101199003071234', 'D:1990-03-01', 'D:2019-06-30', 'D:2023-09-15', 90.5],
      [2, '李四', '11010119900307123X', 'D:1985-12-01', 'D:2018-01-01', 'D:2023-09-16', '九十'],
    ]);
    expect((await readAll(wb, 1)).rows.map(plain)).toEqual([['x']]);
  });
});
