import type { Localized } from '../core/types.js';

// What each field of a rule-set file means, in the words an office uses: shown as comments by
// `rules init` and as descriptions in the generated JSON Schema. `yearly` marks what a new notice
// changes every year.

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
  rules: d('规则：每条选一种检查类型，给出参数、结果级别和提示语、依据', 'rules: each picks a check kind and gives params, outcome severities and messages, and sources'),
  'rules[].id': d('规则编号（小写字母、数字、连字符；发布后不要改）', 'rule id (lower-case, digits, hyphens; never change it after release)'),
  'rules[].check': d('检查类型（程序实现的检查，见 screen rules list）', 'check kind (implemented in code; see screen rules list)'),
  'rules[].enabled': d('false = 本轮不检查此项', 'false = not checked this round'),
  'rules[].description': d('检查内容说明', 'what the rule checks'),
  'rules[].params': d('检查类型的参数', 'parameters of the check kind'),
  'rules[].outcomes': d('各结果的级别（error 不通过 / warn 待复核 / info 仅提示）和提示语；{value} 等占位符由程序填入', 'severity (error = fail, warn = review, info = note) and message of each outcome; placeholders like {value} are filled in'),
  'rules[].sources': d('依据：文件文号 doc 和条款 clause；请引用最正式的来源', 'sources: document number (doc) and clause; cite the most official source'),
  'rules[].confidence': d('把握程度：N 通知原文、H 上位规定、M/L 推断、design 本工具的设计', 'confidence: N notice text, H higher regulation, M/L inference, design = this tool’s choice'),
  'rules[].note': d('对把握程度或取舍的说明', 'note on the confidence or the judgement made'),
  cases: d('测试用例：申报人各列的值 → 预期结论和报告问题的规则（screen rules test 运行）', 'test cases: applicant values → expected status and reporting rules (run by screen rules test)'),
  'cases[].name': d('用例名称', 'case name'),
  'cases[].applicant': d('列编号 → 单元格内容；未写的列视为空白', 'column id → cell text; columns not given are blank'),
  'cases[].expect': d('预期：status（pass/review/fail）和 rules（应报告问题的规则；报告 warn/error 的规则须全部列出）', 'expected: status (pass/review/fail) and rules (rules that must report; every rule reporting warn/error must be listed)'),
};

