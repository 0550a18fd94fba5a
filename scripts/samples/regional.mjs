// The regional sample: what a city office receives from four employers, each in its own header
// style. samples/regional/expected.json holds the hand-checked verdicts.
//  - 宁波某某电气: title row, 填报单位 row, two-row merged header (继续教育学时 / 年度考核 over the
//    years), the publicity as one cell "2024年3月11日至3月15日", a 填表人 line under the data.
//  - 温州某某研究院: a CSV saved by Chinese Excel (GB18030), a 事业单位 with other aliases.
//  - 中电某某研究所: a ministry unit (部属在浙单位) with the per-year 公需/专业 split.
//  - 杭州某某信息中心: a 参公 unit sending a bare roster (no process columns).
// 郭涛 is on two employers' rosters (he moved from the 研究所 to the 电气 company).
import { makeId } from './id-number.mjs';

const guoTao = { name: '郭涛', sex: '男', idNumber: makeId('330106', '1980-12-05', '男', 17) };

function who(name, sex, birth, region, seq) {
  return { name, sex, idNumber: makeId(region, birth, sex, seq), birth };
}

// ── 宁波某某电气股份有限公司 (xlsx, title rows + two-row header) ─────────────────────────────────
export const ningbo = {
  file: '宁波某某电气-花名册.xlsx',
  unit: '宁波某某电气股份有限公司',
  title: '2023年度正高级工程师职务任职资格申报人员花名册',
  filler: '填报单位（盖章）：宁波某某电气股份有限公司',
  fillDate: '填报日期：2024年3月20日',
  footer: '填表人：王某某    联系电话：0574-87000000',
  // [top header, sub headers] — a group title spans its sub headers; others span both rows.
  header: [
    ['序号'],
    ['姓名'],
    ['性别'],
    ['身份证号码'],
    ['出生年月'],
    ['单位名称'],
    ['单位性质'],
    ['所在地区'],
    ['申报专业'],
    ['申报资格'],
    ['现职称'],
    ['取得时间'],
    ['最高学历'],
    ['最高学位'],
    ['继续教育学时', ['2021年', '2022年', '2023年']],
    ['学时登记'],
    ['年度考核', ['2021年', '2022年', '2023年']],
    ['业绩档案审核'],
    ['处分情况'],
    ['个人申报日期'],
    ['公示时间'],
    ['推荐日期'],
    ['主管部门推荐日期'],
  ],
  rows: () => {
    const unit = '宁波某某电气股份有限公司';
    const row = (p, titleDate, over = {}) => {
      const r = {
        name: p.name,
        sex: p.sex,
        idNumber: p.idNumber,
        birth: p.birth ? p.birth.slice(0, 7).replace('-', '.') : '1980.12',
        unit,
        unitType: '企业',
        region: '宁波市鄞州区',
        specialty: '机电制造',
        level: '正高级工程师',
        title: '高级工程师',
        titleDate,
        education: '大学本科',
        degree: '工学学士',
        cpd: [98, 96, 104],
        registered: '是',
        assessment: ['合格', '合格', '优秀'],
        archive: '是',
        discipline: '无',
        applyDate: '2024-03-05',
        period: '2024年3月11日至3月15日',
        recommend: '2024-03-18',
        lower: '2024-04-08',
        ...over,
      };
      return [
        r.name, r.sex, r.idNumber, r.birth, r.unit, r.unitType, r.region, r.specialty, r.level, r.title, date(r.titleDate),
        r.education, r.degree, ...r.cpd, r.registered, ...r.assessment, r.archive, r.discipline, date(r.applyDate), r.period,
        date(r.recommend), date(r.lower),
      ];
    };
    return [
      // pass
      row(who('孙建华', '男', '1974-08-12', '330212', 13), '2013-12-30'),
      // fail: the publicity ran 3 working days
      row(who('林晓燕', '女', '1979-02-26', '330203', 24), '2016-12-30', { period: '2024年3月11日至3月13日' }),
      // fail: 85 CPD hours in 2022
      row(who('黄志刚', '男', '1976-06-30', '330212', 36), '2015-12-28', { cpd: [96, 85, 100] }),
      // fail: also on 中电某某研究所's roster
      row({ ...guoTao, birth: '1980-12-05' }, '2017-12-26', { specialty: '信息技术' }),
      // fail: recommended by the city on 2024-04-12, after the 2024-04-10 deadline
      row(who('徐丽华', '女', '1982-09-14', '330205', 42), '2016-12-30', { lower: '2024-04-12' }),
    ];
  },
};

