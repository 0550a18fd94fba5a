// The side lists used with the employer sample: the integrity-record list (--integrity) and the
// reviewer's accepted exceptions (--exceptions).
import { makeId } from './id-number.mjs';
import { date } from './regional.mjs';

/** ID of an employer applicant by roster number (序号). */
function idOf(applicants, seq) {
  const a = applicants.find((x) => x.seq === seq);
  if (!a) throw new Error(`no employer applicant ${seq}`);
  return a.idNumber;
}

export function integrityList(applicants) {
  return {
    file: '诚信档案名单.xlsx',
    title: '职称评审诚信档案库记录名单（摘录，截至2024年3月）',
    header: ['序号', '姓名', '身份证号', '决定日期', '截止日期', '事由'],
    rows: [
      // in force on 2024-03-08 (until 2025-05-10): 魏强 fails
      ['魏强', idOf(applicants, 24), date('2022-05-10'), null, '申报2021年度职称时提供虚假业绩材料'],
      // ended 2023-11-20 (3 years): 刘洋 (row 5) is not affected
      ['刘洋', idOf(applicants, 4), date('2020-11-20'), null, '剽窃他人学术成果'],
      // on no roster
      ['马某某', makeId('330281', '1976-02-14', '男', 50), date('2023-08-15'), date('2026-08-15'), '伪造学历证书'],
    ],
  };
}

export function exceptionsList(applicants) {
  return {
    file: '例外.xlsx',
    header: ['身份证号', '姓名', 'ruleId', '复核人', '日期', '说明'],
    rows: [
      [idOf(applicants, 14), '何军', 'retirement-age', '人事处 王某某', date('2024-03-20'), '经批准延长退休至2026年5月，已附批准文件'],
      [idOf(applicants, 21), '张敏', 'social-insurance', '人事处 王某某', date('2024-03-20'), '人事代理，社保由杭州某某人力资源服务有限公司代缴，劳动合同与本公司签订，已附说明'],
      // matches nothing (the roster has no 公需/专业 split): reported as an unused exception
      [idOf(applicants, 1), '王建国', 'cpd-split', '人事处 王某某', date('2024-03-20'), '2023年专业科目学时以证书为准'],
    ],
  };
}
