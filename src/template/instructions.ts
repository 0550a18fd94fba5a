import type { Lang, Localized } from '../core/types.js';
import type { RuleDef, RuleSet } from '../rules/schema.js';
import { columnNote } from './column-notes.js';
import { ruleNamer } from '../format/rule-names.js';
import type { TemplateColumn } from './template-columns.js';
import type { Dropdown } from './vocabularies.js';

// The text of the instructions sheet (填写说明), built from the rule set: deadlines, the publicity
// minimum, the CPD minimum, and one line per template column. Pure: build-template lays it out.

export interface InstructionBlock {
  kind: 'title' | 'line' | 'heading' | 'table';
  cells: string[];
}

export interface InstructionsInput {
  ruleSet: RuleSet;
  columns: TemplateColumn[];
  dropdowns: Dropdown[];
  /** Last roster row that has the dropdowns and formats. */
  lastRow: number;
  lang: Lang;
}

/** Minimum working days of the in-unit publicity (publicity-days rule; 5 per the notice). */
export function publicityDays(rules: readonly RuleDef[]): number {
  const v = rules.find((r) => r.enabled && r.check === 'publicity-days')?.params.minWorkingDays;
  return typeof v === 'number' ? v : 5;
}

function cpdMinimum(rules: readonly RuleDef[]): { hours: number; years: number[] } {
  const rule = rules.find((r) => r.enabled && r.check === 'min-hours-per-year');
  const hours = typeof rule?.params.minHours === 'number' ? rule.params.minHours : 90;
  const years = Array.isArray(rule?.params.years)
    ? rule.params.years.map((y) => (y as { year?: unknown }).year).filter((y): y is number => typeof y === 'number')
    : [];
  return { hours, years };
}

function seniority(rules: readonly RuleDef[]): { years: number; cutoff: string } | null {
  const p = rules.find((r) => r.enabled && r.check === 'seniority')?.params;
  if (!p || typeof p.years !== 'number' || typeof p.cutoff !== 'string') return null;
  return { years: p.years, cutoff: p.cutoff };
}

/** 2024-03-08 → 2024年3月8日 */
export function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Rule ids reading a column: any param value equal to the column id. */
function rulesReading(rules: readonly RuleDef[], field: string): string[] {
  const hit = (v: unknown): boolean =>
    v === field || (Array.isArray(v) ? v.some(hit) : v !== null && typeof v === 'object' ? Object.values(v).some(hit) : false);
  return rules.filter((r) => r.enabled && hit(r.params)).map((r) => r.id);
}

const CLASS: Record<string, Localized> = {
  identity: { zh: '必填', en: 'required' },
  core: { zh: '核心', en: 'core' },
  stage: { zh: '阶段性', en: 'stage' },
};

