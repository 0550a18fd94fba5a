// `--format json --out-dir`: the JSON on stdout is the report.json just written to the folder,
// copied rather than built twice, so the two must be the same document to the byte, in both
// languages, also past the 64 KiB pieces the copy reads (Chinese text split across two pieces).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { who, writeWorkbook } from '../helpers/office-workbook.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('screen --format json --out-dir', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = makeTempDir();
    file = path.join(dir, '花名册.xlsx');
    // Every third applicant lacks its 申报专业: a report with findings, well over 64 KiB.
    const rows = Array.from({ length: 240 }, (_, i) => who(`申报人${i}`, i + 1, i % 3 === 0 ? { specialty: null } : {}));
    await writeWorkbook(file, [{ name: '信息技术', rows }]);
  });

  it.each([
    ['zh', []],
    ['en', ['--lang', 'en', '--no-mask']],
  ])('prints exactly report.json (%s)', (lang, more) => {
    const out = path.join(dir, `out-${lang}`);
    const r = runCli([file, '--out-dir', out, '--format', 'json', '--as-of', '2024-03-01', '--no-progress', ...more]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const written = readFileSync(path.join(out, 'report.json'), 'utf8');
    expect(written.length).toBeGreaterThan(65_536);
    expect(r.stdout).toBe(written);
    const doc = JSON.parse(r.stdout) as { applicants: { status: string; findings: { message: string }[] }[] };
    expect(doc.applicants).toHaveLength(240);
    expect(doc.applicants.filter((a) => a.status === 'fail')).toHaveLength(80);
    const message = doc.applicants[0]!.findings[0]!.message;
    expect(/[\u4e00-\u9fff]/.test(message)).toBe(lang === 'zh');
  });

  it('without an output folder (nothing written) still prints the whole report, built for stdout', () => {
    const r = runCli([file, '--format', 'json', '--as-of', '2024-03-01', '--no-progress', '--no-write']);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { applicants: unknown[] }).applicants).toHaveLength(240);
  });
});
