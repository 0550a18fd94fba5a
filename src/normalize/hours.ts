import type { CellValue } from '../core/types.js';
import { toHalfWidth } from './text.js';

// `90`, `90.5`, `90学时`, `90 小时`, `90h`; a JS number text (incl. `1e-7`) before an optional unit.
const HOURS_RE = /^((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(?:学时|小时|课时|hours?|hrs?|h)?$/i;

/** CPD hours. undefined = blank; null = negative or not a number of hours. */
export function parseHours(v: CellValue | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  switch (v.kind) {
    case 'number':
      return Number.isFinite(v.value) && v.value >= 0 ? v.value + 0 : null; // + 0 turns -0 into 0
    case 'string': {
      const t = toHalfWidth(v.text).trim();
      if (t === '') return undefined;
      const m = HOURS_RE.exec(t);
      if (m === null) return null;
      const n = Number(m[1]);
      return Number.isFinite(n) ? n : null;
    }
    default:
      return null;
  }
}
