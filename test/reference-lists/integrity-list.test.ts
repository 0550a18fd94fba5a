import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/user-error.js';
import { loadIntegrityList } from '../../src/reference-lists/integrity-list.js';
import { idNumber } from '../regional/run-fixture.js';
import { csvFile, xlsxFile } from './list-files.js';

const A = idNumber('33010619710211431');
const B = idNumber('33010219800315222');

async function refusal(p: Promise<unknown>): Promise<UserError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('loadIntegrityList (--integrity)', () => {
  it('reads a CSV below a title row: ID, name, dates as ISO (a month counts to its last day), reason', async () => {
    const file = csvFile([
      '职称评审诚信档案名单,,,,',
      '身份证号,姓名,决定日期,截止日期,事由',
      `${A},张三,2022-05-10,,提供虚假材料`,
      `${B.toLowerCase().replace('x', 'x')},李四,2021年6月,2024年6月30日,剽窃`,
      ',,,,',
    ]);
    expect(await loadIntegrityList(file)).toEqual([
      { idNumber: A, name: '张三', decisionDate: '2022-05-10', reason: '提供虚假材料' },
      { idNumber: B.toUpperCase(), name: '李四', decisionDate: '2021-06-30', endDate: '2024-06-30', reason: '剽窃' },
    ]);
  });

  it('reads an xlsx with other header words and Excel dates, with only an end date', async () => {
    const file = await xlsxFile([
      ['公民身份号码', '姓名', '有效期至', '原因'],
      [A, '张三', new Date(Date.UTC(2025, 0, 31)), '虚假材料'],
    ]);
    expect(await loadIntegrityList(file)).toEqual([{ idNumber: A, name: '张三', endDate: '2025-01-31', reason: '虚假材料' }]);
  });

  it('refuses a list without an ID column or without any date column, saying what the header needs', async () => {
    const noDate = await refusal(loadIntegrityList(csvFile(['身份证号,姓名,事由', `${A},张三,虚假`])));
    expect(noDate.code).toBe('list-columns');
    expect(noDate.text.zh).toContain('缺少"决定日期或截止日期"列');
    expect(noDate.text.zh).toContain('--integrity');
    expect(noDate.text.en).toContain('decision date (决定日期) or end date (截止日期)');
    const nothing = await refusal(loadIntegrityList(csvFile(['a,b,c', '1,2,3'])));
    expect(nothing.text.zh).toContain('前30行内没有找到表头');
  });

  it.each([
    ['a blank ID', `,张三,2022-05-10,,虚假`, 'A3', '身份证号为空'],
    ['an ID that is not 18 characters', `33010619710211,张三,2022-05-10,,虚假`, 'A3', '不是18位身份证号'],
    ['an ID with a wrong check digit', `${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'},张三,2022-05-10,,虚假`, 'A3', '校验位'],
    ['an ID that lost digits as a number', `3.30106E+17,张三,2022-05-10,,虚假`, 'A3', '文本'],
    ['an unreadable date', `${A},张三,去年,,虚假`, 'C3', '无法识别日期"去年"'],
    ['no date at all', `${A},张三,,,虚假`, 'C3', '决定日期和截止日期都为空'],
    ['an end before the decision', `${A},张三,2022-05-10,2021-01-01,虚假`, 'D3', '早于决定日期'],
  ])('refuses %s, naming file, sheet, row and column', async (_what, line, cell, words) => {
    const file = csvFile(['身份证号,姓名,决定日期,截止日期,事由', `${B},李四,2022-01-01,,x`, line]);
    const err = await refusal(loadIntegrityList(file));
    expect(err.code).toBe('list-row');
    expect(err.text.zh).toContain(`"${file}"`);
    expect(err.text.zh).toContain('第3行');
    expect(err.text.zh).toContain(`（${cell}）`);
    expect(err.text.zh).toContain(words);
    expect(err.text.en).toContain('row 3');
  });

  it('refuses a missing file with the reader\'s message', async () => {
    expect((await refusal(loadIntegrityList('/nonexistent/诚信.xlsx'))).code).toBe('file-missing');
  });
});
