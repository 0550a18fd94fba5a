import type { FieldId, Localized } from '../core/types.js';
import type { RuleDef, RuleSet } from '../rules/schema.js';
import { yearColumns } from '../rules/year-columns.js';
import { paramFields } from './template-columns.js';

// The template's dropdowns, read from the loaded rule set: the specialties of the specialty rule,
// the grades of the annual-assessment rule, the 是/否 columns of the yes-no rules. Where a rule mixes
// standard names with synonyms (单位性质: 企业, 公司, 国企 …; 学历: 本科, 专升本 …), the dropdown
// offers the standard names the rule recognises. A rule that is not in the rule set (yet) falls
// back to the values of docs/rules.md §3.

export interface Dropdown {
  name: Localized;
  fields: FieldId[];
  values: string[];
  /** true: Excel refuses other values (是/否, 男/女); false: it warns and lets the user keep them. */
  strict: boolean;
}

interface Vocab {
  values?: unknown;
  contains?: unknown;
}

const YES_NO = ['是', '否'];

export function templateDropdowns(ruleSet: RuleSet): Dropdown[] {
  const rules = ruleSet.rules.filter((r) => r.enabled);
  const out: Dropdown[] = [
    { name: { zh: '性别', en: 'sex' }, fields: ['sex'], values: ['男', '女'], strict: true },
    { name: { zh: '单位性质', en: 'employer type' }, fields: [unitTypeField(rules)], values: unitTypes(rules), strict: false },
    { name: { zh: '申报资格', en: 'level applied for' }, fields: ['applyLevel'], values: [ruleSet.round.level], strict: false },
    { name: { zh: '申报专业', en: 'specialty' }, fields: [specialtyField(rules)], values: specialties(rules), strict: false },
    ...education(rules),
    { name: { zh: '是/否', en: 'yes/no' }, fields: yesNoFields(rules), values: YES_NO, strict: true },
    { name: { zh: '年度考核', en: 'annual assessment' }, fields: assessmentFields(rules, ruleSet), values: assessmentGrades(rules), strict: false },
  ];
  const known = new Set(ruleSet.columns.map((c) => c.id));
  return out
    .map((d) => ({ ...d, fields: d.fields.filter((f) => known.has(f)) }))
    .filter((d) => d.fields.length > 0 && d.values.length > 0);
}

function byCheck(rules: readonly RuleDef[], check: string, field?: string): RuleDef | undefined {
  return rules.find((r) => r.check === check && (field === undefined || r.params.field === field));
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Whether a vocabulary entry ({values, contains}) recognises `value`. */
function recognises(vocab: Vocab | undefined, value: string): boolean {
  if (!vocab) return false;
  return strings(vocab.values).includes(value) || strings(vocab.contains).some((c) => value.includes(c));
}

/** Standard names kept only when the rule recognises them; the rule's own values if none is. */
function standard(preferred: string[], vocabs: (Vocab | undefined)[], fallback: string[]): string[] {
  const present = vocabs.filter((v): v is Vocab => v !== undefined);
  if (present.length === 0) return preferred;
  const kept = preferred.filter((p) => present.some((v) => recognises(v, p)));
  return kept.length > 0 ? kept : fallback;
}

function specialtyField(rules: readonly RuleDef[]): string {
  const f = byCheck(rules, 'specialty')?.params.field;
  return typeof f === 'string' ? f : 'specialty';
}

function specialties(rules: readonly RuleDef[]): string[] {
  const rule = byCheck(rules, 'specialty');
  const names = Array.isArray(rule?.params.specialties)
    ? rule.params.specialties.map((s) => obj(s).name).filter((n): n is string => typeof n === 'string')
    : [];
  return names.length > 0 ? names : ['机电制造', '信息技术', '能源', '材料', '轻纺', '石油和化学工程', '人工智能'];
}

function unitTypeRule(rules: readonly RuleDef[]): RuleDef | undefined {
  return rules.find((r) => r.id === 'unit-type') ?? byCheck(rules, 'vocabulary', 'unitType');
}

function unitTypeField(rules: readonly RuleDef[]): string {
  const f = unitTypeRule(rules)?.params.field;
  return typeof f === 'string' ? f : 'unitType';
}

function unitTypes(rules: readonly RuleDef[]): string[] {
  const accept = unitTypeRule(rules)?.params.accept as Vocab | undefined;
  return standard(['企业', '事业单位', '部属在浙单位'], [accept], strings(accept?.values));
}

function education(rules: readonly RuleDef[]): Dropdown[] {
  const rule = byCheck(rules, 'education');
  const p = rule?.params ?? {};
  const edu = obj(p.education);
  const deg = obj(p.degree);
  const eduField = typeof p.educationField === 'string' ? p.educationField : 'education';
  const degField = typeof p.degreeField === 'string' ? p.degreeField : 'degree';
  return [
    {
      name: { zh: '学历', en: 'education' },
      fields: [eduField],
      values: standard(
        ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中专', '高中及以下'],
        rule ? [obj(edu.accept), obj(edu.below)] : [],
        strings(obj(edu.accept).values),
      ),
      strict: false,
    },
    {
      name: { zh: '学位', en: 'degree' },
      fields: [degField],
      values: standard(['博士', '硕士', '学士', '第二学士', '无'], rule ? [obj(deg.accept), obj(deg.none)] : [], strings(obj(deg.accept).values)),
      strict: false,
    },
  ];
}

function yesNoFields(rules: readonly RuleDef[]): FieldId[] {
  const answered = [...paramFields(rules, ['yes-no'], /^field$/)];
  const poge = [...paramFields(rules, ['current-title', 'education', 'seniority'], /^pogeField$/)];
  return [
    ...new Set([
      ...(answered.length > 0 ? answered : ['entrusted', 'postVerified', 'archiveApproved', 'cpdRegistered']),
      ...(poge.length > 0 ? poge : ['poge']),
    ]),
  ];
}

function assessmentRule(rules: readonly RuleDef[]): RuleDef | undefined {
  return byCheck(rules, 'annual-assessment');
}

// Without the rule, the columns the rule set labels as a year's assessment (2023年度考核).
function assessmentFields(rules: readonly RuleDef[], ruleSet: RuleSet): FieldId[] {
  const fields = yearColumns(rules, 'annual-assessment').map((y) => y.field);
  return fields.length > 0 ? fields : ruleSet.columns.filter((c) => /年度考核$/.test(c.label.zh)).map((c) => c.id);
}

function assessmentGrades(rules: readonly RuleDef[]): string[] {
  const p = assessmentRule(rules)?.params ?? {};
  const grades = [...strings(p.pass), ...strings(p.concern)];
  return grades.length > 0 ? [...new Set(grades)] : ['优秀', '合格', '基本合格', '不合格'];
}
