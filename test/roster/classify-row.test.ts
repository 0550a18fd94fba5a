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
  it('a row with only 序号 (or nothing) is blank', () => {
    expect(classifyRow(row(s('3')), fields)).toBe('blank');
    expect(classifyRow(row(undefined, s('  '), undefined), fields)).toBe('blank');
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
    expect(classifyRow(row(s('填表说明：请如实填写')), fields)).toBe('blank'); // only 序号 column filled
    expect(classifyRow(row(undefined, s('填表人：李四')), fields)).toBe('note');
    expect(classifyRow(row(undefined, s('合计'), undefined, s('3人')), fields)).toBe('note');
  });
});
