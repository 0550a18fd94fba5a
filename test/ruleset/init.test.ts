// `rules init`: a commented copy to edit; unchanged, it says exactly what its source says.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resetCommandName, setCommandNameFrom } from '../../src/core/command-name.js';
import { parseRuleSetText } from '../../src/ruleset/load.js';
import { initCopyText, schemaPathFor } from '../../src/ruleset/init-copy.js';
import { validateRuleSetText } from '../../src/ruleset/validate.js';
import { miniText, zh } from './helpers.js';

async function initFrom(text: string, lang: 'zh' | 'en' = 'zh', schemaPath: string | null = '../rules/rule-set.schema.json') {
  const source = await validateRuleSetText(text, 'mini.yaml');
  return initCopyText({
    text,
    ruleSet: source.ruleSet!,
    kinds: source.kinds,
    from: 'mini.yaml',
    newId: 'mini-2024',
    lang,
    ...(schemaPath === null ? {} : { schemaPath }),
    outName: 'mini-2024.yaml',
  });
}

describe('initCopyText', () => {
  it('passes check and screens like its source: only the id differs', async () => {
    const copy = await initFrom(miniText());
    const v = await validateRuleSetText(copy, 'mini-2024.yaml');
    expect(zh(v.errors)).toEqual([]);
    // the id now names 2024 while round.year is still 2023: the one reminder, a warning
    expect(v.warnings.map((w) => w.code)).toEqual(['stale-year']);
    const a = parseRuleSetText(miniText(), 'a');
    const b = parseRuleSetText(copy, 'b');
    expect({ ...b, id: a.id }).toEqual(a);
    expect(b.id).toBe('mini-2024');
  });

  it('marks what changes every year and explains each parameter with the rule’s citation', async () => {
    const copy = await initFrom(miniText());
    const lines = copy.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=../rules/rule-set.schema.json');
    expect(copy).toContain('screen rules check mini-2024.yaml');
    const before = (needle: string) => {
      const i = lines.findIndex((l) => l.includes(needle));
      return lines.slice(Math.max(0, i - 6), i).join('\n');
    };
    expect(before('  year: 2023')).toContain('# ★ 每年核对：评审年度');
    expect(before('date: "2024-03-08"')).toContain('# ★ 每年核对：个人申报截止');
    expect(before('issued: "2023-12-29"')).toContain('★ 每年核对：通知印发日期');
    expect(before('- id: cpd-hours')).toContain('# ── 规则 cpd-hours（检查类型 min-hours-per-year）：2021—2023年每年继续教育不少于90学时');
    expect(before('- id: cpd-hours')).toContain('# 依据：〔测试〔2023〕1号 二〕');
    expect(before('- id: cpd-hours')).toContain('★ 含年份或日期，须按新通知核对：description.zh、description.en、params.years');
    expect(before('      years:')).toContain('#   years — ★ 继续教育逐年核验的年份及各年学时所在列');
    expect(before('      years:')).toContain('#   minHours — 每年最低继续教育学时');
    expect(before('sources: [{ doc: 测试〔2023〕1号, clause: 二 }]')).toContain('★ 引用本轮通知');
    expect(before('  - { id: name,')).toContain('★ 这些列的编号和表头含年份：cpd2021、cpd2022、cpd2023');
  });

  it('speaks English with --lang en', async () => {
    const copy = await initFrom(miniText(), 'en');
    expect(copy).toContain('# ★ check every year: round year');
    expect(copy).toContain('#   minHours — minimum CPD hours per year');
  });

  it('turns a JSON source into commented YAML with the same data', async () => {
    const json = JSON.stringify(parse(miniText(), { merge: true }), null, 2);
    const copy = await initFrom(json);
    expect(copy).toContain('#   minHours — 每年最低继续教育学时');
    expect({ ...parseRuleSetText(copy, 'b'), id: 'mini-2023' }).toEqual(parseRuleSetText(json, 'a'));
  });

  it('points the editor at the bundled schema relative to the new file', () => {
    expect(schemaPathFor('/work/office/zj-2024.yaml', '/opt/roster-screen/rules/rule-set.schema.json')).toBe('../../opt/roster-screen/rules/rule-set.schema.json');
    expect(schemaPathFor('/opt/roster-screen/rules/x.yaml', '/opt/roster-screen/rules/rule-set.schema.json')).toBe('./rule-set.schema.json');
  });

  it('with no schema file to point at (the single-file executable), writes no schema line and names the executable', async () => {
    setCommandNameFrom('./roster-screen-linux-x64', 'linux');
    try {
      const copy = await initFrom(miniText(), 'zh', null);
      expect(copy).not.toContain('yaml-language-server');
      expect(copy.split('\n')[0]).toMatch(/^# ─+$/);
      expect(copy).toContain('./roster-screen-linux-x64 rules check mini-2024.yaml');
      expect((await validateRuleSetText(copy, 'mini-2024.yaml')).ruleSet?.id).toBe('mini-2024');
    } finally {
      resetCommandName();
    }
  });
});
