// Rounds are data, end to end: the samples, moved to the 2025 round (headers 2023–2025), screened with a
// rule set made by `rules init --year 2025` and filled in. No output may name 2021 or 2022 — the
// inputs no longer do, so any that appears was written by the tool — and each CPD year's hours appear
// under their own heading.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { fillPlaceholders } from '../ruleset/next-round.js';

// Years of the sample data moved so none becomes 2021 or 2022: the round's 2021–2024 move by two,
// the two years before them back by two (they stay before the CPD years). Days of the round itself
// (2023–2024: applications, 公示, recommendations) move by 104 weeks, so weekdays and working days stay.
const MOVE: Record<number, number> = { 2019: 2017, 2020: 2018, 2021: 2023, 2022: 2024, 2023: 2025, 2024: 2026 };
const moveYear = (y: number) => MOVE[y] ?? y;
const WEEKS = 104 * 7 * 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function moveDay(y: number, m: number, d: number): Date {
  const t = Date.UTC(y, m - 1, d);
  return new Date(y === 2023 || y === 2024 ? t + WEEKS : Date.UTC(moveYear(y), m - 1, d));
}
function moveText(s: string): string {
  return s
    .replace(/(?<!\d)(202[34])-(\d{2})-(\d{2})(?!\d)/g, (_m, y: string, m: string, d: string) => isoDay(moveDay(+y, +m, +d)))
    .replace(/(?<!\d)(202[34])年(\d{1,2})月(\d{1,2})日/g, (_m, y: string, m: string, d: string) => {
      const t = moveDay(+y, +m, +d);
      return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
    })
    .replace(/(?<!\d)(20\d{2})(?!\d)/g, (m) => String(moveYear(Number(m))));
}

async function moveWorkbook(from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') cell.value = moveText(v);
        else if (v instanceof Date) cell.value = moveDay(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()); else if (typeof v === 'number' && Number.isInteger(v) && v >= 2013 && v <= 2026) cell.value = moveYear(v);
        else if (v && typeof v === 'object' && 'richText' in v) cell.value = { richText: v.richText.map((r) => ({ ...r, text: moveText(r.text) })) };
      }),
    ),
  );
  await wb.xlsx.writeFile(to);
}

