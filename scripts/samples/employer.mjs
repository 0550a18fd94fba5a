// The employer sample: the HR office of 杭州某某科技有限公司 (with its Suzhou branch and its research
// institute) fills the template of `roster-screen template` for 31 applicants. Each row tells one story;
// samples/employer/expected.json holds the hand-checked verdicts (docs/rules.md §3).
import { makeId, withWrongCheckDigit } from './id-number.mjs';

const UNIT = '杭州某某科技有限公司';
const BRANCH = '杭州某某科技有限公司苏州分公司';
const INSTITUTE = '杭州某某科技研究院';

/** A person: name, sex, birth date, ID region and sequence → the identity columns. */
function person(name, sex, birth, region, seq) {
  return { name, sex, idNumber: makeId(region, birth, sex, seq), birthDate: birth.slice(0, 7), _birth: birth };
}

/** A valid applicant of the company (passes every rule); `over` changes or blanks fields. */
function applicant(p, over = {}) {
  const y = Number(p._birth.slice(0, 4));
  const base = {
    ...p,
    phone: `1385710${String(4000 + y).slice(-4)}`,
    unit: UNIT,
    unitType: '企业',
    unitRegion: '杭州市滨江区',
    insuranceUnit: UNIT,
    jobType: '工程技术',
    applyLevel: '正高级工程师',
    specialty: '信息技术',
    currentTitle: '高级工程师',
    currentTitleSpecialty: '计算机应用',
    currentTitleDate: `${Math.min(y + 38, 2016)}-12-28`,
    poge: '否',
    education: '大学本科',
    degree: '学士',
    gradDate: `${y + 22}-07`,
    workStart: `${y + 22}-08`,
    cpd2021: 96,
    cpd2022: 102,
    cpd2023: 94,
    cpdRegistered: '是',
    assessment2021: '合格',
    assessment2022: '优秀',
    assessment2023: '合格',
    discipline: '无',
    archiveApproved: '是',
    achievements: '主持完成企业级工业互联网平台研发，获省科学技术进步奖三等奖1项',
    applyDate: '2024-03-01',
    publicStart: '2024-03-11',
    publicEnd: '2024-03-15',
    recommendDate: '2024-03-18',
  };
  const out = { ...base, ...over };
  delete out._birth;
  return out;
}

const taoRan = person('陶然', '男', '1978-10-10', '330109', 27);

