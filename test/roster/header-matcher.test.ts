// HeaderMatcher turns most data cells away before the full lookup (by how their normalised text
// would start). That shortcut must never change an answer: every text is matched exactly as the
// full lookup (normalizeHeader, then the alias table) would match it.
import { describe, expect, it } from 'vitest';
import { HeaderMatcher } from '../../src/roster/header-matcher.js';
import { loadBundledRuleSet } from '../../src/ruleset/load.js';
import { prng } from '../hostile/build.js';

const columns = loadBundledRuleSet().ruleSet.columns;
const aliases = columns.flatMap((c) => [c.label.zh, ...c.aliases]);

/** The matcher's full lookup, without the shortcut. */
function fullLookup(m: HeaderMatcher, text: string): string | null {
  return (m as unknown as { lookup(t: string): string | null }).lookup(text);
}

const SPACES = [' ', '\u3000', '\u200B', '\uFEFF', '\t', '\u00A0', '\n'];
const NOTES = ['（必填）', '(单位：学时)', '【注】', '[x]', '（2021年）', '(格式：2019-06)', '（（嵌套）说明）'];
const NUMBERS = ['1.', '１．', '12、', '3 .', '4(一).', '05', '2023', '2023-'];
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function decorate(text: string, rnd: () => number): string {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  let t = text;
  if (rnd() < 0.3) t = toFullWidth(t);
  if (rnd() < 0.2) t = t.toUpperCase();
  if (rnd() < 0.3) t = pick(NOTES) + t;
  if (rnd() < 0.3) t = t + pick(NOTES);
  if (rnd() < 0.3) {
    const at = Math.floor(rnd() * (t.length + 1));
    t = t.slice(0, at) + pick(NOTES) + t.slice(at);
  }
  if (rnd() < 0.3) t = pick(NUMBERS) + t;
  if (rnd() < 0.4) {
    const at = Math.floor(rnd() * (t.length + 1));
    t = t.slice(0, at) + pick(SPACES) + t.slice(at);
  }
  if (rnd() < 0.3) t = pick(SPACES) + t;
  if (rnd() < 0.3) t = t + pick([':', '：', '::', ' ：']);
  if (rnd() < 0.1) t = t.slice(1);
  return t;
}

describe('HeaderMatcher', () => {
  it('matches every alias, also decorated as rosters write them', () => {
    const m = new HeaderMatcher(columns);
    for (const a of aliases) {
      expect(m.match(a), a).not.toBeNull();
      for (const t of [` ${a} `, `${a}：`, `1.${a}`, `１、${a}`, `${a}（必填）`, `（必填）${a}`, `【注】${toFullWidth(a)}`]) {
        expect(m.match(t), t).toBe(fullLookup(m, t));
        expect(m.match(t), t).toBe(m.match(a));
      }
    }
  });

  it.each([
    // Years in the bracket without 年: the three years' hours in one cell (read per year).
    ['近三年继续教育学时（2021/2022/2023）', 'cpdYears'],
    ['继续教育学时（2021/2022/2023）', 'cpdYears'],
    ['继续教育学时(2021、2022、2023)', 'cpdYears'],
    ['近三年继续教育学时（2021-2023）', 'cpdYears'],
    // Year above, kind below (a two-row header joins them): 2021年 + 年度考核.
    ['2021年年度考核', 'assessment2021'],
    ['2023年年度考核', 'assessment2023'],
    // The year in a bracket after the kind, or 结果/等次 after it.
    ['年度考核（2021年度）', 'assessment2021'],
    ['年度考核(2022年度)', 'assessment2022'],
    ['2023年度考核结果', 'assessment2023'],
    ['2022年度考核等次', 'assessment2022'],
  ])('maps %j to %s', (header, field) => {
    const m = new HeaderMatcher(columns);
    expect(m.match(header)).toBe(field);
  });

  it('turns data cells away before the full lookup: names, ID numbers, phones, dates, units', () => {
    const m = new HeaderMatcher(columns);
    const mayMatch = (t: string) => (m as unknown as { mayMatch(t: string): boolean }).mayMatch(t);
    for (const t of ['余成磊', '330102198001011234', '13800138000', '2023-01-01', '2023-01-012023-02-01', '衢州金盾智能装备有限公司', '96', '高级工程师']) {
      expect(mayMatch(t), t).toBe(false);
      expect(m.match(t), t).toBeNull();
    }
  });

  it('answers exactly as the full lookup for 20 000 decorated and random texts', () => {
    const rnd = prng(20231127);
    const m = new HeaderMatcher(columns);
    const alphabet = [...new Set(aliases.join(''))].join('') + '0123456789０１２３４５６７８９.、:：()（）[]【】 -/年';
    let matched = 0;
    for (let k = 0; k < 20_000; k++) {
      let text: string;
      if (k % 2 === 0) text = decorate(aliases[Math.floor(rnd() * aliases.length)]!, rnd);
      else {
        const len = 1 + Math.floor(rnd() * 8);
        text = Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
        if (rnd() < 0.5) text = decorate(text, rnd);
      }
      const want = fullLookup(m, text);
      if (want !== null) matched++;
      expect(m.match(text), JSON.stringify(text)).toBe(want);
    }
    // The texts exercise both answers.
    expect(matched).toBeGreaterThan(2_000);
  });
});
