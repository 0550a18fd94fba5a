import type { Localized } from '../core/types.js';

// What each roster column means and an example value, for the instructions sheet (填写说明).
// Accepted values of the dropdown columns and the deadlines are added from the rule set.

export interface ColumnNote {
  meaning: Localized;
  /** Accepted forms beyond a dropdown, e.g. the date forms. */
  forms?: Localized;
  example: string;
}

const DATE_FORMS: Localized = {
  zh: '日期，如 2024-03-11；也可写 2024年3月11日、2024/3/11、20240311',
  en: 'a date such as 2024-03-11; 2024年3月11日, 2024/3/11 and 20240311 also work',
};
const MONTH_FORMS: Localized = {
  zh: '年月或日期，如 1993-07、1993年7月、1993-07-01',
  en: 'a month or a date: 1993-07, 1993年7月, 1993-07-01',
};
const HOURS_FORMS: Localized = { zh: '学时数，如 96 或 96学时', en: 'a number of hours: 96 or 96学时' };
const YES_NO_FORMS: Localized = { zh: '是 或 否（下拉选择）', en: '是 (yes) or 否 (no), from the dropdown' };

export const COLUMN_NOTES: Record<string, ColumnNote> = {
  seq: { meaning: { zh: '序号，可不填', en: 'row number; optional' }, example: '1' },
  name: { meaning: { zh: '申报人姓名（必填）', en: "applicant's name (required)" }, example: '张三' },
  sex: { meaning: { zh: '性别，须与身份证号一致', en: 'sex; must agree with the ID number' }, forms: { zh: '男 或 女', en: '男 (male) or 女 (female)' }, example: '男' },
  idNumber: {
    meaning: { zh: '18位公民身份号码（必填）；本列已设为文本格式，请勿改为数字格式', en: '18-character citizen ID number (required); the column is formatted as text — do not change it to a number format' },
    forms: { zh: '18位，末位可为X', en: '18 characters; the last may be X' },
    example: '330106197102114319',
  },
  birthDate: {
    meaning: { zh: '出生年月，须与身份证号一致；本列为文本格式，填到月即可', en: 'date of birth; must agree with the ID number; text column, the month is enough' },
    forms: MONTH_FORMS,
    example: '1971-02',
  },
  phone: { meaning: { zh: '联系电话（手机）', en: 'phone number' }, example: '13800000000' },
  unit: { meaning: { zh: '工作单位全称（与公章一致）', en: 'full name of the employer' }, example: '杭州某某科技有限公司' },
  unitType: {
    meaning: { zh: '单位性质；参照公务员法管理的事业单位和机关人员不能申报', en: 'employer type; staff of 参公 institutions and government organs may not apply' },
    example: '企业',
  },
  unitRegion: { meaning: { zh: '单位所在地（设区市及县/区）', en: 'where the employer is (city and county/district)' }, example: '杭州市西湖区' },
  entrusted: { meaning: { zh: '在浙部属单位是否经主管部门委托（其他单位不填）', en: 'ministry units in Zhejiang: entrusted by the ministry? (others leave blank)' }, forms: YES_NO_FORMS, example: '' },
  postVerified: {
    meaning: { zh: '事业单位人员是否已在浙江省事业单位人事工资管理服务系统中核定岗位（企业不填）', en: 'public-institution staff: post verified in the provincial personnel system? (enterprises leave blank)' },
    forms: YES_NO_FORMS,
    example: '',
  },
  insuranceUnit: { meaning: { zh: '社保缴纳单位，一般应与工作单位一致', en: 'employer paying social insurance; normally the employer above' }, example: '杭州某某科技有限公司' },
  jobType: { meaning: { zh: '现从事的工作，须为工程技术或工程技术管理', en: 'current work; must be engineering or engineering management' }, example: '工程技术' },
  applyLevel: { meaning: { zh: '申报资格', en: 'level applied for' }, example: '正高级工程师' },
  specialty: { meaning: { zh: '申报专业（决定评审委员会和评价条件）', en: 'specialty applied for (decides the committee and conditions)' }, example: '信息技术' },
  currentTitle: { meaning: { zh: '现专业技术资格，须为高级工程师', en: 'current title; must be 高级工程师' }, example: '高级工程师' },
  currentTitleSpecialty: { meaning: { zh: '现资格的专业', en: 'specialty of the current title' }, example: '计算机应用' },
  currentTitleDate: {
    meaning: { zh: '取得现资格（高级工程师）的时间，以资格证书为准', en: 'date the current title (高级工程师) was obtained, as on the certificate' },
    forms: DATE_FORMS,
    example: '2015-12-30',
  },
  poge: { meaning: { zh: '是否破格申报（不破格可填否或不填）', en: 'applying as an exception (破格)? (否 or blank if not)' }, forms: YES_NO_FORMS, example: '否' },
  education: { meaning: { zh: '最高学历', en: 'highest education' }, example: '大学本科' },
  degree: { meaning: { zh: '最高学位（无学位填"无"）', en: 'highest degree (无 if none)' }, example: '学士' },
  gradDate: { meaning: { zh: '最高学历毕业时间', en: 'graduation date of the highest education' }, forms: MONTH_FORMS, example: '1993-07' },
  workStart: { meaning: { zh: '参加工作时间', en: 'date of starting work' }, forms: MONTH_FORMS, example: '1993-08' },
  cpdRegistered: {
    meaning: { zh: '继续教育学时是否已在浙江省工业和信息化领域专业技术人员继续教育学时登记管理系统登记', en: 'CPD hours registered in the provincial CPD registration system?' },
    forms: YES_NO_FORMS,
    example: '是',
  },
  discipline: {
    meaning: { zh: '处分情况；无处分填"无"，有处分写明种类和日期', en: 'disciplinary record; 无 if none, else the sanction and its date' },
    forms: { zh: '无；或如"2023年9月 记过"', en: '无, or e.g. "2023年9月 记过"' },
    example: '无',
  },
  archiveApproved: {
    meaning: { zh: '个人业绩档案库是否已建立并经所在单位审查通过', en: 'personal achievement archive set up and approved by the employer?' },
    forms: YES_NO_FORMS,
    example: '是',
  },
  achievements: { meaning: { zh: '主要业绩成果（由评审委员会评审，本工具不作判断）', en: 'main achievements (judged by the committee, not by this tool)' }, example: '主持省级重点研发项目1项' },
  applyDate: { meaning: { zh: '在职称管理服务平台提交个人申报的日期', en: 'date of the online individual application' }, forms: DATE_FORMS, example: '2024-03-01' },
  publicStart: { meaning: { zh: '单位公示开始日期', en: 'first day of the in-unit publicity' }, forms: DATE_FORMS, example: '2024-03-11' },
  publicEnd: { meaning: { zh: '单位公示结束日期', en: 'last day of the in-unit publicity' }, forms: DATE_FORMS, example: '2024-03-15' },
  recommendDate: { meaning: { zh: '所在单位推荐（审核通过）日期，须在公示期满后', en: "employer's recommendation date; after the publicity has ended" }, forms: DATE_FORMS, example: '2024-03-18' },
  lowerLevelDate: { meaning: { zh: '主管部门（下一级评委会）审核推荐日期，由主管部门填写', en: 'recommendation date of the lower-level body (filled in by it)' }, forms: DATE_FORMS, example: '2024-04-01' },
};

const CPD_YEAR = /^cpd(\d{4})$/;
const ASSESSMENT_YEAR = /^assessment(\d{4})$/;

/** The note for a column; per-year columns are described from their year. */
export function columnNote(id: string): ColumnNote | undefined {
  const direct = COLUMN_NOTES[id];
  if (direct) return direct;
  const cpd = CPD_YEAR.exec(id);
  if (cpd) {
    return {
      meaning: { zh: `${cpd[1]}年度继续教育学时（登记系统中的年度合计）`, en: `CPD hours of ${cpd[1]} (the year's total as registered)` },
      forms: HOURS_FORMS,
      example: '96',
    };
  }
  const assessment = ASSESSMENT_YEAR.exec(id);
  if (assessment) {
    return { meaning: { zh: `${assessment[1]}年度考核结果`, en: `annual assessment of ${assessment[1]}` }, example: '合格' };
  }
  return undefined;
}
