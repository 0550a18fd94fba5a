import type { CellValue } from '../core/types.js';
import { toHalfWidth, withoutFormatChars } from './text.js';
import { withoutNotes } from './notes.js';

// Compared after trim, half-width and ASCII lower-casing (so YES/Yes/yes are one entry).
const YES = new Set(['是', 'y', 'yes', '√', '✓', '✔', '有', '已', '已登记', '已核验', '已审核', '通过', '1', 'true']);
const NO = new Set(['否', 'n', 'no', '×', '✗', '✘', 'x', '无', '未', '未登记', '未核验', '0', 'false']);

/** 是/否-style answers; null when the text is not one of the known words. */
export function parseYesNo(s: string): boolean | null {
  // U+FE0F (emoji presentation) may trail ✔ when pasted from chat apps.
  const t = toHalfWidth(withoutFormatChars(s)).replace(/\uFE0F/g, '').trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  // An answer with a note: 是（已登记）, 否(待补).
  const bare = withoutNotes(t);
  if (bare === t || bare === '') return null;
  return YES.has(bare) ? true : NO.has(bare) ? false : null;
}

/** A cell as yes/no. undefined = blank; null = a value that is not a yes/no answer. */
export function parseYesNoValue(v: CellValue | undefined): boolean | null | undefined {
  if (v === undefined) return undefined;
  switch (v.kind) {
    case 'string':
      return withoutFormatChars(v.text).trim() === '' ? undefined : parseYesNo(v.text);
    case 'boolean':
      return v.value;
    case 'number':
      return v.value === 1 ? true : v.value === 0 ? false : null;
    default:
      return null;
  }
}
