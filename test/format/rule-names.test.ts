import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ruleNamer, shortNameOf } from '../../src/format/rule-names.js';

describe('rule short names (until the rule set has a title per rule)', () => {
  it('takes the subject of the description, else its first clause, at most 10 characters', () => {
    expect(shortNameOf('申报专业须为设有正高级评审委员会的6个专业之一（人工智能归入信息技术）')).toBe('申报专业');
    expect(shortNameOf('2021—2023年每年继续教育学时不少于90学时（逐年核验）')).toBe('继续教育学时');
    expect(shortNameOf('申报前须建立个人业绩档案库并经所在单位审查通过')).toBe('建立个人业绩档案库');
    expect(shortNameOf('花名册填写了公需科目、专业科目学时的，每年专业科目不少于60学时')).toBe('花名册填写了公需科目…');
  });

  it('gives every rule of the bundled rule set a Chinese name without an English id', () => {
    const rules = (parse(readFileSync('rules/zj-2023-zhenggao.yaml', 'utf8')) as { rules: { id: string; description: { zh: string; en: string } }[] }).rules;
    const zh = ruleNamer(rules, 'zh');
    for (const r of rules) {
      const name = zh(r.id);
      expect(name.length, r.id).toBeGreaterThan(1);
      expect(name, r.id).not.toMatch(/[a-z]-[a-z]|^[a-z-]+$/);
    }
  });

  it('every rule of the bundled rule set has its own short zh and en title, which is its name', () => {
    type R = { id: string; description: { zh: string; en: string }; title?: { zh: string; en: string } };
    const rules = (parse(readFileSync('rules/zj-2023-zhenggao.yaml', 'utf8')) as { rules: R[] }).rules;
    const zh = ruleNamer(rules, 'zh');
    const en = ruleNamer(rules, 'en');
    for (const r of rules) {
      expect(r.title, r.id).toBeDefined();
      expect(r.title!.zh.length, r.id).toBeLessThanOrEqual(10);
      expect(r.title!.zh, r.id).toMatch(/^[\u4e00-\u9fff、]+$/);
      expect(zh(r.id)).toBe(r.title!.zh);
      expect(en(r.id)).toBe(r.title!.en);
    }
    expect(new Set(rules.map((r) => r.title!.zh)).size).toBe(rules.length);
    expect(new Set(rules.map((r) => r.title!.en)).size).toBe(rules.length);
  });

  it('uses a title when a rule has one; keeps the id in en and for rules it does not know', () => {
    const rules = [{ id: 'cpd-hours', description: { zh: '继续教育学时须…', en: 'CPD' }, title: { zh: '继续教育', en: 'CPD hours' } }];
    expect(ruleNamer(rules, 'zh')('cpd-hours')).toBe('继续教育');
    expect(ruleNamer(rules, 'en')('cpd-hours')).toBe('CPD hours');
    expect(ruleNamer([{ id: 'x', description: { zh: '身份证号须为18位', en: '' } }], 'en')('x')).toBe('x');
    expect(ruleNamer([], 'zh')('unknown-rule')).toBe('unknown-rule');
  });
});
