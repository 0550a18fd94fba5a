import type { Localized } from '../core/types.js';
import type { IssuePath } from './issues.js';

/** What only the new notice can give, as `rules init --year` writes it: refused until filled. */
export const PLACEHOLDER = '待填';

/** Where a rule set (parsed, any shape) still holds the placeholder `rules init --year` writes. */
export function placeholderPaths(data: unknown): IssuePath[] {
  const out: IssuePath[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      if (v.trim() === PLACEHOLDER) out.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(data, []);
  return out;
}

export const PLACEHOLDER_MESSAGE: Localized = {
  zh: `仍为"${PLACEHOLDER}"：请按新一轮评审通知填写`,
  en: `still reads "${PLACEHOLDER}": fill it in from the new round's notice`,
};
