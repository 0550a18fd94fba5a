import type { Localized } from '../core/types.js';
import type { Citation } from './schema.js';

/** 〔人社部令第25号 第九条；浙经信人事〔2023〕291号 二〕 — the form Chinese officials write citations in. */
export function renderSources(sources: readonly Citation[]): Localized {
  const parts = sources.map((s) => (s.clause ? `${s.doc} ${s.clause}` : s.doc));
  return { zh: `〔${parts.join('；')}〕`, en: `[${parts.join('; ')}]` };
}
