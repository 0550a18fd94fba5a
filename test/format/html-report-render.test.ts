// 预审报告.html rendered to pixels and to PDF in headless Chromium: slow (npm run test:slow).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHtmlReport } from '../../src/format/html/report.js';
import { fixtureRuleSet, makeRun } from '../regional/run-fixture.js';
import { findChromium, runChromium } from './chromium.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const html = formatHtmlReport(makeRun(), { lang: 'zh', mask: true, ruleSet: fixtureRuleSet() });
const chromium = findChromium();

describe('预审报告.html rendered by headless Chromium', () => {
  it.skipIf(!chromium)(`takes a screenshot${chromium ? '' : ' (SKIPPED: chromium not installed)'}`, () => {
    const dir = makeTempDir('rs-html-');
    const file = path.join(dir, '预审报告.html');
    writeFileSync(file, html);
    const png = path.join(dir, 'shot.png');
    const shot = runChromium(chromium!, file, [`--screenshot=${png}`, '--window-size=1280,2000']);
    expect(shot.status, shot.stderr).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });

  it.skipIf(!chromium)(`prints to PDF${chromium ? '' : ' (SKIPPED: chromium not installed)'}`, () => {
    const dir = makeTempDir('rs-html-');
    const file = path.join(dir, 'report.html');
    writeFileSync(file, html);
    const pdf = path.join(dir, 'report.pdf');
    const r = runChromium(chromium!, file, [`--print-to-pdf=${pdf}`, '--no-pdf-header-footer']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
