import type { ApplicantResult, Lang } from '../core/types.js';
import { ruleNamer } from '../format/rule-names.js';
import type { RunResult } from '../report/run-result.js';
import type { RuleSet } from '../rules/schema.js';
import { cpdYearColumns, type YearColumn } from '../rules/year-columns.js';
import { birthMonthOf, field, sexOf, yearMonth } from './applicant-fields.js';
import { addExceptionsSheet } from './exceptions-sheet.js';
import { acceptedText, withRuleName } from './labels.js';
import { chineseOrdinal, numberOrText, TableSheet, writeXlsxFile, xlsxBytes, type Column, type ListWorkbook } from './sheet-kit.js';
import { standardEducation, standardId, titleNamer } from './standard-terms.js';
import { specialtyGroups, type SpecialtyGroups } from './specialty-groups.js';

export interface ListOptions {
  lang: Lang;
  /** The run's masking (for the reports); the lists show ID numbers in full, as the annotated copy does. */
  mask: boolean;
  includeReview: boolean;
  /** The run's rule set, to group specialties by committee; null groups by the specialty as written. */
  ruleSet: RuleSet | null;
  /** Progress: table rows written so far. */
  onRows?: (rows: number) => void;
}

const T = {
  zh: {
    sheet: { pass: '推荐名单', review: '待复核人员' },
    title: (run: RunResult) => `${run.ruleSet.title.zh.replace(/评审$/, '')}推荐人员名单`,
    reviewTitle: '（待复核人员，复核通过后方可推荐）',
    unit: '填报单位（盖章）：',
    date: '填报日期：　　　　年　　月　　日',
    columns: (notes: string, cpdYears: readonly number[]): Column[] => [
      { header: '序号', width: 5, align: 'center' },
      { header: '姓名', width: 9, align: 'center' },
      { header: '身份证号', width: 20, align: 'center' },
      { header: '性别', width: 5, align: 'center' },
      { header: '出生年月', width: 9, align: 'center' },
      { header: '工作单位', width: 26 },
      { header: '单位性质', width: 10, align: 'center' },
      { header: '资格名称', group: '现专业技术资格', width: 11, align: 'center' },
      { header: '取得时间', group: '现专业技术资格', width: 9, align: 'center' },
      { header: '学历/学位', width: 13, align: 'center' },
      { header: '申报专业', width: 10, align: 'center' },
      { header: '适用评价条件', width: 20 },
      ...cpdYears.map((y): Column => ({ header: `${y}年`, group: '继续教育学时', width: 7, align: 'center' })),
      { header: notes, width: 24 },
    ],
    notes: { pass: '备注', review: '待复核事项' },
    band: (i: number, committee: string, n: number) => `${chineseOrdinal(i)}、${committee}（${n}人）`,
    conditions: (doc: string) => `评价条件：${doc}`,
    under: (spec: string, n: number, doc: string | null, committee: string) =>
      `其中${spec}专业${n}人${doc ? `，适用${doc}` : ''}，申报时归入${committee}领域`,
    noCommittee: '本轮未设该专业正高级评审委员会，请确认评审委员会',
    none: '（无）',
    total: (n: number) => `合计：${n}人`,
  },
  en: {
    sheet: { pass: 'Recommended', review: 'For review' },
    title: (run: RunResult) => `${run.ruleSet.title.en}: recommended applicants`,
    reviewTitle: ' (for review: recommend only once cleared)',
    unit: 'Submitted by (seal):',
    date: 'Date:',
    columns: (notes: string, cpdYears: readonly number[]): Column[] => [
      { header: 'No.', width: 5, align: 'center' },
      { header: 'Name', width: 9, align: 'center' },
      { header: 'ID number', width: 20, align: 'center' },
      { header: 'Sex', width: 5, align: 'center' },
      { header: 'Born', width: 9, align: 'center' },
      { header: 'Employer', width: 26 },
      { header: 'Employer type', width: 10, align: 'center' },
      { header: 'Title', group: 'Current title', width: 11, align: 'center' },
      { header: 'Obtained', group: 'Current title', width: 9, align: 'center' },
      { header: 'Education/degree', width: 13, align: 'center' },
      { header: 'Specialty', width: 10, align: 'center' },
      { header: 'Conditions document', width: 20 },
      ...cpdYears.map((y): Column => ({ header: String(y), group: 'CPD hours', width: 7, align: 'center' })),
      { header: notes, width: 24 },
    ],
    notes: { pass: 'Notes', review: 'To review' },
    band: (i: number, committee: string, n: number) => `${i}. ${committee} (${n})`,
    conditions: (doc: string) => `conditions: ${doc}`,
    under: (spec: string, n: number, doc: string | null, committee: string) =>
      `of whom ${n} in ${spec}${doc ? ` (conditions: ${doc})` : ''}, applying under ${committee}`,
    noCommittee: 'no 正高 committee for this specialty this round; confirm the committee',
    none: '(none)',
    total: (n: number) => `Total: ${n}`,
  },
};

/** 推荐名单.xlsx as bytes: the 通过 applicants by committee, numbered, print-ready; `includeReview` adds the 待复核 on a second sheet. */
export async function buildRecommendationList(run: RunResult, opts: ListOptions): Promise<Buffer> {
  return xlsxBytes((wb) => addRecommendationSheets(wb, run, opts));
}

/** 推荐名单.xlsx streamed to `target` (temp file, then renamed into place). */
export async function writeRecommendationList(target: string, run: RunResult, opts: ListOptions): Promise<void> {
  await writeXlsxFile(target, (wb) => addRecommendationSheets(wb, run, opts), opts.onRows);
}

