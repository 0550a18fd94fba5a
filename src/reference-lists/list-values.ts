import type { CellValue, Localized } from '../core/types.js';
import { isoOf, lastDay, parseDateValue } from '../normalize/date-text.js';
import { idFromCell, validateIdNumber } from '../normalize/id-number.js';
import { cellText, toHalfWidth } from '../normalize/text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Localized };

/** An ID number typed in a side list: present, stored as text, 18 characters; `strict` also checks the check digit. */
export function listIdNumber(v: CellValue | undefined, strict: boolean): Parsed<string> {
  if (v === undefined) {
    return { ok: false, problem: { zh: '身份证号为空。请填写身份证号，或删除此行。', en: 'the ID number is blank. Fill it in or delete the row.' } };
  }
  const id = idFromCell(v);
  if (id.precisionLost) {
    return {
      ok: false,
      problem: {
        zh: `身份证号"${id.text}"以数字形式保存，末几位已丢失。请把该列设为"文本"格式后重新输入。`,
        en: `the ID number "${id.text}" is stored as a number and has lost its last digits. Format the column as text and type it again.`,
      },
    };
  }
  const text = toHalfWidth(id.text).trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(text)) {
    return {
      ok: false,
      problem: { zh: `"${id.text}"不是18位身份证号。请核对。`, en: `"${id.text}" is not an 18-character ID number. Please check it.` },
    };
  }
  if (strict && !validateIdNumber(text).ok) {
    return {
      ok: false,
      problem: {
        zh: `身份证号"${text}"校验位或出生日期不正确，名单中的号码将无法与花名册匹配。请核对。`,
        en: `the ID number "${text}" has a wrong check digit or birth date, so it could never match a roster. Please check it.`,
      },
    };
  }
  return { ok: true, value: text };
}

/**
 * A date in a side list as ISO. A month or year is taken at its last day (the later date keeps a
 * record in force longer: the cautious reading). undefined = blank.
 */
export function listDate(v: CellValue | undefined): Parsed<string> | undefined {
  const d = parseDateValue(v);
  if (d === undefined) return undefined;
  if (d === null) {
    return {
      ok: false,
      problem: {
        zh: `无法识别日期"${cellText(v)}"。请写成 2023-06-30 或 2023年6月30日 的形式。`,
        en: `cannot read the date "${cellText(v)}". Write it like 2023-06-30.`,
      },
    };
  }
  return { ok: true, value: d.precision === 'day' ? isoOf(d) : lastDay(d) };
}
