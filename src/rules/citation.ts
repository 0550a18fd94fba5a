import type { Localized } from '../core/types.js';
import type { Citation } from './schema.js';

/**
 * Everything a rule rests on, for where the rule is listed: its own sources, then those only an
 * outcome cites.
 */
export function allSources(rule: { sources: readonly Citation[]; outcomes: Record<string, { sources?: readonly Citation[] | undefined }> }): Citation[] {
  const all = [...rule.sources];
  const key = (c: Citation) => `${c.doc}\u0000${c.clause ?? ''}`;
  const seen = new Set(all.map(key));
  for (const o of Object.values(rule.outcomes)) {
    for (const c of o.sources ?? []) {
      if (seen.has(key(c))) continue;
      seen.add(key(c));
      all.push(c);
    }
  }
  return all;
}

/** 〔人社部令第25号 第九条；浙经信人事〔2023〕291号 二〕 — the form Chinese officials write citations in. */
export function renderSources(sources: readonly Citation[]): Localized {
  const parts = sources.map((s) => (s.clause ? `${s.doc} ${s.clause}` : s.doc));
  return { zh: `〔${parts.join('；')}〕`, en: `[${parts.join('; ')}]` };
}
