import type { Lang, Localized } from '../core/types.js';

// Short names for rules where a person reads them (terminal, reports, workbooks); ids stay in JSON
// and CSV. A rule's `title: {zh, en}` in the rule set is its name. For a rule set without titles
// (an older or hand-made one), the zh name is the subject of the rule's description
// (`申报专业须为…` → 申报专业), else its first clause shortened; en keeps the id, English already.

interface NamedRule {
  id: string;
  description: Localized;
  title?: Localized;
}

const SUBJECT_END = /须|不得|应|不少于|不晚于|均为|由评审/;
const CLAUSE_END = /[，；。（(：:]/;
const MAX_CHARS = 10;

/** zh short name derived from a description (see above). */
export function shortNameOf(description: string): string {
  // Years name the round, not the rule (`2021—2023年每年继续教育学时…`).
  const clause = description.split(CLAUSE_END)[0]!.trim().replace(/^\d{4}\s*[—–-]\s*\d{4}\s*年度?(每年)?/, '');
  const m = SUBJECT_END.exec(clause);
  let subject = m ? clause.slice(0, m.index).replace(/^(申报前|同一)/, '') : '';
  // `申报前须建立个人业绩档案库…`: no subject but a time; what must be done names the rule.
  if (m && subject === '') subject = clause.slice(m.index + m[0].length).split(/并|且|、/)[0]!;
  const name = subject.length >= 2 && subject.length <= MAX_CHARS ? subject : clause.replace(/^须(具备)?/, '');
  return name.length > MAX_CHARS ? `${name.slice(0, MAX_CHARS)}…` : name || description.slice(0, MAX_CHARS);
}

/** Looks up the name of a rule id among the run's rules; an unknown id is shown as it is. */
export function ruleNamer(rules: readonly NamedRule[], lang: Lang): (ruleId: string) => string {
  const names = new Map<string, string>();
  for (const r of rules) names.set(r.id, r.title?.[lang] ?? (lang === 'zh' ? shortNameOf(r.description.zh) : r.id));
  return (id) => names.get(id) ?? id;
}
