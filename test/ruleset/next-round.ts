// A 2025 round made from the bundled 2023 rule set as an office would: `rules init --year 2025`, then
// each 待填 filled from the (imagined) new notice. Shared by the init --year tests and the end-to-end one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { formatPath } from '../../src/ruleset/issues.js';
import { validateRuleSetText } from '../../src/ruleset/validate.js';

export const BUNDLED_2023 = fileURLToPath(new URL('../../rules/zj-2023-zhenggao.yaml', import.meta.url));
export const bundled2023Text = (): string => readFileSync(BUNDLED_2023, 'utf8');

/** The 2025 notice's facts, by the path `rules check` names; the 2023 dates moved by 104 weeks. */
export const NOTICE_2025: Record<string, string> = {
  'title.zh': '2025年度浙江省工业和信息化领域正高级工程师职务任职资格评审',
  'title.en': 'Zhejiang 2025 professorate senior engineer review, industry & IT field',
  'notice.number': '浙经信人事〔2025〕300号',
  'notice.title': '关于开展2025年度工业和信息化领域正高级工程师职务任职资格评审工作的通知',
  'notice.issued': '2025-12-26',
  'round.referenceDate': '2026-03-06',
  'round.deadlines[0].date': '2026-03-06',
  'round.deadlines[1].date': '2026-03-19',
  'round.deadlines[2].date': '2026-04-08',
};

/** Fills every 待填 `rules check` names: the notice's facts above, a source citing the notice, the second seniority cut-off. */
export async function fillPlaceholders(text: string): Promise<string> {
  const v = await validateRuleSetText(text, 'next.yaml');
  const doc = parseDocument(text, { merge: true });
  for (const e of v.errors.filter((x) => x.code === 'placeholder')) {
    const p = formatPath(e.path);
    const value = NOTICE_2025[p] ?? (p.endsWith('.doc') ? NOTICE_2025['notice.number'] : p.endsWith('params.altCutoff') ? NOTICE_2025['round.referenceDate'] : undefined);
    if (value === undefined) throw new Error(`fillPlaceholders: no value for ${p}`);
    doc.setIn(e.path, value);
  }
  return doc.toString({ lineWidth: 0 });
}
