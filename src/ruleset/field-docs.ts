import type { Localized } from '../core/types.js';

// What each field of a rule-set file means, in the words an office uses: shown as comments by
// `rules init` and as descriptions in the generated JSON Schema. `yearly` marks what a new notice
// changes every year. A check kind's params carry their meanings on their own schemas (doc() in
// src/rules/param-doc.ts).

export interface FieldDoc extends Localized {
  yearly?: boolean;
}

const d = (zh: string, en: string, yearly = false): FieldDoc => (yearly ? { zh, en, yearly } : { zh, en });

/** Fields of the file outside `rules[].params`, by dotted path (array items as `[]`). */
export const FIELD_DOCS: Record<string, FieldDoc> = {
  $schema: d('JSON Schema 的位置，供编辑器补全和检查', 'where the JSON Schema is, for editor completion and checks'),
  id: d('规则集编号，小写字母、数字和连字符，如 zj-yyyy-zhenggao（yyyy 为评审年度）', 'rule-set id: lower-case letters, digits, hyphens, e.g. zj-yyyy-zhenggao (yyyy: the round year)', true),
  version: d('本规则集的版本号；发布后如需更正，改版本号并说明', 'version of this rule set; bump it when a released set is corrected'),
  title: d('规则集标题（中文 zh、英文 en）', 'title of the rule set (zh and en)', true),
  notice: d('本轮评审通知', 'the notice of this round', true),
  'notice.number': d('通知文号，照原文抄写（含〔〕中的年份和文号）', 'notice number exactly as printed (the year in 〔〕 and the number included)', true),
  'notice.title': d('通知标题', 'notice title', true),
  'notice.issued': d('通知印发日期 YYYY-MM-DD', 'date the notice was issued, YYYY-MM-DD', true),
  round: d('本轮评审的年度、级别和时间节点', 'year, level and dates of the round', true),
  'round.year': d('评审年度（继续教育、年度考核等年份以此年结束）', 'round year (CPD and assessment years end with it)', true),
  'round.level': d('评审级别，如 正高级工程师', 'level reviewed, e.g. 正高级工程师'),
  'round.referenceDate': d('核验基准日：年龄、处分期、诚信记录按这一天判断', 'reference date: age, sanctions and integrity records are judged on this day', true),
  'round.deadlines': d('各环节截止时间，按办理顺序排列；规则用 id 引用', 'deadlines of each step, in procedure order; rules refer to them by id', true),
  'round.deadlines[].id': d('截止时间编号（规则的 deadline 参数引用它）', 'deadline id (the deadline param of rules names it)'),
  'round.deadlines[].label': d('截止时间名称', 'deadline name'),
  'round.deadlines[].date': d('截止日期 YYYY-MM-DD（当天有效）', 'deadline date YYYY-MM-DD (that day included)', true),
  common: d('所有规则共用的结果提示（缺列、无法识别的值）', 'outcomes shared by every rule (missing column, unreadable value)'),
  columns: d('花名册的列：编号、类别、名称和可识别的表头写法', 'roster columns: id, class, label and the header spellings recognised'),
  'columns[].id': d('列编号（小驼峰，规则和测试用例用它引用该列）', 'column id (camelCase; rules and cases refer to it)'),
  'columns[].class': d('identity = 缺少则拒收花名册；core = 缺少时每人提示；stage = 缺少时相关规则列为未核验', 'identity = roster refused without it; core = everyone warned when missing; stage = its rules listed as not checked'),
  'columns[].label': d('列的标准名称', 'standard column name'),
  'columns[].aliases': d('花名册中可识别的表头写法，第一个为标准写法', 'header spellings recognised in rosters; the first is the standard one'),
  'columns[].combines': d('合并列：一个单元格里写了几项（如 现职称及取得时间、学历/学位、几个年度的学时）', 'combined column: one cell holding several fields (title and date, education/degree, several years of hours)'),
  'columns[].combines.fields': d('单元格中依次写的各列编号；花名册没有单独列的项从这里读取', 'ids of the fields the cell holds, in order; those without a column of their own are read from it'),
  'columns[].combines.split': d('拆分方式：text-date = 文字加日期；list = 依次的几项（/、，空格或括号分隔）；per-year = 每年一个数，表头须写明同样多的年份', 'how to cut: text-date = a text then a date; list = items in order (separated by / 、 ， spaces or brackets); per-year = one number a year, the header naming as many years'),
  'columns[].waitsFor': d('环节列（申报、公示、推荐日期）等待的截止时间编号：截止前空白视为"尚未填写"（提示），截止后按规则的空白处理', 'for a stage column (application, publicity, recommendation dates): the deadline id it waits for; blank until then is "not yet" (a note), after it the rule\'s blank outcome'),
  rules: d('规则：每条选一种检查类型，给出参数、结果级别和提示语、依据', 'rules: each picks a check kind and gives params, outcome severities and messages, and sources'),
  'rules[].id': d('规则编号（小写字母、数字、连字符；发布后不要改）', 'rule id (lower-case, digits, hyphens; never change it after release)'),
  'rules[].check': d('检查类型（程序实现的检查，见 roster-screen rules list）', 'check kind (implemented in code; see roster-screen rules list)'),
  'rules[].enabled': d('false = 本轮不检查此项', 'false = not checked this round'),
  'rules[].title': d('规则简称（报告、名单和批注中显示）', 'short name shown in reports, lists and annotations'),
  'rules[].description': d('检查内容说明', 'what the rule checks'),
  'rules[].params': d('检查类型的参数', 'parameters of the check kind'),
  'rules[].outcomes': d('各结果的级别（error 不通过 / warn 待复核 / info 仅提示）和提示语；{value} 等占位符由程序填入；某一结果另有依据的，写在该结果的 sources 中（其提示引用它，而非规则的依据）', 'severity (error = fail, warn = review, info = note) and message of each outcome; placeholders like {value} are filled in; an outcome resting on other documents lists them in its own sources (its findings cite those instead of the rule\'s)'),
  'rules[].sources': d('依据：文件文号 doc 和条款 clause；请引用最正式的来源', 'sources: document number (doc) and clause; cite the most official source'),
  'rules[].confidence': d('把握程度：N 通知原文、H 上位规定、M/L 推断、design 本工具的设计', 'confidence: N notice text, H higher regulation, M/L inference, design = this tool’s choice'),
  'rules[].note': d('对把握程度或取舍的说明', 'note on the confidence or the judgement made'),
  cases: d('测试用例：申报人各列的值 → 预期结论和报告问题的规则（roster-screen rules test 运行）', 'test cases: applicant values → expected status and reporting rules (run by roster-screen rules test)'),
  'cases[].name': d('用例名称', 'case name'),
  'cases[].applicant': d('列编号 → 单元格内容；未写的列视为空白', 'column id → cell text; columns not given are blank'),
  'cases[].expect': d('预期：status（pass/review/fail）和 rules（应报告问题的规则；报告 warn/error 的规则须全部列出）', 'expected: status (pass/review/fail) and rules (rules that must report; every rule reporting warn/error must be listed)'),
};

export function fieldDoc(path: string): FieldDoc | undefined {
  return FIELD_DOCS[path];
}
