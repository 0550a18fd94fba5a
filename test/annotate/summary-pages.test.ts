// 预审汇总 repeated only its title on every printed page: a long 各规则标记人数 table went on over
// pages with no 不通过人数/待复核人数/提示人数 heading, its heading alone at the foot of a page; and the
// 未核验项 说明 was squeezed into the 12-wide column C while the 44-wide column beside it stayed empty.
import { describe, expect, it } from 'vitest';
import { layOutPages } from '../../src/annotate/summary-pages.js';
import { summarySheetXml } from '../../src/annotate/summary-sheets.js';
import { printableHeight } from '../../src/format/page-footer.js';
import { heightForLines } from '../../src/format/text-height.js';
import { applicant, finding, rosterInput, runResult } from './helpers.js';

const XF = { text: 1, header: 2, wrap: 3, title: 4, num: 5, headerNum: 6 };

describe('layOutPages', () => {
  const height = (r: string) => (r.startsWith('tall') ? 60 : 20);
  const continued = (h: string) => `${h}（续）`;

  it('moves a table that would cross a page to the next page, whole', () => {
    const laid = layOutPages(['title', 'a', 'b'], [{ header: 'H1', body: ['x', 'y'] }, { header: 'H2', body: ['1', '2', '3'] }], { page: 120, gap: 10, height, continued });
    // 40 (intro) + 10 + 60 (H1 table) = 110; H2's 80 more does not fit: it starts the next page.
    expect(laid.rows).toEqual(['title', 'a', 'b', null, 'H1', 'x', 'y', 'H2', '1', '2', '3']);
    expect(laid.breaksAfter).toEqual([7]);
  });

  it('breaks a table longer than a page at each page end and writes its header again', () => {
    const body = Array.from({ length: 12 }, (_, i) => `r${i + 1}`);
    const laid = layOutPages(['title'], [{ header: 'H', body }], { page: 100, gap: 10, height, continued });
    // Each page: a header (20) and four rows (80).
    expect(laid.rows).toEqual(['title', 'H', 'r1', 'r2', 'r3', 'r4', 'H（续）', 'r5', 'r6', 'r7', 'r8', 'H（续）', 'r9', 'r10', 'r11', 'r12']);
    expect(laid.breaksAfter).toEqual([6, 11]);
  });

  it('never leaves a header alone at the foot of a page', () => {
    const laid = layOutPages(['title', 'a', 'b', 'c'], [{ header: 'H', body: ['tall1', 'tall2', 'tall3'] }], { page: 100, gap: 0, height, continued });
    const h = laid.rows.indexOf('H') + 1;
    expect(laid.breaksAfter).not.toContain(h);
    expect(laid.breaksAfter[0]).toBe(h - 1);
  });
});

/** Rows of the sheet: number, height, and cells [ref, style, text]. */
function rowsOf(xml: string) {
  return [...xml.matchAll(/<row r="(\d+)"(?: ht="([\d.]+)")?[^>]*>(.*?)<\/row>/g)].map((m) => ({
    r: Number(m[1]),
    ht: Number(m[2] ?? 15),
    cells: [...m[3]!.matchAll(/<c r="([A-Z]+)\d+"(?: s="(\d+)")?(?: t="inlineStr")?(?:\/>|>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>)/g)].map((c) => [c[1]!, c[2] ?? '', c[3] ?? c[4] ?? ''] as const),
  }));
}

describe('预审汇总 on printed pages', () => {
  const input = rosterInput();
  // 40 rules flagging someone: the per-rule table runs over more than one page.
  const ids = Array.from({ length: 40 }, (_, i) => `rule-${String(i + 1).padStart(2, '0')}`);
  const apps = ids.map((id, i) => applicant(4 + i, [finding(id, 'error', `F${4 + i}`, '不符合')]));
  const run = runResult(input, apps);
  run.rules = [...run.rules, ...ids.map((id) => ({ ...run.rules[0]!, id, title: { zh: id, en: id }, description: { zh: `${id} 核验的内容，写得较长以便换行显示在核验内容一列中`, en: id } }))];
  run.unchecked = [
    ...run.unchecked,
    { ruleId: 'integrity', columns: [], files: [], reason: { zh: '未提供诚信档案名单（--integrity 文件），未核验', en: 'no integrity list (--integrity FILE): not checked' } },
  ];
  const xml = summarySheetXml({ input, applicants: apps, run, lang: 'zh' }, XF);
  const rows = rowsOf(xml);
  const breaks = [...xml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]));

  it('writes manual row breaks, after the print set-up', () => {
    expect(breaks.length).toBeGreaterThan(0);
    expect(xml).toMatch(/<\/headerFooter><rowBreaks count="\d+" manualBreakCount="\d+">/);
  });

  it('starts every page after a break with a table header, a continued one marked 续', () => {
    for (const b of breaks) {
      const next = rows.find((r) => r.r > b)!;
      expect(next.cells[0]![1], `row ${next.r}`).toBe(String(XF.header));
    }
    const continued = rows.filter((r) => r.cells[0]?.[2] === '各规则标记人数（续）');
    expect(continued.length).toBeGreaterThan(0);
    for (const c of continued) expect(c.cells.map(([, , v]) => v)).toEqual(['各规则标记人数（续）', '核验内容', '不通过人数', '待复核人数', '提示人数']);
  });

  it('fits each page: the rows between breaks (the repeated title aside) are no taller than a page', () => {
    const page = printableHeight({ landscape: true, sideMargin: 0.5, widths: [22, 44, 12, 12, 12] }) - 22;
    const edges = [1, ...breaks, rows[rows.length - 1]!.r];
    for (let i = 0; i + 1 < edges.length; i++) {
      const onPage = rows.filter((r) => r.r > edges[i]! && r.r <= edges[i + 1]!);
      expect(onPage.reduce((sum, r) => sum + r.ht, 0)).toBeLessThanOrEqual(page);
    }
  });

  it('puts the 未核验项 reason in the wide column B and the missing columns in C–E merged', () => {
    const header = rows.find((r) => r.cells[0]?.[2] === '未核验项')!;
    expect(header.cells.map(([ref, , v]) => [ref, v])).toEqual([
      ['A', '未核验项'],
      ['B', '说明'],
      ['C', '缺少的列'],
      ['D', ''],
      ['E', ''],
    ]);
    const integrity = rows.find((r) => r.cells[0]?.[2] === 'integrity')!;
    expect(integrity.cells[1]).toEqual(['B', String(XF.wrap), '未提供诚信档案名单（--integrity 文件），未核验']);
    // Two lines in the 44-wide column (it was five in the 12-wide one, --integrity cut in two).
    expect(integrity.ht).toBeLessThanOrEqual(heightForLines(2, 11));
    expect(xml).toContain(`<mergeCell ref="C${integrity.r}:E${integrity.r}"/>`);
    expect(xml).toContain(`<mergeCell ref="C${header.r}:E${header.r}"/>`);
  });
});
