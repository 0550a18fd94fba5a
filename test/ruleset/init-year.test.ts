// `rules init --year`: the copy moves to another round; what only the new notice gives reads 待填 and
// is refused until filled; filled, it checks clean and its cases pass on the new round's dates.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initCopyText } from '../../src/ruleset/init-copy.js';
import { formatPath } from '../../src/ruleset/issues.js';
import { runCases } from '../../src/ruleset/run-cases.js';
import { validateRuleSetText } from '../../src/ruleset/validate.js';
import { bundled2023Text, fillPlaceholders } from './next-round.js';

async function init2025(year?: number, text = bundled2023Text()) {
  const source = await validateRuleSetText(text, 'zj-2023-zhenggao.yaml');
  return initCopyText({
    text,
    ruleSet: source.ruleSet!,
    kinds: source.kinds,
    from: 'zj-2023-zhenggao',
    newId: 'zj-2025-zhenggao',
    ...(year === undefined ? {} : { year }),
    lang: 'zh',
    schemaPath: './rule-set.schema.json',
    outName: 'zj-2025-zhenggao.yaml',
  });
}

type Data = {
  round: { year: number; referenceDate: string; deadlines: { date: string }[] };
  title: { zh: string };
  notice: Record<string, string>;
  columns: { id: string; label: { zh: string; en: string }; aliases: string[] }[];
  rules: { id: string; description: { zh: string }; params: Record<string, unknown>; sources: { doc: string }[]; note?: string }[];
  cases: { name: string; applicant: Record<string, unknown> }[];
};
const rule = (d: Data, id: string) => d.rules.find((r) => r.id === id)!;

describe('rules init --year', () => {
  it('moves every year-bound column, the CPD and assessment years and the seniority cut-off', async () => {
    const d = parse(await init2025(2025), { merge: true }) as Data;
    expect(d.round.year).toBe(2025);
    const ids = d.columns.map((c) => c.id);
    expect(ids.filter((id) => /\d{4}/.test(id))).toEqual([
      'cpd2023', 'cpd2024', 'cpd2025',
      'cpdPublic2023', 'cpdPro2023', 'cpdPublic2024', 'cpdPro2024', 'cpdPublic2025', 'cpdPro2025',
      'assessment2023', 'assessment2024', 'assessment2025',
    ]);
    const cpd2025 = d.columns.find((c) => c.id === 'cpd2025')!;
    expect(cpd2025.label).toEqual({ zh: '2025年继续教育学时', en: '2025 CPD hours' });
    expect(cpd2025.aliases).toContain('继续教育学时2025年');
    expect(rule(d, 'cpd-hours').params['years']).toEqual([
      { year: 2023, field: 'cpd2023' },
      { year: 2024, field: 'cpd2024' },
      { year: 2025, field: 'cpd2025' },
    ]);
    expect(rule(d, 'cpd-hours').description.zh).toContain('2023—2025年');
    expect((rule(d, 'cpd-split').params['years'] as unknown[])[2]).toEqual({ year: 2025, publicField: 'cpdPublic2025', proField: 'cpdPro2025' });
    expect((rule(d, 'annual-assessment').params['years'] as unknown[])[0]).toEqual({ year: 2023, field: 'assessment2023' });
    expect(rule(d, 'seniority').params['cutoff']).toBe('2025-12-31');
    expect(rule(d, 'seniority').description.zh).toContain('2025年12月31日');
    // Citations of other documents and notes citing dated law keep their years.
    expect(rule(d, 'achievements').sources.map((s) => s.doc)).toContain('浙经信人事〔2023〕240号');
    expect(rule(d, 'retirement-age').note).toContain('2025-01-01');
    // Cases: columns renamed, days moved by whole weeks.
    const base = d.cases[0]!.applicant;
    expect(base).toMatchObject({ cpd2025: 92, assessment2025: '合格', applyDate: '2026-02-27', publicStart: '2026-03-09' });
    expect(base).not.toHaveProperty('cpd2021');
    expect(d.cases.map((c) => c.name)).toContain('2024年继续教育学时不足');
  });

  it('writes 待填 for what only the new notice gives, refused by check naming each field and line', async () => {
    const copy = await init2025(2025);
    const d = parse(copy, { merge: true }) as Data;
    expect(d.title.zh).toBe('待填');
    expect(d.notice).toEqual({ number: '待填', title: '待填', issued: '待填' });
    expect(d.round.referenceDate).toBe('待填');
    expect(d.round.deadlines.map((x) => x.date)).toEqual(['待填', '待填', '待填']);
    const v = await validateRuleSetText(copy, 'zj-2025-zhenggao.yaml');
    expect(v.ruleSet).toBeUndefined();
    expect(v.blocking.length).toBeGreaterThan(0);
    expect(v.errors.every((e) => e.code === 'placeholder')).toBe(true);
    const paths = v.errors.map((e) => formatPath(e.path));
    expect(paths).toEqual(expect.arrayContaining([
      'title.zh', 'title.en', 'notice.number', 'notice.title', 'notice.issued', 'round.referenceDate',
      'round.deadlines[0].date', 'round.deadlines[2].date', 'rules[12].params.altCutoff', 'rules[10].sources[1].doc',
    ]));
    const lines = copy.split('\n');
    for (const e of v.errors) {
      expect(e.line, formatPath(e.path)).toBeDefined();
      expect(lines[e.line! - 1]).toContain('待填');
      expect(e.message.zh).toContain('请按新一轮评审通知填写');
    }
    expect(copy).toContain('年份已从 2023 年度移到 2025 年度');
  });

  it('an outcome citing the round notice gets 待填 too, other citations of the outcome stay', async () => {
    const anchor = '          - { doc: 中共中央办公厅 国务院办公厅关于加强新时代高技能人才队伍建设的意见 }\n';
    const text = bundled2023Text();
    expect(text).toContain(anchor);
    const copy = await init2025(2025, text.replace(anchor, `${anchor}          - { doc: 浙经信人事〔2023〕291号, clause: 二 }\n`));
    const d = parse(copy, { merge: true }) as { rules: { id: string; outcomes: Record<string, { sources?: { doc: string }[] }> }[] };
    const docs = d.rules.find((r) => r.id === 'education')!.outcomes['recognition']!.sources!.map((s) => s.doc);
    expect(docs).toEqual(['人社部发〔2019〕16号', '中共中央办公厅 国务院办公厅关于加强新时代高技能人才队伍建设的意见', '待填']);
  });

  it('filled in, checks without errors and its cases pass on the new dates', async () => {
    const filled = await fillPlaceholders(await init2025(2025));
    const v = await validateRuleSetText(filled, 'zj-2025-zhenggao.yaml');
    expect(v.errors.map((e) => `${formatPath(e.path)} ${e.message.zh}`)).toEqual([]);
    expect(v.warnings.map((w) => w.code)).not.toContain('stale-year');
    const results = await runCases(v.ruleSet!, { asOf: v.ruleSet!.round.referenceDate });
    expect(results.filter((r) => !r.ok).map((r) => r.name)).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });

  it('without --year copies the round as it is', async () => {
    const d = parse(await init2025(undefined), { merge: true }) as Data;
    expect(d.round.year).toBe(2023);
    expect(d.notice['number']).toBe('浙经信人事〔2023〕291号');
  });
});