/** Meanings of check-kind parameters: `kind.param` first, then the parameter name alone. */
export const PARAM_DOCS: Record<string, FieldDoc> = {
  field: d('读取的列（列编号）', 'column read (column id)'),
  idField: d('身份证号所在列', 'ID-number column'),
  nameField: d('姓名所在列', 'name column'),
  sexField: d('性别所在列', 'sex column'),
  birthField: d('出生年月所在列', 'date-of-birth column'),
  pogeField: d('“破格”所在列（填“是”的按破格申报处理）', '破格 (exception) column; “yes” means an exception application'),
  specialtyField: d('专业所在列', 'specialty column'),
  unitField: d('工作单位所在列（无所在地列时从单位名称识别地名）', 'employer column (place names are read from it when there is no location column)'),
  educationField: d('学历所在列', 'education column'),
  degreeField: d('学位所在列', 'degree column'),
  gradField: d('毕业时间所在列', 'graduation-date column'),
  workField: d('参加工作时间所在列', 'work-start column'),
  titleField: d('现资格取得时间所在列', 'current-title date column'),
  startField: d('公示开始日期所在列', 'publicity start column'),
  endField: d('公示结束日期所在列', 'publicity end column'),
  periodField: d('公示起止时间所在列（一格写起止）', 'publicity period column (start and end in one cell)'),
  recommendField: d('单位推荐日期所在列', 'employer recommendation date column'),
  applyField: d('个人申报日期所在列', 'application date column'),
  sameAs: d('须与之为同一单位的列', 'column that must name the same organisation'),
  years: d('逐年核验的年份，每年对应的列', 'years checked one by one, each with its column(s)', true),
  'min-hours-per-year.years': d('继续教育逐年核验的年份及各年学时所在列；应以评审年度结束', 'CPD years checked one by one, each with its hours column; they end with the round year', true),
  'hours-split.years': d('公需/专业科目学时逐年核验的年份及所在列；应以评审年度结束', 'years whose general/professional hours are checked, with their columns; they end with the round year', true),
  'annual-assessment.years': d('年度考核核验的年份及所在列', 'assessment years checked, with their columns', true),
  'integrity-record.years': d('无截止日期的诚信记录自决定之日起有效的年数', 'years an integrity record without an end date runs from its decision', false),
  'seniority.years': d('取得现资格后须满的年数', 'whole years the current title must have been held'),
  minHours: d('每年最低继续教育学时', 'minimum CPD hours per year'),
  minPublic: d('每年公需科目最低学时', 'minimum general-subject hours per year'),
  minPro: d('每年专业科目最低学时', 'minimum professional-subject hours per year'),
  deadline: d('截止时间编号（round.deadlines 中的 id，日期在那里修改）', 'deadline id (in round.deadlines; change the date there)'),
  cutoff: d('年限计算截止日 YYYY-MM-DD', 'day by which the years must be complete, YYYY-MM-DD', true),
  altCutoff: d('较晚的备选截止日：仅按此日才满足的列为待复核', 'later alternative cut-off: meeting only this one → review', true),
  earliestStart: d('公示最早开始日（更早的属于上一轮）；默认为通知印发日期', 'earliest publicity start (earlier belongs to another round); default: the notice date', true),
  minWorkingDays: d('公示最少工作日数（起止当天都算）', 'minimum working days of publicity (both ends included)'),
  maleAge: d('男性法定退休年龄（按核验基准日计算）', 'statutory retirement age for men (on the reference date)'),
  femaleAge: d('女性法定退休年龄（按核验基准日计算）', 'statutory retirement age for women (on the reference date)'),
  minGradAge: d('毕业时的最小合理年龄', 'lowest plausible age at graduation'),
  minWorkAge: d('参加工作时的最小合理年龄', 'lowest plausible age at starting work'),
  notAfterAsOf: d('不应晚于核验日期的列（已发生的事项）', 'columns that cannot be after the as-of date (past events)'),
  reportUnreadable: d('由本规则报告“无法识别”的列', 'columns whose unreadable values this rule reports'),
  accept: d('通过的取值：values 完全相同，contains 包含即可', 'values that pass: values = exact, contains = substring'),
  outcomes: d('取值 → 结果：命中则报告对应结果（先于 accept 比较）', 'values → outcome: a match reports that outcome (tried before accept)'),
  otherwise: d('不在任何列表中的取值报告的结果；null = 其他值都接受', 'outcome for a value in no list; null = accept anything else'),
  blank: d('单元格为空时报告的结果；null = 空白也可以', 'outcome for a blank cell; null = blank is fine'),
  flag: d('含有这些字的值需要核实', 'values containing these words are flagged'),
  allow: d('含有这些字时不再标记（即使含有 flag 中的字）', 'these words clear the flag'),
  when: d('只在另一列满足条件时检查（field、values、contains、except）', 'checked only when another column matches (field, values, contains, except)'),
  pass: d('合格的考核等次', 'assessment grades that pass'),
  concern: d('需人工核实的考核等次', 'grades a person must look at'),
  suffixes: d('等次后可忽略的字（如 等次、档次）', 'words after the grade that do not change it'),
  required: d('要求具备的资格及其写法', 'the title required and its spellings'),
  already: d('已达到申报级别的资格（不必再申报）', 'titles already at the level applied for'),
  below: d('低于要求的资格或学历', 'titles or education below the requirement'),
  otherSeries: d('其他系列的副高级资格（须转评）', '副高 titles of another series (transfer needed)'),
  vague: d('未写明系列的副高级写法', '副高 spellings that name no series'),
  seriesWords: d('现资格专业中表明属于工程系列的字', 'words in the title specialty that place it in the engineering series'),
  education: d('学历：通过的（accept）和低于要求的（below）', 'education: passing (accept) and below (below)'),
  degree: d('学位：通过的（accept）和表示无学位的（none）', 'degree: passing (accept) and meaning none (none)'),
  specialties: d('设有评审委员会的专业及其写法、评价条件文件', 'specialties with a committee, their spellings and condition documents'),
  otherCommittee: d('没有专门评审委员会的专业归入的名称', 'label for specialties without their own committee'),
  province: d('单位须所在的省份', 'province the employer must be in'),
  institution: d('哪些人属于事业单位人员（单位性质列及取值）', 'who counts as public-institution staff (unit-type column and values)'),
  sanctions: d('处分种类，由轻到重，及其影响期（月）', 'sanction kinds, lightest first, with the months they bar'),
  negations: d('表示“未受处分”的写法', 'phrases meaning “no sanction”'),
  words: d('识别用的字词', 'words that identify it'),
  months: d('影响期（月）；null = 不限', 'months it bars; null = no limit'),
};

export function fieldDoc(path: string): FieldDoc | undefined {
  return FIELD_DOCS[path];
}

export function paramDoc(kind: string, param: string): FieldDoc | undefined {
  return PARAM_DOCS[`${kind}.${param}`] ?? PARAM_DOCS[param];
}
