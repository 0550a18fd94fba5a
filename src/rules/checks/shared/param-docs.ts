import type { ParamDoc } from '../../param-doc.js';

// Meanings of params several kinds share (a kind whose param means something else gives its own).
export const COMMON = {
  field: { zh: '读取的列（列编号）', en: 'column read (column id)' },
  idField: { zh: '身份证号所在列', en: 'ID-number column' },
  nameField: { zh: '姓名所在列', en: 'name column' },
  sexField: { zh: '性别所在列', en: 'sex column' },
  birthField: { zh: '出生年月所在列', en: 'date-of-birth column' },
  pogeField: { zh: '“破格”所在列（填“是”的按破格申报处理）', en: '破格 (exception) column; “yes” means an exception application' },
  specialtyField: { zh: '专业所在列', en: 'specialty column' },
  startField: { zh: '公示开始日期所在列', en: 'publicity start column' },
  endField: { zh: '公示结束日期所在列', en: 'publicity end column' },
  periodField: { zh: '公示起止时间所在列（一格写起止）', en: 'publicity period column (start and end in one cell)' },
  blank: { zh: '单元格为空时报告的结果；null = 空白也可以', en: 'outcome for a blank cell; null = blank is fine' },
  when: { zh: '只在另一列满足条件时检查（field、values、contains、except）', en: 'checked only when another column matches (field, values, contains, except)' },
  accept: { zh: '通过的取值：values 完全相同，contains 包含即可', en: 'values that pass: values = exact, contains = substring' },
  below: { zh: '低于要求的资格或学历', en: 'titles or education below the requirement' },
} satisfies Record<string, ParamDoc>;