export function buildInstructions({ ruleSet, columns, dropdowns, lastRow, lang }: InstructionsInput): InstructionBlock[] {
  const t = (l: Localized): string => (lang === 'en' ? `${l.zh}\n${l.en}` : l.zh);
  const rules = ruleSet.rules;
  // Rules by their short names, as everywhere a person reads them (ids stay in JSON and CSV).
  const zhName = ruleNamer(rules, 'zh');
  const enName = ruleNamer(rules, 'en');
  const ruleNames = (ids: string[]): string => {
    const zh = ids.map(zhName).join('、');
    return lang === 'en' && ids.length ? `${zh}\n${ids.map(enName).join(', ')}` : zh;
  };
  const days = publicityDays(rules);
  const cpd = cpdMinimum(rules);
  const senior = seniority(rules);
  const dataRows = lastRow - 1;
  const out: InstructionBlock[] = [];
  const line = (l: Localized) => out.push({ kind: 'line', cells: [t(l)] });

  out.push({ kind: 'title', cells: [t({ zh: `${ruleSet.title.zh}申报人员花名册 填写说明`, en: `${ruleSet.title.en}: how to fill in the roster` })] });
  line({ zh: `依据：${ruleSet.notice.number}《${ruleSet.notice.title}》（${zhDate(ruleSet.notice.issued)}印发）`, en: `Notice: ${ruleSet.notice.number}, issued ${ruleSet.notice.issued}` });

  out.push({ kind: 'heading', cells: [t({ zh: '一、时间要求（逾期不再受理）', en: '1. Deadlines (late submissions are not accepted)' })] });
  for (const d of ruleSet.round.deadlines) {
    out.push({ kind: 'table', cells: [t(d.label), t({ zh: zhDate(d.date), en: d.date })] });
  }
  out.push({
    kind: 'table',
    cells: [
      t({ zh: '单位公示', en: 'In-unit publicity (公示)' }),
      t({
        zh: `单位审核后公示不少于${days}个工作日（按国务院节假日安排计算，首尾两日计入；调休上班的周末算工作日），公示期满后方可推荐，推荐日期须晚于公示结束日期`,
        en: `after the employer's review, at least ${days} working days (State Council holiday schedule, both ends counted; worked weekend days count); recommend only after it has ended, on a later day`,
      }),
    ],
  });

  out.push({ kind: 'heading', cells: [t({ zh: '二、填写要求', en: '2. How to fill in' })] });
  const rulesLines: Localized[] = [
    {
      zh: `每位申报人填一行，从第2行起连续填写；请勿修改、删除或合并第1行表头，不要插入说明行或空行。本表已为第2至${lastRow}行（${dataRows}人）设好格式和下拉选项，人数更多请分成多个文件。`,
      en: `One applicant per row, from row 2 on; do not edit, delete or merge the header (row 1) and do not insert notes or blank rows. Rows 2 to ${lastRow} (${dataRows} applicants) have the formats and dropdowns; split larger rosters into several files.`,
    },
    {
      zh: '身份证号列为文本格式。从其他表格复制时请用"选择性粘贴→数值"，避免身份证号变成 3.30106E+17 这样的数字（末几位会丢失）。',
      en: 'The ID column is formatted as text. When copying from another sheet use Paste Special → Values, so IDs do not become numbers such as 3.30106E+17 (which loses the last digits).',
    },
    {
      zh: '日期列已设为日期格式，可填 2024-03-11、2024年3月11日 或 2024/3/11；只知道年月的可填 2019-06。出生年月为文本列，填到月即可（如 1971-02）。',
      en: 'Date columns are formatted as dates: 2024-03-11, 2024年3月11日 or 2024/3/11; when only the month is known, 2019-06. 出生年月 is a text column: the month is enough (1971-02).',
    },
    {
      zh: `带下拉的列（${dropdowns.map((d) => d.name.zh).join('、')}）请从下拉列表中选择。是/否列也接受 √、×。`,
      en: `Columns with a dropdown (${dropdowns.map((d) => d.name.en).join(', ')}): pick from the list. Yes/no columns also accept √ and ×.`,
    },
    {
      zh: `继续教育：${cpd.years.length ? cpd.years.join('、') + '年' : '近三年'}每年不少于${cpd.hours}学时（逐年核验，不能用其他年度补足）。如需填写公需科目、专业科目学时，可在表格末尾增加"${cpd.years[0] ?? '某'}年公需科目学时""${cpd.years[0] ?? '某'}年专业科目学时"等列。`,
      en: `CPD: at least ${cpd.hours} hours in each of ${cpd.years.length ? cpd.years.join(', ') : 'the last three years'} (each year on its own). To give the general/professional split, add columns such as "${cpd.years[0] ?? '某'}年公需科目学时" and "${cpd.years[0] ?? '某'}年专业科目学时" at the end.`,
    },
  ];
  if (senior) {
    rulesLines.push({
      zh: `取得高级工程师资格后须满${senior.years}年（计算至${zhDate(senior.cutoff)}）。`,
      en: `${senior.years} years must have passed since obtaining 高级工程师 (counted to ${senior.cutoff}).`,
    });
  }
  rulesLines.push(
    {
      zh: '表头为橙色的是核心列：缺少或未填写时无法核验申报资格。蓝色的是阶段性列（如公示、推荐日期），未到该阶段可暂不填写，预审报告会列为"未核验"或给出提示。',
      en: 'Orange headers are core columns: without them eligibility cannot be checked. Blue headers are stage columns (publicity, recommendation dates …): leave them blank until that stage; the report lists them as not checked or notes them.',
    },
    {
      zh: '填好后可用本工具预审：roster-screen 花名册文件名.xlsx（结果见终端和生成的标注副本）。',
      en: 'Then pre-screen it: roster-screen <roster>.xlsx (results in the terminal and in the annotated copy).',
    },
  );
  rulesLines.forEach((l, i) => out.push({ kind: 'line', cells: [`${i + 1}. ${t(l)}`] }));

  out.push({ kind: 'heading', cells: [t({ zh: '三、各列说明', en: '3. The columns' })] });
  out.push({
    kind: 'table',
    cells: [
      t({ zh: '列名', en: 'Column' }),
      t({ zh: '含义', en: 'Meaning' }),
      t({ zh: '填写格式 / 可选值', en: 'Accepted values' }),
      t({ zh: '示例', en: 'Example' }),
      t({ zh: '类别', en: 'Class' }),
      t({ zh: '核验规则', en: 'Rules' }),
    ],
  });
  for (const c of columns) {
    const note = columnNote(c.def.id);
    const dropdown = dropdowns.find((d) => d.fields.includes(c.def.id));
    const forms = dropdown
      ? { zh: `下拉选择：${dropdown.values.join('、')}`, en: `from the dropdown: ${dropdown.values.join(', ')}` }
      : note?.forms ?? (c.format === 'date' ? { zh: '日期，如 2024-03-11', en: 'a date such as 2024-03-11' } : { zh: '', en: '' });
    out.push({
      kind: 'table',
      cells: [
        lang === 'en' ? `${c.def.label.zh}\n${c.def.label.en}` : c.def.label.zh,
        t(note?.meaning ?? c.def.label),
        forms.zh ? t(forms) : '',
        note?.example ?? '',
        t(CLASS[c.def.class] ?? { zh: c.def.class, en: c.def.class }),
        ruleNames(rulesReading(rules, c.def.id)),
      ],
    });
  }
  return out;
}
