// 预审汇总 prints its counts in tables whose first column is wide: a count right-aligned at the end
// of its cell stood under the next column's header (信息技术 25 read as 25 通过). Counts and the
// headers over them are centred in their own column.
import { describe, expect, it } from 'vitest';
import { rulesSheetXml, summarySheetXml } from '../../src/annotate/summary-sheets.js';
import { applicant, finding, rosterInput, runResult } from './helpers.js';

const XF = { text: 1, header: 2, wrap: 3, title: 4, num: 5, headerNum: 6 };

/** Each cell of the sheet as [ref, style, text or number]. */
function cells(xml: string): [string, string, string][] {
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)].map((m) => [m[1]!, m[2] ?? '', m[3] ?? m[4] ?? '']);
}

describe('预审汇总 and 预审规则 layout', () => {
  const input = rosterInput();
  const apps = [applicant(4, []), applicant(5, [finding('cpd-hours', 'error', 'F5', '学时不足')])];
  const args = { input, applicants: apps, run: runResult(input, apps), lang: 'zh' as const };

  it('centres every count, and the header over it, in its own column', () => {
    const all = cells(summarySheetXml(args, XF));
    const counts = all.filter(([ref, , v]) => /^\d+$/.test(v) && !ref.startsWith('A'));
    expect(counts.length).toBeGreaterThan(5);
    for (const [ref, s] of counts) expect([ref, s]).toEqual([ref, String(XF.num)]);
    for (const label of ['人数', '合计', '通过', '待复核', '不通过']) {
      const header = all.find(([, s, v]) => v === label && (s === String(XF.header) || s === String(XF.headerNum)));
      expect(header, label).toBeDefined();
      expect(header![1], label).toBe(String(XF.headerNum));
    }
  });

  it('centres the flagged count of each rule under its header', () => {
    const all = cells(rulesSheetXml(args, XF));
    expect(all.find(([, , v]) => v === '本表标记人数')?.[1]).toBe(String(XF.headerNum));
    const counts = all.filter(([, , v]) => /^\d+$/.test(v));
    expect(counts.length).toBeGreaterThan(3);
    for (const [ref, s] of counts) expect([ref, s]).toEqual([ref, String(XF.num)]);
  });

  it('a copy made anew from an older format says what of the original it could not carry over, comments and hidden rows included', () => {
    const legacy = { ...args, input: { ...input, kind: 'legacy' as const } };
    for (const lang of ['zh', 'en'] as const) {
      const texts = cells(summarySheetXml({ ...legacy, lang }, XF)).map(([, , v]) => v);
      const note = texts.find((t) => t.includes(lang === 'zh' ? '重新生成' : 'made anew'));
      expect(note, lang).toBeDefined();
      for (const word of lang === 'zh' ? ['批注', '数据有效性', '筛选', '隐藏'] : ['comments', 'data validation', 'filters', 'hidden rows']) expect(note, word).toContain(word);
    }
    expect(cells(summarySheetXml(args, XF)).some(([, , v]) => v.includes('重新生成'))).toBe(false);
  });

  it('explains the confidence marks under the rules, design included (本工具设定 in zh)', () => {
    const texts = cells(rulesSheetXml(args, XF)).map(([, , v]) => v);
    expect(texts.some((t) => t.startsWith('可信度：N=通知原文') && t.includes('本工具设定=本工具的核对做法'))).toBe(true);
    expect(texts.some((t) => t.includes('design'))).toBe(false);
    const en = cells(rulesSheetXml({ ...args, lang: 'en' }, XF)).map(([, , v]) => v);
    expect(en.some((t) => t.includes('design=a check of this tool'))).toBe(true);
  });

  // A rule's severity is a finding's: 错误/警告/提示, never a verdict word (不通过/待复核) beside 提示.
  it('names the rule\'s severity column 最高级别 and fills it with 错误/警告/提示', () => {
    const all = cells(rulesSheetXml(args, XF));
    expect(all.find(([ref]) => ref === 'B1')?.[2]).toBe('最高级别');
    const severities = all.filter(([ref]) => /^B\d+$/.test(ref) && ref !== 'B1').map(([, , v]) => v);
    expect(severities.length).toBeGreaterThan(1);
    for (const v of severities) expect(['错误', '警告', '提示']).toContain(v);
    expect(cells(rulesSheetXml({ ...args, lang: 'en' }, XF)).find(([ref]) => ref === 'B1')?.[2]).toBe('Max severity');
  });
});
