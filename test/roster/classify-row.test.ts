import { describe, expect, it } from 'vitest';
import type { CellValue, FieldColumn, FieldId, RawRow } from '../../src/core/types.js';
import { classifyRow } from '../../src/roster/classify-row.js';

const s = (text: string): CellValue => ({ kind: 'string', text });
const fields = new Map<FieldId, FieldColumn>([
  ['seq', { col: 0, letter: 'A', header: '序号' }],
  ['name', { col: 1, letter: 'B', header: '姓 名' }],
  ['idNumber', { col: 2, letter: 'C', header: '身份证号（18位）' }],
  ['unit', { col: 3, letter: 'D', header: '工作单位' }],
]);
const row = (...cells: (CellValue | undefined)[]): RawRow => ({ row: 9, cells });

describe('classifyRow', () => {
  it('a row with nothing is blank; one with only 序号 is a row numbered ahead, counted by the caller', () => {
    expect(classifyRow(row(s('3')), fields)).toBe('numbered');
    expect(classifyRow(row(undefined, s('  '), undefined), fields)).toBe('blank');
    expect(classifyRow(row(), fields)).toBe('blank');
  });

  it('a half-filled row is an applicant, never skipped', () => {
    expect(classifyRow(row(s('1'), s('张三')), fields)).toBe('applicant');
    expect(classifyRow(row(undefined, undefined, undefined, s('某公司')), fields)).toBe('applicant');
  });

  it('the header written again (however spaced or noted) is a header repeat', () => {
    expect(classifyRow(row(s('序号'), s('姓名'), s('身份证号')), fields)).toBe('header-repeat');
    expect(classifyRow(row(undefined, s('姓　名'), s('身份证号(18位)')), fields)).toBe('header-repeat');
    // The same layout again: the header keys are remembered per layout, and must still be right.
    expect(classifyRow(row(undefined, s('姓名'), s('110101199003074514')), fields)).toBe('applicant');
    // Full-width notes and spaces around the header text still normalise to it.
    expect(classifyRow(row(undefined, s(' 【必填】姓 名： '), s('身份证号（18位）')), fields)).toBe('header-repeat');
    // A name holding the header's first character is still a name.
    expect(classifyRow(row(undefined, s('姓王'), s('身份证号')), fields)).toBe('applicant');
  });

  it('another layout gets its own header keys', () => {
    const other = new Map<FieldId, FieldColumn>([
      ['name', { col: 0, letter: 'A', header: '申报人' }],
      ['idNumber', { col: 1, letter: 'B', header: '证件号码' }],
    ]);
    expect(classifyRow(row(s('申报人'), s('证件号码')), other)).toBe('header-repeat');
    expect(classifyRow(row(s('申报人'), s('证件号码')), fields)).toBe('applicant');
  });

  it('a note or signature line without an ID is a note', () => {
    // Only the 序号 column filled, but a note: listed as skipped, not silently dropped.
    expect(classifyRow(row(s('填表说明：请如实填写')), fields)).toBe('note');
    expect(classifyRow(row(s('7')), fields)).toBe('numbered');
    expect(classifyRow(row(s('12.')), fields)).toBe('numbered');
    // A group heading, in the 序号 column or alone in the 姓名 column, is named too.
    expect(classifyRow(row(s('一、机电制造专业（2人）')), fields)).toBe('note');
    expect(classifyRow(row(undefined, s('二、信息技术专业')), fields)).toBe('note');
    // A name alone is still a (half-filled) applicant, screened and failing, not skipped.
    expect(classifyRow(row(undefined, s('张三')), fields)).toBe('applicant');
    expect(classifyRow(row(undefined, s('填表人：李四')), fields)).toBe('note');
    expect(classifyRow(row(undefined, s('合计'), undefined, s('3人')), fields)).toBe('note');
  });

  const n = (value: number): CellValue => ({ kind: 'number', value });
  it.each<[string, RawRow]>([
    ['a total with summed hours', row(s('合 计'), undefined, undefined, s('3人'), n(288))],
    ['小计 in the name column', row(undefined, s('小计'), undefined, s('2人'))],
    ['a subtotal named after its employer', row(s('杭州某某科技有限公司 小计'), undefined, undefined, s('2人'))],
    ['总计', row(s('总计：'), undefined, undefined, n(5))],
    ['a signature line', row(s('填表人：'), undefined, s('审核人：王五'))],
    ['a phone in the ID column', row(s('联系电话：'), undefined, s('0571-87654321'))],
    ['a mobile number in the ID column', row(undefined, s('联系人：李四'), s('13812345678'))],
    ['a date of filling', row(undefined, s('填报日期：2024年3月1日'))],
    ['a bare date', row(undefined, undefined, undefined, s('2024年3月1日'))],
    ['a bare ISO date', row(undefined, s('2024-03-01'))],
    ['a note', row(s('注：1.身份证号请设置为文本格式'))],
    ['说明：', row(undefined, s('说明：本表一式两份'), undefined, s('另附材料'))],
    ['备注：', row(s('备注：'), undefined, undefined, s('无'))],
    ['a seal line', row(undefined, undefined, undefined, s('单位（盖章）'))],
    ['盖章 alone', row(undefined, s('（盖章）'))],
    ['（单位盖章）', row(undefined, undefined, undefined, s('（单位盖章）'))],
    ['a signature blank', row(s('主管部门负责人签字：'))],
  ])('the end of the table: %s is a note', (_n, r) => {
    expect(classifyRow(r, fields)).toBe('note');
  });

  it('something ID-like in the ID column makes an applicant, whatever the first cell says', () => {
    expect(classifyRow(row(s('合计'), s('张三'), s('330106197102114319')), fields)).toBe('applicant');
    expect(classifyRow(row(s('注：'), undefined, s('33010619710211431')), fields)).toBe('applicant'); // 17 digits: a mistyped ID
    expect(classifyRow(row(s('备注'), undefined, s('330106********4319')), fields)).toBe('applicant');
  });

  it('a name-like value with applicant data beside it makes an applicant', () => {
    expect(classifyRow(row(s('说明'), s('李四'), undefined, s('某公司')), fields)).toBe('applicant');
    expect(classifyRow(row(undefined, s('阿依古丽·买买提'), undefined, s('某公司')), fields)).toBe('applicant');
    // A name alone, without data, under a 填表人 line is still that line.
    expect(classifyRow(row(s('填表人：'), s('李四')), fields)).toBe('note');
  });

  it('a row without a name or ID that is no footer stays an applicant (it gets its findings)', () => {
    expect(classifyRow(row(s('5'), undefined, undefined, s('某公司')), fields)).toBe('applicant');
  });

  it('a formula never calculated counts as data beside a value, or in 姓名 or 身份证号', () => {
    expect(classifyRow({ row: 9, cells: [s('3'), undefined, undefined, s('某公司')], uncomputed: [3] }, fields)).toBe('applicant');
    expect(classifyRow({ row: 9, cells: [s('3')], uncomputed: [1] }, fields)).toBe('applicant');
    expect(classifyRow({ row: 9, cells: [s('3')], uncomputed: [2, 3] }, fields)).toBe('applicant');
    expect(classifyRow({ row: 9, cells: [s('3'), s('张三')], uncomputed: [3] }, fields)).toBe('applicant');
  });

  it('序号 and formulas never calculated, nothing else: a template row (counted by the caller)', () => {
    expect(classifyRow({ row: 9, cells: [s('3')], uncomputed: [3] }, fields)).toBe('template');
    expect(classifyRow({ row: 9, cells: [], uncomputed: [3] }, fields)).toBe('template');
    // Words beside the formula: named as a note, as without it.
    expect(classifyRow({ row: 9, cells: [s('一、机电制造专业')], uncomputed: [3] }, fields)).toBe('note');
  });
});
