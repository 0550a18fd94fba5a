import type { ApplicantResult } from '../core/types.js';
import { toHalfWidth } from '../normalize/text.js';
import { validateIdNumber } from '../normalize/id-number.js';
import { classifier, TermsSchema } from '../rules/checks/shared/term-match.js';
import { TITLE_CATEGORIES } from '../rules/checks/current-title.js';
import type { RuleSet } from '../rules/schema.js';
import { field } from './applicant-fields.js';

// The recommendation list is an official document: it shows the standard term where the tool can
// tell which one the roster meant (`高工` → 高级工程师, `研究生/硕士` → 硕士研究生/硕士, `９０学时` → 90),
// and the roster's text as written only where it cannot.

/** 现专业技术资格: the rule set's required title (its first value) when the roster's matches it. */
export function titleNamer(ruleSet: RuleSet | null): (raw: string) => string {
  const rule = ruleSet?.rules.find((r) => r.check === 'current-title');
  const parsed = TermsSchema.safeParse((rule?.params as { required?: unknown } | undefined)?.required);
  const standard = parsed.success ? parsed.data.values[0] : undefined;
  if (!parsed.success || !standard) return (raw) => raw;
  // The other categories are tried too, in the check's order, so that 正高级工程师 is not read as
  // "contains 高级工程师" and 高级工程师（电气） is not read as "contains 高级" (another series).
  const categories = TITLE_CATEGORIES.flatMap((key) => {
    const t = TermsSchema.safeParse(rule!.params[key]);
    return t.success ? [{ key, terms: t.data }] : [];
  });
  const classify = classifier(categories);
  return (raw) => (raw !== '' && classify(raw)?.key === 'required' ? standard : raw);
}

// 学历 and 学位 by level, most specific first: the national standard terms.
const EDUCATION: [RegExp, string][] = [
  [/博士/, '博士研究生'],
  [/硕士/, '硕士研究生'],
  [/^(在职)?研究生$/, '研究生'],
  [/本科|专升本|第二学士/, '大学本科'],
  [/大专|专科|高职/, '大学专科'],
];
const DEGREE: [RegExp, string][] = [
  [/博士/, '博士'],
  [/硕士/, '硕士'],
  [/^(第二)?学士(学位)?$|^学士/, '学士'],
];

function standardOf(table: [RegExp, string][], text: string): string | null {
  for (const [re, term] of table) if (re.test(text)) return term;
  return null;
}

/**
 * 学历/学位 in standard terms: `大学本科/学士`; either alone when the other is blank. A combined
 * entry in one cell (`研究生/硕士`) is split into its 学历 and 学位. Unreadable text stays as written.
 */
export function standardEducation(a: ApplicantResult): string {
  const clean = (s: string) => toHalfWidth(s).replace(/\s+/g, '');
  let edu = clean(field(a, 'education'));
  let deg = clean(field(a, 'degree'));
  const parts = edu.split(/[/、,，]/).filter(Boolean);
  if (parts.length === 2 && deg === '' && standardOf(DEGREE, parts[1]!) && !standardOf(DEGREE, parts[0]!)) [edu, deg] = parts as [string, string];
  let e = edu === '' ? '' : (standardOf(EDUCATION, edu) ?? field(a, 'education'));
  const d = deg === '' ? '' : (standardOf(DEGREE, deg) ?? field(a, 'degree'));
  // 研究生 with its degree named: the degree tells the level (研究生/硕士 → 硕士研究生/硕士).
  if (e === '研究生' && (d === '硕士' || d === '博士')) e = `${d}研究生`;
  return [e, d].filter(Boolean).join('/');
}

/**
 * 身份证号 as the receiving committee matches it: 18 half-width characters, X upper-case, no spaces
 * or hyphens (`３３０１０６ 1971…` → `3301061971…`); as written when it is no valid ID.
 */
export function standardId(raw: string): string {
  const id = validateIdNumber(raw);
  return id.ok ? id.normalized : raw;
}
