// A RunResult built by hand: a regional office's run over three employers' rosters (two xlsx, one
// CSV), with passes, reviews, fails, a cross-file duplicate, an accepted and a stale exception.
import type { ApplicantResult, Finding, Severity } from '../../src/core/types.js';
import { checkDigit } from '../../src/normalize/id-number.js';
import type { RosterInput, RunResult } from '../../src/report/run-result.js';
import { RuleSetSchema, type RuleSet } from '../../src/rules/schema.js';

export function idNumber(first17: string): string {
  return first17 + checkDigit(first17);
}

export const IDS = {
  zhang: idNumber('33010619710211431'),
  li: idNumber('33010219800315222'),
  wang: idNumber('33020319750101123'),
  zhao: idNumber('33020419680520561'),
  sun: idNumber('33030219820808002'),
  zhou: idNumber('33030319770707771'),
};

function finding(ruleId: string, severity: Severity, cell: string | null, zh: string, en: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    outcome: 'x',
    severity,
    cell,
    column: cell ? '列' : null,
    value: null,
    message: { zh, en },
    source: { zh: '〔浙经信人事〔2023〕291号〕', en: '[浙经信人事〔2023〕291号]' },
    ...extra,
  };
}

function applicant(p: Partial<ApplicantResult> & Pick<ApplicantResult, 'name' | 'idNumber' | 'row' | 'input'>): ApplicantResult {
  const files = ['rosters/甲公司.xlsx', 'rosters/乙公司.xlsx', 'rosters/丙单位.csv'];
  return {
    file: files[p.input]!,
    sheet: p.input === 2 ? '丙单位' : 'Sheet1',
    unit: '',
    specialty: '',
    status: 'pass',
    findings: [],
    ...p,
  };
}

const passFields = (extra: Record<string, string> = {}): Record<string, string> => ({
  sex: '男',
  unitType: '企业',
  currentTitle: '高级工程师',
  currentTitleDate: '2015-12-30',
  education: '大学本科',
  degree: '学士',
  cpd2021: '96',
  cpd2022: '100',
  cpd2023: '92',
  ...extra,
});