// ── 温州某某研究院 (CSV, GB18030) ───────────────────────────────────────────────────────────────
export const wenzhou = {
  file: '温州某某研究院-花名册.csv',
  header: [
    '序号', '姓名', '性别', '身份证号', '工作单位', '单位类型', '单位所在地', '岗位核验', '现从事专业技术工作', '申报级别', '评审专业',
    '现任专业技术职务', '资格取得时间', '最高学历', '最高学位', '2021年学时', '2022年学时', '2023年学时', '学时已登记', '2021年考核',
    '2022年考核', '2023年考核', '受处分情况', '业绩档案', '社保缴纳单位', '网上申报日期', '公示开始', '公示结束', '单位推荐日期',
    '主管部门推荐日期',
  ],
  rows: () => {
    const unit = '温州某某研究院';
    const row = (p, titleDate, over = {}) => {
      const r = {
        post: '是',
        job: '工程技术研究',
        specialty: '材料',
        education: '硕士研究生',
        degree: '硕士',
        cpd: ['96', '92', '98'],
        discipline: '无',
        ...over,
      };
      return [
        p.name, p.sex, p.idNumber, unit, '事业单位', '温州市鹿城区', r.post, r.job, '正高级工程师', r.specialty, '高级工程师', titleDate,
        r.education, r.degree, ...r.cpd, '是', '合格', '合格', '合格', r.discipline, '是', unit, '2024-03-04', '2024/3/11', '2024/3/15',
        '20240318', '2024-04-08',
      ];
    };
    return [
      // pass
      row(who('周立新', '男', '1973-03-21', '330302', 6), '2012-12'),
      // fail: post not verified in the personnel system
      row(who('陈晓红', '女', '1978-11-08', '330304', 20), '2016-12', { post: '否' }),
      // fail: 记过 of 2023-11, still running on 2024-03-08 (事业单位)
      row(who('吴国平', '男', '1975-04-17', '330303', 34), '2014-12', { discipline: '2023年11月 记过' }),
      // pass, with a note: a 警告 of 2021-05 ended long ago
      row(who('郑海燕', '女', '1980-06-02', '330302', 28), '2017-12', { discipline: '2021年5月 警告' }),
      // review: post verification left blank
      row(who('林峰', '男', '1977-09-26', '330304', 39), '2015-12', { post: '' }),
    ];
  },
};

// ── 中电某某研究所 (部属在浙单位, xlsx with the CPD split) ──────────────────────────────────────────
export const ministry = {
  file: '中电某某研究所-花名册.xlsx',
  header: [
    '序号', '姓名', '性别', '公民身份号码', '单位名称', '单位性质', '所属地区', '主管部门委托', '申报职称', '申报评审专业', '现资格名称',
    '现资格取得时间', '学历', '学位',
    '2021年继续教育学时', '2021年公需科目学时', '2021年专业科目学时',
    '2022年继续教育学时', '2022年公需科目学时', '2022年专业科目学时',
    '2023年继续教育学时', '2023年公需科目学时', '2023年专业科目学时',
    '学时登记', '2021年度考核', '2022年度考核', '2023年度考核', '处分情况', '业绩档案审核', '现从事工作', '社保缴纳单位',
    '个人申报日期', '公示开始', '公示结束', '单位推荐日期', '主管部门推荐日期',
  ],
  rows: () => {
    const unit = '中电某某研究所';
    const row = (p, titleDate, over = {}) => {
      const r = {
        entrusted: '是',
        split: [[96, 30, 66], [100, 32, 68], [94, 30, 64]],
        ...over,
      };
      return [
        p.name, p.sex, p.idNumber, unit, '部属在浙单位', '杭州市西湖区', r.entrusted, '正高级工程师', '信息技术', '高级工程师',
        date(titleDate), '大学本科', '学士', ...r.split.flat(), '是', '优秀', '合格', '合格', '无', '是', '电子信息系统研发', unit,
        date('2024-03-04'), date('2024-03-11'), date('2024-03-15'), date('2024-03-18'), date('2024-04-08'),
      ];
    };
    return [
      // fail: also on 宁波某某电气's roster
      row(guoTao, '2017-12-26'),
      // fail: the ministry did not entrust the review to Zhejiang
      row(who('马丽', '女', '1981-01-19', '330106', 45), '2016-12-20', { entrusted: '否' }),
      // review: entrustment left blank
      row(who('高原', '男', '1976-07-23', '330108', 2), '2013-12-20', { entrusted: '' }),
      // review: 2022 professional-subject hours 50 (< 60) although the total is 95
      row(who('罗敏', '女', '1983-05-30', '330106', 47), '2017-12-20', { split: [[96, 30, 66], [95, 45, 50], [94, 30, 64]] }),
    ];
  },
};

// ── 杭州某某信息中心 (参公, a bare roster) ──────────────────────────────────────────────────────────
export const civil = {
  file: '杭州某某信息中心-花名册.xlsx',
  header: ['序号', '姓名', '身份证号', '工作单位', '单位性质', '单位所在地', '申报专业', '现专业技术资格', '现资格取得时间', '学历', '学位', '2021年继续教育学时', '2022年继续教育学时', '2023年继续教育学时'],
  rows: () => {
    const unit = '杭州某某信息中心';
    const row = (p, titleDate) => [p.name, p.idNumber, unit, '参照公务员法管理的事业单位', '杭州市上城区', '信息技术', '高级工程师', date(titleDate), '大学本科', '学士', 96, 96, 100];
    return [
      // fail: staff of a 参公 institution may not apply
      row(who('钟伟', '男', '1975-10-10', '330102', 4), '2014-12-30'),
      row(who('蔡琴', '女', '1979-12-22', '330102', 48), '2016-12-30'),
    ];
  },
};

/** An ISO date as a marker for a real Excel date cell. */
export function date(iso) {
  return { date: iso };
}
