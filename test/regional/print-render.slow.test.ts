// Renders 推荐名单 and 退回清单 as an office prints them (LibreOffice → PDF) and checks every page:
// A4, one page wide (each page carries the first and the last column's header and its page
// number), the sign-and-stamp block on the list's last page. PNGs of the pages are kept in
// test/.output/print-render for a person to look at. Needs LibreOffice and poppler-utils.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { buildRecommendationList } from '../../src/regional/recommendation-list.js';
import { buildReturnList } from '../../src/regional/return-list.js';
import { sofficeConvert } from '../annotate/helpers.js';
import { fixtureRuleSet, makeRun } from './run-fixture.js';

const has = (tool: string) => spawnSync('which', [tool]).status === 0;
const ready = has('soffice') && has('pdfinfo') && has('pdftotext');
if (!ready) console.warn('print-render.slow.test: skipped — needs soffice (LibreOffice) and pdfinfo/pdftotext (poppler-utils)');

const PNG_DIR = path.join(__dirname, '..', '.output', 'print-render');
const A4 = [595.3, 841.9];

/** The fixture run, with reasons long enough to wrap over several lines in their columns. */
function longRun() {
  const run = makeRun();
  const long: Finding = {
    ruleId: 'cpd-hours',
    outcome: 'short',
    severity: 'error',
    cell: 'P9',
    column: '2022年继续教育学时（专业科目）',
    value: '85学时（含线上48学时、线下37学时）',
    message: { zh: '2022年继续教育85学时，少于90学时（差5学时）；每年须不少于90学时，不能用其他年度的学时补足。'.repeat(3), en: 'short'.repeat(40) },
    source: { zh: '〔浙经信人事〔2023〕291号 二；人社部令第25号 第八条；浙经信人事〔2018〕99号〕', en: '' },
  };
  return { ...run, applicants: run.applicants.map((a) => (a.status === 'pass' ? a : { ...a, findings: [...a.findings, long, long] })) };
}

function pageSizes(pdf: string): number[][] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])].sort((x, y) => x - y));
}

const pageText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe.skipIf(!ready)('the lists printed (LibreOffice → PDF) [needs LibreOffice]', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-print-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function render(name: string, bytes: Buffer): Promise<{ pdf: string; pages: number }> {
    const xlsx = path.join(dir, `${name}.xlsx`);
    writeFileSync(xlsx, bytes);
    const pdf = sofficeConvert(xlsx, 'pdf', dir);
    const pages = pageSizes(pdf).length;
    if (has('pdftoppm')) {
      mkdirSync(PNG_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(PNG_DIR, name)]);
    }
    return { pdf, pages };
  }

  function expectPrintable(pdf: string, pages: number, first: string, last: RegExp): string[] {
    for (const [w, h] of pageSizes(pdf)) {
      expect(w).toBeCloseTo(A4[0]!, 0);
      expect(h).toBeCloseTo(A4[1]!, 0);
    }
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    texts.forEach((text, i) => {
      expect(text, `page ${i + 1}: footer`).toContain(`第${i + 1}页共${pages}页`);
    });
    // A table page that lost columns to a page on its right would lack its first or last header.
    for (const [i, text] of texts.entries()) if (text.includes(first)) expect(text, `page ${i + 1}: last column`).toMatch(last);
    return texts;
  }

  it('推荐名单: A4, one page wide, header on every page, page numbers, sign-and-stamp block', async () => {
    const { pdf, pages } = await render('推荐名单', await buildRecommendationList(longRun(), { lang: 'zh', mask: true, includeReview: true, ruleSet: fixtureRuleSet() }));
    const texts = expectPrintable(pdf, pages, '序号姓名身份证号', /备注|待复核事项/);
    expect(texts.filter((t) => t.includes('单位盖章')).length).toBe(2); // after 推荐名单 and 待复核人员
  }, 180_000);

  it('退回清单: A4, one page wide, each employer under the repeated header, sign-and-stamp block', async () => {
    const { pdf, pages } = await render('退回清单', await buildReturnList(longRun(), { lang: 'zh', mask: true }));
    const texts = expectPrintable(pdf, pages, '序号姓名身份证号', /问题级别/);
    // Every page of the return sheet repeats the header (the employers start new pages).
    const sheetPages = texts.slice(0, texts.findIndex((t) => t.includes('单位盖章')) + 1);
    expect(sheetPages.length).toBeGreaterThan(1);
    for (const t of sheetPages) expect(t).toContain('序号姓名身份证号');
  }, 180_000);
});