export function makeRun(over: Partial<RunResult> = {}): RunResult {
  const applicants: ApplicantResult[] = [
    applicant({ input: 0, row: 4, name: '张三', idNumber: IDS.zhang, unit: '杭州甲科技有限公司', specialty: '信息技术', fields: passFields({ birthDate: '1971-02', unitRegion: '杭州市西湖区' }) }),
    applicant({
      input: 0,
      row: 5,
      name: '李四',
      idNumber: IDS.li,
      unit: '杭州甲科技有限公司',
      specialty: '人工智能',
      fields: passFields({ sex: '女', unitRegion: '杭州市西湖区' }),
      findings: [
        finding('specialty', 'info', 'J5', '按信息技术专业申报，适用〔2023〕240号', 'applies under 信息技术 per 〔2023〕240号'),
        finding('cpd-split', 'info', 'M5', '2022年专业科目学时 55 < 60', '2022 professional hours 55 < 60', {
          exception: { reviewer: '王审核', date: '2024-03-20', note: '已补登记证明', originalSeverity: 'warn' },
        }),
      ],
    }),
    applicant({
      input: 1,
      row: 3,
      name: '王五',
      idNumber: IDS.wang,
      unit: '宁波乙机械有限公司',
      specialty: '机电制造',
      status: 'fail',
      fields: passFields({ unitRegion: '宁波市' }),
      findings: [
        finding('cpd-hours', 'error', 'K3', '2021年继续教育学时 72 < 90，差 18 学时', '2021 CPD hours 72 < 90, 18 short', { value: '72' }),
        finding('duplicate', 'error', 'C3', `身份证号 ${IDS.wang} 与 丙单位.csv 第2行重复`, `ID ${IDS.wang} repeats 丙单位.csv row 2`),
        finding('seniority', 'warn', 'H3', '取得高级工程师满5年的时间需复核', 'seniority needs review'),
      ],
    }),
    applicant({
      input: 1,
      row: 4,
      name: '赵六',
      idNumber: IDS.zhao,
      unit: '宁波乙机械有限公司',
      specialty: '机电',
      status: 'review',
      fields: passFields({ unitRegion: '宁波市' }),
      findings: [finding('retirement-age', 'warn', 'C4', '2024-03-08 时已满55周岁（女）', 'aged 55 (female) on 2024-03-08')],
    }),
    applicant({
      input: 2,
      row: 2,
      name: '钱七',
      idNumber: IDS.wang,
      unit: '温州丙研究院',
      specialty: '材料',
      status: 'fail',
      fields: passFields({ unitType: '事业单位' }),
      findings: [
        finding('duplicate', 'error', 'B2', `身份证号 ${IDS.wang} 与 乙公司.xlsx 第3行重复`, `ID ${IDS.wang} repeats 乙公司.xlsx row 3`),
        finding('unit-type', 'error', 'E2', '单位性质"=HYPERLINK(1)"无法识别', 'unit type "=HYPERLINK(1)" not recognised', { value: '=HYPERLINK(1)' }),
      ],
    }),
    applicant({ input: 2, row: 3, name: '孙八', idNumber: IDS.sun, unit: '温州丙研究院', specialty: '材料', fields: passFields({ cpd2021: '90.5', sex: '' }) }),
    applicant({ input: 2, row: 4, name: '周九', idNumber: IDS.zhou, unit: '温州丙研究院', specialty: '能源工程', fields: passFields() }),
  ];
  const summary = { total: applicants.length, pass: 0, review: 0, fail: 0 };
  for (const a of applicants) summary[a.status]++;
  const input = (file: string, sheet: string, kind: 'xlsx' | 'csv', n: number, sha: string): RosterInput => ({
    file,
    kind,
    sheet,
    sheetIndex: 0,
    headerRow: kind === 'csv' ? 1 : 3,
    headerTop: kind === 'csv' ? 1 : 3,
    width: 20,
    applicants: n,
    sha256: sha.repeat(64),
    layout: { file, sheet, headerRow: 3, fields: new Map() },
    ignoredHeaders: [],
  });
  return {
    tool: { name: 'roster-screen', version: '0.1.0' },
    ruleSet: {
      id: 'zj-2023-zhenggao',
      title: { zh: '2023年度浙江省工业和信息化领域正高级工程师职务任职资格评审', en: 'Zhejiang 2023 professorate senior engineer review, industry & IT field' },
      notice: '浙经信人事〔2023〕291号',
      noticeIssued: '2023-12-29',
      sha256: 'f'.repeat(64),
      origin: 'bundled:zj-2023-zhenggao',
    },
    asOf: '2024-03-25',
    inputs: [input('rosters/甲公司.xlsx', 'Sheet1', 'xlsx', 2, 'a'), input('rosters/乙公司.xlsx', 'Sheet1', 'xlsx', 2, 'b'), input('rosters/丙单位.csv', '丙单位', 'csv', 3, 'c')],
    applicants,
    summary,
    unchecked: [{ ruleId: 'publicity-days', columns: ['公示开始', '公示结束'], files: ['rosters/丙单位.csv'], reason: { zh: '花名册无"公示开始、公示结束"列，未核验', en: 'the roster has no column "Publicity start, Publicity end"; not checked' } }],
    problems: [{ file: 'rosters/乙公司.xlsx', message: { zh: '以下列已忽略：外语', en: 'ignored: foreign language' } }],
    exceptions: [
      { entry: { idNumber: IDS.li, ruleId: 'cpd-split', reviewer: '王审核', date: '2024-03-20', note: '已补登记证明', origin: 'exceptions.csv:2' }, matched: 1 },
      { entry: { idNumber: IDS.zhou, ruleId: 'seniority', reviewer: '王审核', date: '2024-03-20', note: '旧例外', origin: 'exceptions.csv:3' }, matched: 0 },
    ],
    deadlines: [
      { id: 'individual', label: { zh: '网上个人申报截止', en: 'Individual online application deadline' }, date: '2024-03-08', daysLeft: -17 },
      { id: 'employer', label: { zh: '所在单位推荐截止', en: 'Employer recommendation deadline' }, date: '2024-03-21', daysLeft: -4 },
      { id: 'lower', label: { zh: '下一级评委会审核推荐截止', en: 'Lower-level committee recommendation deadline' }, date: '2024-04-10', daysLeft: 16 },
    ],
    rules: [
      { id: 'cpd-hours', severity: 'error', description: { zh: '近三年每年继续教育学时不少于90', en: 'CPD ≥ 90 hours a year' }, source: { zh: '', en: '' }, confidence: 'H', flagged: 1, unchecked: false },
      { id: 'duplicate', severity: 'error', description: { zh: '身份证号不得重复', en: 'No repeated ID numbers' }, source: { zh: '', en: '' }, confidence: 'design', flagged: 2, unchecked: false },
      { id: 'cpd-split', severity: 'warn', description: { zh: '花名册填写了公需科目、专业科目学时的，每年专业科目不少于60学时', en: 'Professional hours ≥ 60 a year' }, source: { zh: '', en: '' }, confidence: 'H', flagged: 0, unchecked: false },
    ],
    ...over,
  };
}