/** Every part of an xlsx as text, or a text file as is, minus what is not words: URLs, hashes, GUIDs, data URIs. */
function textOf(file: string): string {
  const raw = file.endsWith('.xlsx')
    ? Object.entries(unzipSync(readFileSync(file)))
        .filter(([name]) => /\.(xml|rels)$/.test(name))
        .map(([, bytes]) => Buffer.from(bytes).toString('utf8'))
        .join('\n')
    : readFileSync(file, 'utf8');
  return withoutTemp(raw)
    .replace(/https?:\/\/[^"'\s<>]+/g, '')
    .replace(/data:[^"')\s]+/g, '')
    .replace(/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/g, '')
    .replace(/[0-9a-f]{16,}/g, '');
}

// The temp folder's random name could hold the digits.
const withoutTemp = (text: string) => text.replaceAll(dir, '<tmp>');

/** Where 2021 or 2022 appears as a year (not inside a longer number). */
function staleYears(text: string): string[] {
  return [...withoutTemp(text).matchAll(/.{0,30}(?<![\d.])(?:2021|2022)(?![\d.]).{0,30}/g)].map((m) => m[0]);
}

let dir: string;
let rules: string;
let inDir: string;
let outDir: string;
const stdout: Record<string, string> = {};

beforeAll(async () => {
  dir = makeTempDir('rs-next-round-');
  rules = path.join(dir, 'zj-2025-zhenggao.yaml');
  const init = runCli(['rules', 'init', '--from', 'zj-2023-zhenggao', '--year', '2025', '--id', 'zj-2025-zhenggao', '--out', rules]);
  expect(init.status, init.stderr).toBe(0);
  stdout['init'] = init.stdout;
  stdout['check-unfilled'] = JSON.stringify(runCli(['rules', 'check', rules]));
  writeFileSync(rules, await fillPlaceholders(readFileSync(rules, 'utf8')));

  inDir = path.join(dir, 'in');
  mkdirSync(inDir);
  for (const f of readdirSync(path.join(ROOT, 'samples/regional'))) {
    const src = path.join(ROOT, 'samples/regional', f);
    if (f.endsWith('.xlsx')) await moveWorkbook(src, path.join(inDir, f));
    // The sample CSV is GBK, as Excel saves it on Chinese Windows; the moved copy is UTF-8 with a BOM.
    else if (f.endsWith('.csv')) writeFileSync(path.join(inDir, f), `\uFEFF${moveText(new TextDecoder('gb18030').decode(readFileSync(src)))}`);
  }
  await moveWorkbook(path.join(ROOT, 'samples/employer/花名册-杭州某某科技.xlsx'), path.join(dir, '花名册-杭州某某科技.xlsx'));
  outDir = path.join(dir, 'out');
  const asOf = ['--as-of', '2026-03-25', '--no-progress'];
  const regional = runCli([inDir, '--rules', rules, '--out-dir', outDir, '--include-review', ...asOf]);
  expect(regional.status, regional.stderr).toBe(1);
  stdout['terminal'] = regional.stdout;
  stdout['terminal-en'] = runCli([path.join(dir, '花名册-杭州某某科技.xlsx'), '--rules', rules, '--lang', 'en', '--no-write', ...asOf]).stdout;
  stdout['json'] = runCli([path.join(dir, '花名册-杭州某某科技.xlsx'), '--rules', rules, '--format', 'json', '--no-write', ...asOf]).stdout;
  const template = path.join(dir, '模板.xlsx');
  const t = runCli(['template', '--rules', rules, '--out', template]);
  expect(t.status, t.stderr).toBe(0);
  copyFileSync(template, path.join(outDir, '模板.xlsx'));
}, 120_000);

describe('a 2025 round from rules init --year, end to end', () => {
  it('the inputs no longer name 2021 or 2022', () => {
    for (const f of readdirSync(inDir)) expect(staleYears(textOf(path.join(inDir, f))), f).toEqual([]);
  });

  it('the unfilled copy is refused, naming each 待填 line; the init summary lists them', () => {
    const check = JSON.parse(stdout['check-unfilled']!) as { status: number; stdout: string };
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/zj-2025-zhenggao\.yaml:\d+ notice\.number: 仍为"待填"/);
    expect(check.stdout).toMatch(/zj-2025-zhenggao\.yaml:\d+ round\.deadlines\[0\]\.date: 仍为"待填"/);
    expect(stdout['init']).toContain('写为"待填"');
  });

  it('no output names 2021 or 2022: terminal, JSON, lists, HTML, Markdown, CSV, annotated copies, template', () => {
    for (const [name, text] of Object.entries(stdout)) {
      if (name === 'init' || name === 'check-unfilled') continue;
      expect(staleYears(text), name).toEqual([]);
    }
    const files = readdirSync(outDir).filter((f) => statSync(path.join(outDir, f)).isFile());
    expect(files).toEqual(expect.arrayContaining(['推荐名单.xlsx', '退回清单.xlsx', 'report.json', 'summary.md', 'findings.csv', '预审报告.html', '模板.xlsx']));
    expect(files.some((f) => f.endsWith('.screened.xlsx'))).toBe(true);
    for (const f of files) expect(staleYears(textOf(path.join(outDir, f))), f).toEqual([]);
  });

  it('each CPD year’s hours are read under its own heading and shown under it', async () => {
    const report = JSON.parse(stdout['json']!) as { applicants: { findings: { ruleId: string; message: string }[] }[] };
    const cpd = report.applicants.flatMap((a) => a.findings.filter((f) => f.ruleId === 'cpd-hours').map((f) => f.message));
    // The sample's 2022 shortfall (72 hours) is now 2024's.
    expect(cpd.some((m) => m.startsWith('2024年继续教育72学时'))).toBe(true);
    // Every year's column was found (a core column missing would say 花名册无…列).
    expect(cpd.filter((m) => m.includes('花名册无'))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, '推荐名单.xlsx'));
    // Each sheet (推荐, and 待复核 with --include-review) heads its CPD group 2023年 | 2024年 | 2025年,
    // each with the hours beneath.
    const under: unknown[][] = [[], [], []];
    let headed = 0;
    for (const ws of wb.worksheets) {
      let at: { row: number; col: number } | undefined;
      ws.eachRow((row, r) => row.eachCell((c, col) => {
        if (c.value === '2023年' && row.getCell(col + 1).value === '2024年' && row.getCell(col + 2).value === '2025年') at = { row: r, col };
      }));
      expect(at, `CPD headings 2023年–2025年 on ${ws.name}`).toBeDefined();
      expect(ws.getCell(at!.row - 1, at!.col).value).toBe('继续教育学时');
      headed++;
      for (let k = 0; k < 3; k++) for (let r = at!.row + 1; r <= ws.rowCount; r++) under[k]!.push(ws.getCell(r, at!.col + k).value);
    }
    expect(headed).toBeGreaterThan(0);
    under.forEach((values, k) => expect(values.some((v) => typeof v === 'number' && v > 0), `hours under ${2023 + k}年`).toBe(true));
  });
});