/** The rows in roster order (Excel row = index + 2). */
export function employerApplicants() {
  return [
    // 1 pass: every value in the standard form.
    applicant(person('王建国', '男', '1972-04-16', '330106', 21), { education: '硕士研究生', degree: '硕士', currentTitleDate: '2014-12-26' }),
    // 2 pass, with a note: 人工智能 is filed under 信息技术 (info). Values typed the way people do.
    applicant(person('李红梅', '女', '1979-09-03', '330108', 32), {
      specialty: '人工智能',
      currentTitleDate: '2016年12月',
      cpd2021: '96学时',
      cpd2022: '１００',
      cpdRegistered: '√',
      applyDate: '2024年3月1日',
      publicStart: '2024.03.11',
    }),
    // 3 fail: 2022 CPD 72 hours (< 90).
    applicant(person('陈志强', '男', '1975-11-21', '330105', 14), { cpd2022: 72 }),
    // 4 pass (same name as row 28, different person: info only).
    applicant(person('刘洋', '男', '1981-06-08', '330110', 5), { specialty: '机电制造', currentTitleSpecialty: '机械设计' }),
    // 5 review: 高工 in "2019-03", only to the month: 5 years fall between 2024-03-01 and 2024-03-31.
    applicant(person('赵丽', '女', '1980-01-15', '330102', 18), { currentTitleDate: '2019-03' }),
    // 6 fail: 高工 since 2020-06-30, not 5 years by 2023-12-31.
    applicant(person('孙伟', '男', '1983-07-19', '330106', 33), { currentTitleDate: '2020-06-30' }),
    // 7 fail: 大学专科, no degree, not 破格.
    applicant(person('周敏', '女', '1978-03-12', '330104', 41), { education: '大学专科', degree: '无', gradDate: '1999-07', workStart: '1999-08' }),
    // 8 review: 大学专科, no degree, applies as 破格 (exception).
    applicant(person('吴刚', '男', '1970-10-05', '330103', 12), { education: '大学专科', degree: '无', poge: '是', gradDate: '1991-07', workStart: '1991-08' }),
    // 9 review: holds 高级经济师 (another 副高 series: 转评).
    applicant(person('郑芳', '女', '1976-05-27', '330106', 46), { currentTitle: '高级经济师', currentTitleSpecialty: '经济', jobType: '工程技术管理' }),
    // 10 fail: only 工程师 (below 副高), not 破格.
    applicant(person('冯涛', '男', '1985-02-14', '330108', 7), { currentTitle: '工程师', currentTitleDate: '2012-12-20' }),
    // 11 fail: ID number with a typo in the check digit.
    { ...applicant(person('陈静', '女', '1977-08-30', '330105', 29)), idNumber: withWrongCheckDigit(makeId('330105', '1977-08-30', '女', 29)) },
    // 12 fail: ID pasted as a number (3.30106E+17): the last digits are lost.
    applicant(person('蒋华', '男', '1978-03-15', '330106', 15), { _idAsNumber: true }),
    // 13 review: 性别 and 出生年月 both disagree with the ID number.
    applicant(person('韩雪', '女', '1982-12-01', '330110', 22), { sex: '男', birthDate: '1982-10' }),
    // 14 review: born 1963-05, 60 on 2024-03-08 (retirement age for men).
    applicant(person('何军', '男', '1963-05-20', '330102', 3), { currentTitleDate: '2005-12-30', education: '大学本科', gradDate: '1985-07', workStart: '1985-08' }),
    // 15 fail: publicity 2024-03-11 … 03-13, only 3 working days.
    applicant(person('杨帆', '男', '1979-04-09', '330108', 38), { publicEnd: '2024-03-13' }),
    // 16 fail: recommended during the publicity (2024-03-14, before its last day).
    applicant(person('朱琳', '女', '1981-10-22', '330109', 44), { recommendDate: '2024-03-14' }),
    // 17 fail: applied online after the 2024-03-08 deadline, and the achievement archive is not approved.
    applicant(person('秦磊', '男', '1974-01-30', '330105', 9), { applyDate: '2024-03-10', archiveApproved: '否' }),
    // 18 fail: recommended 2024-03-22, after the employer deadline 2024-03-21.
    applicant(person('许婷', '女', '1980-07-07', '330106', 16), { publicStart: '2024-03-14', publicEnd: '2024-03-20', recommendDate: '2024-03-22' }),
    // 19 review: 记过 of 2023-09 still running; the employer is an enterprise, so a person checks it.
    applicant(person('吕萍', '女', '1975-12-12', '330104', 25), { discipline: '2023年9月 记过' }),
    // 20 review: 2022 assessment 基本合格, and works in sales.
    applicant(person('施洋', '男', '1977-02-18', '330103', 31), { assessment2022: '基本合格', jobType: '市场销售' }),
    // 21 review: social insurance paid by an HR agency.
    applicant(person('张敏', '女', '1983-04-25', '330110', 11), { insuranceUnit: '杭州某某人力资源服务有限公司', currentTitleDate: '2017-12-25' }),
    // 22 fail: CPD hours not registered, and 2021 hours blank.
    applicant(person('华丽', '女', '1982-05-16', '330108', 19), { cpdRegistered: '否', cpd2021: '' }),
    // 23 review: 高工 (2011) before the graduation of an in-service master's degree (2012).
    applicant(person('金鑫', '男', '1980-08-08', '330106', 35), { education: '硕士研究生', degree: '硕士', gradDate: '2012-07', workStart: '2002-08', currentTitleDate: '2011-12-30' }),
    // 24 fail: on the integrity-record list (decided 2022-05-10, in force for 3 years).
    applicant(person('魏强', '男', '1973-06-06', '330102', 23), {}),
    // 25 pass: same name as row 5 (info only).
    applicant(person('刘洋', '男', '1984-03-27', '330109', 40), { currentTitleDate: '2018-11-30', specialty: '机电制造', currentTitleSpecialty: '电气工程' }),
    // 26, 27 fail: the same person entered twice.
    applicant(taoRan, { specialty: '能源', currentTitleSpecialty: '热能动力' }),
    applicant(taoRan, { specialty: '能源', currentTitleSpecialty: '热能动力' }),
    // 28 fail: applies for 高级工程师, not this round.
    applicant(person('应晓东', '男', '1980-03-03', '330105', 8), { applyLevel: '高级工程师' }),
    // 29 review: 电子信息 has no 正高 committee of its own.
    applicant(person('潘婷婷', '女', '1984-11-11', '330106', 26), { specialty: '电子信息', currentTitleDate: '2018-12-20' }),
    // 30 fail: works at the Suzhou branch (Jiangsu).
    applicant(person('钱峰', '男', '1979-06-16', '330110', 30), { unit: BRANCH, insuranceUnit: BRANCH, unitRegion: '江苏省苏州市' }),
    // 31 review: works at the group's research institute, a 民办非企业单位 (social organisation).
    applicant(person('沈洁', '女', '1981-09-19', '330110', 37), { unit: INSTITUTE, insuranceUnit: INSTITUTE, unitType: '民办非企业单位', unitRegion: '杭州市余杭区' }),
  ].map((a, i) => ({ seq: i + 1, ...a }));
}