/** The part of the rule set the lists use: the `specialty` rule (committees, condition documents) and the CPD years. */
export function fixtureRuleSet(): RuleSet {
  const doc2019 = '浙经信人事〔2019〕144号';
  const doc2020 = '浙经信人事〔2020〕166号';
  return RuleSetSchema.parse({
    id: 'zj-2023-zhenggao',
    title: { zh: '2023年度浙江省工业和信息化领域正高级工程师职务任职资格评审', en: 'Zhejiang 2023 review' },
    notice: { number: '浙经信人事〔2023〕291号', title: '通知', issued: '2023-12-29' },
    round: { year: 2023, level: '正高级工程师', referenceDate: '2024-03-08', deadlines: [{ id: 'lower', label: { zh: '截止', en: 'deadline' }, date: '2024-04-10' }] },
    common: {},
    columns: [{ id: 'specialty', class: 'core', label: { zh: '申报专业', en: 'Specialty' }, aliases: ['申报专业'] }],
    rules: [
      {
        id: 'specialty',
        check: 'specialty',
        description: { zh: '申报专业', en: 'specialty' },
        params: {
          field: 'specialty',
          otherCommittee: '暂未设正高级评审委员会的专业',
          specialties: [
            { name: '机电制造', committee: '机电制造', conditionDoc: doc2019, values: ['机电'] },
            { name: '信息技术', committee: '信息技术', conditionDoc: doc2019 },
            { name: '能源', committee: '能源', conditionDoc: doc2020, values: ['能源工程'] },
            { name: '材料', committee: '材料', conditionDoc: doc2020 },
            { name: '人工智能', committee: '信息技术', conditionDoc: '浙经信人事〔2023〕240号', outcome: 'ai' },
          ],
        },
        outcomes: { blank: { severity: 'error', message: { zh: '空', en: 'blank' } } },
        sources: [{ doc: '浙经信人事〔2023〕291号' }],
        confidence: 'N',
      },
      // The list's 继续教育学时 columns are the years of this rule.
      {
        id: 'cpd-hours',
        check: 'min-hours-per-year',
        description: { zh: '继续教育学时', en: 'CPD hours' },
        params: { years: [2021, 2022, 2023].map((year) => ({ year, field: `cpd${year}` })), minHours: 90 },
        outcomes: { short: { severity: 'error', message: { zh: '不足', en: 'short' } } },
        sources: [{ doc: '浙经信人事〔2023〕291号' }],
        confidence: 'H',
      },
    ],
  });
}
