import type { CellValue } from '../core/types.js';
import { toHalfWidth, withoutFormatChars } from './text.js';
import { withoutNotes } from './notes.js';

// `90`, `90.5`, `90学时`, `90 小时`, `90h`; a JS number text (incl. `1e-7`) before an optional unit.
const HOURS_RE = /^((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(?:学时|小时|课时|hours?|hrs?|h)?$/i;
// Words around a total that do not change it: 共96学时, 合计96, 96学时。
const LEAD_RE = /^(?:共计|合计|总计|累计|共|计)\s*/;
const TRAIL_RE = /[。.;；]+$/;
// One term of a sum, optionally named by its subject: `60`, `60学时`, `专业60`, `公需科目36学时`.
const TERM_RE = /^(?:公需科目|专业科目|公需课|专业课|公需|专业|选修|必修)?\s*((?:\d+(?:\.\d*)?|\.\d+))\s*(?:学时|小时|课时|h)?$/i;

/**
 * More hours than a (leap) year has cannot be one year's CPD: `1e308`, a pasted serial number, a
 * typo with the decimal point lost (9000 for 90.00). Such a value is unreadable (a warning), never
 * a pass.
 */
const MAX_HOURS = 366 * 24;

/** CPD hours. undefined = blank; null = negative, absurd or not a number of hours. */
export function parseHours(v: CellValue | undefined): number | null | undefined {
  const hours = readHours(v);
  return typeof hours === 'number' && hours > MAX_HOURS ? null : hours;
}

function readHours(v: CellValue | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  switch (v.kind) {
    case 'number':
      return Number.isFinite(v.value) && v.value >= 0 ? v.value + 0 : null; // + 0 turns -0 into 0
    case 'string': {
      const t = toHalfWidth(withoutFormatChars(v.text)).trim();
      if (t === '') return undefined;
      if (HOURS_RE.test(t)) return hoursText(t);
      const bare = withoutNotes(t).replace(TRAIL_RE, '').replace(LEAD_RE, '').trim();
      return hoursText(bare) ?? sumText(bare);
    }
    default:
      return null;
  }
}

function hoursText(t: string): number | null {
  const m = HOURS_RE.exec(t);
  if (m === null) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

/**
 * `60+36` or `专业60+公需36`: a plus sign says "add", so the total is unambiguous. Other separators
 * (`60/36`, `60、36`) may be two years or 专业/公需 and stay unread.
 */
function sumText(t: string): number | null {
  if (!t.includes('+')) return null;
  let total = 0;
  for (const term of t.split('+')) {
    const m = TERM_RE.exec(term.trim());
    if (m === null) return null;
    total += Number(m[1]);
  }
  return Number.isFinite(total) ? total : null;
}