async function addRecommendationSheets(wb: ListWorkbook, run: RunResult, opts: ListOptions): Promise<void> {
  wb.creator = `${run.tool.name} ${run.tool.version}`;
  const groups = specialtyGroups(opts.ruleSet, opts.lang);
  await addListSheet(wb, run, 'pass', groups, opts);
  if (opts.includeReview) await addListSheet(wb, run, 'review', groups, opts);
  await addExceptionsSheet(wb, run, { lang: opts.lang, maskIds: false });
}

export interface CommitteeGroup {
  committee: string;
  applicants: ApplicantResult[];
}

/** Applicants grouped by committee in the rule set's order; roster order within a group. */
export function groupByCommittee(applicants: readonly ApplicantResult[], groups: SpecialtyGroups): CommitteeGroup[] {
  const byCommittee = new Map<string, ApplicantResult[]>();
  for (const a of applicants) {
    const c = groups.of(a.specialty).committee;
    const list = byCommittee.get(c);
    if (list) list.push(a);
    else byCommittee.set(c, [a]);
  }
  return [...byCommittee.entries()]
    .map(([committee, list]) => ({ committee, applicants: list }))
    .sort((x, y) => groups.rank(x.committee) - groups.rank(y.committee));
}

async function addListSheet(wb: ListWorkbook, run: RunResult, status: 'pass' | 'review', groups: SpecialtyGroups, opts: ListOptions): Promise<void> {
  const t = T[opts.lang];
  const cpd = cpdOf(opts);
  const sheet = new TableSheet(wb, t.sheet[status], t.columns(t.notes[status], cpd.map((c) => c.year)), opts.lang);
  sheet.title(t.title(run) + (status === 'review' ? t.reviewTitle : ''));
  sheet.info(t.unit, t.date);
  sheet.header();
  const chosen = run.applicants.filter((a) => a.status === status);
  const terms = { title: titleNamer(opts.ruleSet), rule: ruleNamer(run.rules, opts.lang), cpd };
  let seq = 0;
  for (const [i, g] of groupByCommittee(chosen, groups).entries()) {
    sheet.band(bandText(t, i + 1, g, groups));
    for (const a of g.applicants) {
      sheet.row(rowOf(a, ++seq, status, groups, terms, opts));
      await sheet.flush();
    }
  }
  if (seq === 0) sheet.note(t.none);
  sheet.note(t.total(seq));
  sheet.signBlock();
  await sheet.finish();
}

function bandText(t: (typeof T)[Lang], i: number, g: CommitteeGroup, groups: SpecialtyGroups): string {
  const parts = [t.band(i, g.committee, g.applicants.length)];
  const own = groups.committeeDoc(g.committee);
  if (own) parts.push(t.conditions(own));
  else if (!g.applicants.some((a) => groups.of(a.specialty).known)) parts.push(t.noCommittee);
  // Specialties filed under another's committee (人工智能 under 信息技术) are named with their own document.
  const under = new Map<string, { n: number; doc: string | null }>();
  for (const a of g.applicants) {
    const s = groups.of(a.specialty);
    if (!s.known || s.canonical === g.committee) continue;
    const u = under.get(s.canonical) ?? { n: 0, doc: s.conditionDoc };
    u.n++;
    under.set(s.canonical, u);
  }
  for (const [spec, u] of under) parts.push(t.under(spec, u.n, u.doc, g.committee));
  return parts.join(t === T.zh ? '；' : '; ');
}

// The CPD years and their columns are the rule set's (none without one).
function cpdOf(opts: ListOptions): readonly YearColumn[] {
  return opts.ruleSet ? cpdYearColumns(opts.ruleSet.rules) : [];
}

interface Terms {
  title: (raw: string) => string;
  rule: (ruleId: string) => string;
  /** The CPD year columns (found once per sheet, not per applicant). */
  cpd: readonly YearColumn[];
}

// The office's working document: the ID number in full (as in the annotated copy), standard terms.
function rowOf(a: ApplicantResult, seq: number, status: 'pass' | 'review', groups: SpecialtyGroups, terms: Terms, opts: ListOptions): (string | number | null)[] {
  const { lang } = opts;
  const s = groups.of(a.specialty);
  const notes = status === 'pass' ? passNotes(a, lang, terms.rule) : reviewNotes(a, lang, terms.rule);
  return [
    seq,
    a.name,
    standardId(a.idNumber),
    sexOf(a, lang),
    birthMonthOf(a),
    a.unit,
    field(a, 'unitType'),
    terms.title(field(a, 'currentTitle')),
    yearMonth(field(a, 'currentTitleDate')),
    standardEducation(a),
    s.known ? s.canonical : a.specialty,
    s.conditionDoc ?? '',
    ...terms.cpd.map((c) => numberOrText(field(a, c.field))),
    notes,
  ];
}

function passNotes(a: ApplicantResult, lang: Lang, rule: (ruleId: string) => string): string {
  return a.findings
    .filter((f) => f.exception)
    .map((f) => withRuleName(lang, rule(f.ruleId), acceptedText(lang, f.exception!)))
    .join('\n');
}

function reviewNotes(a: ApplicantResult, lang: Lang, rule: (ruleId: string) => string): string {
  return a.findings
    .filter((f) => f.severity === 'warn')
    .map((f) => withRuleName(lang, rule(f.ruleId), `${f.cell ? `${f.cell} ` : ''}${f.message[lang]}`))
    .join('\n');
}
