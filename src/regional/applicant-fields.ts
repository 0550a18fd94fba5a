import type { ApplicantResult, Lang } from '../core/types.js';
import { parseDateText } from '../normalize/date-text.js';
import { validateIdNumber } from '../normalize/id-number.js';

// The recommendation list's personal columns, from the roster text the engine kept
// (`ApplicantResult.fields`), falling back to what the ID number tells (sex, birth month).

export function field(a: ApplicantResult, id: string): string {
  return (a.fields?.[id] ?? '').trim();
}

/** 性别: the roster's, else from the ID's 17th digit. */
export function sexOf(a: ApplicantResult, lang: Lang): string {
  const given = field(a, 'sex');
  if (given) return given;
  const id = validateIdNumber(a.idNumber);
  if (!id.ok) return '';
  return lang === 'zh' ? (id.sex === 'male' ? '男' : '女') : id.sex === 'male' ? 'M' : 'F';
}

/** 出生年月 as `1971.02`: the roster's, else from the ID. */
export function birthMonthOf(a: ApplicantResult): string {
  const given = field(a, 'birthDate');
  if (given) return yearMonth(given);
  const id = validateIdNumber(a.idNumber);
  return id.ok ? yearMonth(id.birth) : '';
}

/** `2015-12-30`, `2015年12月`, `2015.12` → `2015.12`; a bare year stays; unreadable text is kept as written. */
export function yearMonth(text: string): string {
  const d = parseDateText(text);
  if (d === null) return text;
  return d.m === undefined ? String(d.y) : `${d.y}.${String(d.m).padStart(2, '0')}`;
}
