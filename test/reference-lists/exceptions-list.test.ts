import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/user-error.js';
import { loadExceptionsList } from '../../src/reference-lists/exceptions-list.js';
import { idNumber } from '../regional/run-fixture.js';
import { csvFile, xlsxFile } from './list-files.js';

const A = idNumber('33010619710211431');
const B = idNumber('33010219800315222');
const HEAD = '身份证号,ruleId,复核人,日期,说明';
const known = ['cpd-hours', 'seniority', 'duplicate'];

async function refusal(p: Promise<unknown>): Promise<UserError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('loadExceptionsList (--exceptions)', () => {
  it('reads a CSV: ID, rule, reviewer, date, note, and where each came from', async () => {
    const file = csvFile([HEAD, `${A},cpd-hours,王审核,2024-03-20,已补登记证明`, `${B},seniority,李复核,2024年3月21日,破格评审已批准`]);
    expect(await loadExceptionsList(file, known)).toEqual([
      { idNumber: A, ruleId: 'cpd-hours', reviewer: '王审核', date: '2024-03-20', note: '已补登记证明', origin: `${file}:2` },
      { idNumber: B, ruleId: 'seniority', reviewer: '李复核', date: '2024-03-21', note: '破格评审已批准', origin: `${file}:3` },
    ]);
  });

  it('reads an xlsx with a title row and other header words', async () => {
    const file = await xlsxFile([
      ['已复核例外名单'],
      ['序号', '姓名', '身份证号码', '规则', '复核人', '复核日期', '复核意见'],
      [1, '张三', A, 'duplicate', '王审核', new Date(Date.UTC(2024, 2, 20)), '同一人两个单位兼职，已核实'],
    ]);
    expect(await loadExceptionsList(file)).toEqual([
      { idNumber: A, ruleId: 'duplicate', reviewer: '王审核', date: '2024-03-20', note: '同一人两个单位兼职，已核实', origin: `${file} [名单]:3` },
    ]);
  });

  it('accepts any kebab-case rule id when the rule set is not given (unknown ones then match nothing)', async () => {
    const file = csvFile([HEAD, `${A},no-such-rule,王审核,2024-03-20,x`]);
    expect((await loadExceptionsList(file)).map((e) => e.ruleId)).toEqual(['no-such-rule']);
  });

  it.each([
    ['an unknown rule id', `${A},cpd-hour,王审核,2024-03-20,x`, 'B3', '规则集中没有规则"cpd-hour"。可用的规则：cpd-hours、seniority、duplicate'],
    ['a rule id that is not one', `${A},继续教育,王审核,2024-03-20,x`, 'B3', '不是规则编号'],
    ['a blank rule id', `${A},,王审核,2024-03-20,x`, 'B3', '规则编号（ruleId）为空'],
    ['a blank reviewer', `${A},seniority,,2024-03-20,x`, 'C3', '复核人'],
    ['a blank note', `${A},seniority,王审核,2024-03-20,`, 'E3', '复核说明'],
    ['a blank date', `${A},seniority,王审核,,x`, 'D3', '复核日期为空'],
    ['an unreadable date', `${A},seniority,王审核,下周,x`, 'D3', '无法识别日期'],
    ['a blank ID', `,seniority,王审核,2024-03-20,x`, 'A3', '身份证号为空'],
    ['the same person and rule twice', `${A},cpd-hours,李复核,2024-03-21,y`, 'B3', '与第2行重复'],
  ])('refuses %s, naming the row and column', async (_what, line, cell, words) => {
    const file = csvFile([HEAD, `${A},cpd-hours,王审核,2024-03-20,x`, line]);
    const err = await refusal(loadExceptionsList(file, known));
    expect(err.code).toBe('list-row');
    expect(err.text.zh).toContain('例外名单');
    expect(err.text.zh).toContain('第3行');
    expect(err.text.zh).toContain(`（${cell}）`);
    expect(err.text.zh).toContain(words);
  });

  it('refuses a list missing a column', async () => {
    const err = await refusal(loadExceptionsList(csvFile(['身份证号,ruleId,复核人,日期', `${A},cpd-hours,王审核,2024-03-20`])));
    expect(err.code).toBe('list-columns');
    expect(err.text.zh).toContain('缺少"说明"列');
  });
});
