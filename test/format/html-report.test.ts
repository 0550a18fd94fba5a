import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHtmlReport, REPORT_CSP } from '../../src/format/html/report.js';
import { fixtureRuleSet, IDS, makeRun } from '../regional/run-fixture.js';
import { findChromium, runChromium } from './chromium.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ruleSet = fixtureRuleSet();
const html = formatHtmlReport(makeRun(), { lang: 'zh', mask: true, ruleSet });

/** Everything in the page that could make a browser fetch something (escaped text holds no `<`, so tags are real). */
function fetchable(page: string): string[] {
  const found: string[] = [];
  for (const [raw] of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const tag = raw.replace(/"[^"]*"/g, '""'); // attribute names only, not their (escaped) values
    if (/^<(?:script|link|iframe|object|embed|img|base|audio|video|source|image|use)\b/i.test(tag)) found.push(tag);
    for (const m of tag.matchAll(/\s(?:src|href|srcset|action|poster|data|xlink:href|background)\s*=/gi)) found.push(`${tag}: ${m[0]}`);
  }
  for (const [css] of page.matchAll(/<style>[\s\S]*?<\/style>|\sstyle="[^"]*"/g)) {
    for (const m of css.matchAll(/url\(|@import|image-set\(/gi)) found.push(m[0]);
  }
  return found;
}

describe('预审报告.html (static checks)', () => {
  it('loads nothing: a strict CSP, no scripts, links, URLs or external fonts', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(fetchable(html)).toEqual([]);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/@font-face/);
  });

  it('shows the counts, four charts, who needs action, deadlines, exceptions and the run details', () => {
    for (const [status, n] of [['pass', 4], ['review', 1], ['fail', 2], ['total', 7]] as const) {
      expect(html).toContain(`<div class="n" id="count-${status}">${n}</div>`);
    }
    for (const chart of ['specialty', 'employer', 'region', 'rule']) expect(html).toContain(`<svg class="chart" data-chart="${chart}"`);
    expect(html).toMatch(/<g data-label="信息技术">.*?data-segment="pass" data-value="1"/);
    expect(html).toMatch(/<g data-label="宁波市">.*?data-segment="review" data-value="1".*?data-segment="fail" data-value="1"/);
    expect(html).toMatch(/<g data-label="身份证号">.*?data-segment="error" data-value="2"/);
    expect(html).toContain('<table class="applicants" data-status="fail">');
    expect(html).toContain('2021年继续教育学时 72 &lt; 90，差 18 学时');
    expect(html).toContain('data-days-left="16">还有 16 天');
    expect(html).toContain('data-days-left="-17">已过 17 天');
    expect(html).toContain('data-exceptions="stale"');
    expect(html).toContain('<code class="sha">' + 'c'.repeat(64) + '</code>');
    expect(html).toContain('publicity-days');
  });

  it('names rules by their short Chinese name, never by the English id; one verdict vocabulary', () => {
    for (const id of makeRun().rules.map((r) => r.id)) {
      expect(html).not.toContain(`[${id}]`);
      expect(html).not.toContain(`>${id}<`);
      expect(html).not.toContain(`"${id}"`);
    }
    expect(html).toContain('<td>花名册填写了公需科目…</td>'); // the exception applied
    // Findings are 错误 / 警告 / 提示; 需复核 is no word of ours (待复核 is the applicants').
    expect(html).not.toMatch(/>需复核</);
    expect(html).toMatch(/<span class="sev warn">警告<\/span>/);
    // The chart's legend too.
    expect(html).toMatch(/data-chart="rule"[\s\S]*?<div class="legend">.*?错误.*?警告/);
  });

  it('masks ID numbers everywhere, and shows them only with mask off', () => {
    for (const id of Object.values(IDS)) expect(html).not.toContain(id);
    expect(html).toContain(`${IDS.wang.slice(0, 6)}********${IDS.wang.slice(-4)}`);
    const full = formatHtmlReport(makeRun(), { lang: 'zh', mask: false, ruleSet });
    expect(full).toContain(IDS.wang);
    expect(full).toContain('本报告含完整身份证号');
  });

  it('escapes whatever the rosters hold', () => {
    const run = makeRun();
    run.applicants[2]!.name = '<script>alert(1)</script>';
    run.applicants[2]!.unit = '"><img src=x onerror=alert(1)>';
    const page = formatHtmlReport(run, { lang: 'zh', mask: true, ruleSet });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(fetchable(page)).toEqual([]);
  });

  it('names a bundled rule set\'s origin in words (内置规则集 <id>), not the internal token', () => {
    expect(html).toContain('内置规则集 zj-2023-zhenggao');
    expect(html).not.toContain('bundled:');
    expect(formatHtmlReport(makeRun(), { lang: 'en', mask: true, ruleSet })).toContain('bundled rule set zj-2023-zhenggao');
  });

  it('speaks English with lang en', () => {
    const en = formatHtmlReport(makeRun(), { lang: 'en', mask: true, ruleSet });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Applicants needing action');
    expect(en).toContain('16 day(s) left');
  });

  it('names rules by their English short title in en (findings, the rule key), never by id', () => {
    const run = makeRun();
    const titled = { ...run, rules: run.rules.map((r) => ({ ...r, title: { zh: `${r.id}名`, en: `Title of ${r.id}` } })) };
    const en = formatHtmlReport(titled, { lang: 'en', mask: true, ruleSet });
    expect(en).toContain('<span class="rule">[Title of cpd-hours]</span>');
    expect(en).toContain('<tr><td>Title of duplicate</td>');
    expect(en).not.toMatch(/<code>(cpd-hours|duplicate)<\/code>/);
  });
});

const chromium = findChromium();

// The one Chromium smoke test of the fast suite; the screenshot and PDF are in html-report-render.test.ts (slow).
describe('预审报告.html in headless Chromium', () => {
  it.skipIf(!chromium)(`renders: counts, charts and masked IDs in the DOM${chromium ? '' : ' (SKIPPED: chromium not installed)'}`, () => {
    const dir = makeTempDir('rs-html-');
    const file = path.join(dir, '预审报告.html');
    writeFileSync(file, html);
    const dom = runChromium(chromium!, file, ['--dump-dom', '--virtual-time-budget=2000']);
    expect(dom.status, dom.stderr).toBe(0);
    expect(dom.stdout).toContain('<div class="n" id="count-fail">2</div>');
    expect(dom.stdout).toContain('<div class="n" id="count-pass">4</div>');
    expect(dom.stdout.match(/<svg class="chart"/g)).toHaveLength(4);
    expect(dom.stdout).toContain(`${IDS.zhao.slice(0, 6)}********${IDS.zhao.slice(-4)}`);
    for (const id of Object.values(IDS)) expect(dom.stdout).not.toContain(id);
  });
});
