// Before/after guard for refactors: every output the samples produce, normalised to text and kept as
// file snapshots (test/samples/__snapshots__/). A change of behaviour shows as a snapshot diff; when
// the change is intended, `npx vitest run test/samples/output-snapshot.test.ts -u` records it and the
// diff is reviewed in the commit.
// - report.json, summary.md, findings.csv, the HTML report: as written (run-dependent fields blanked).
// - Annotated copies (our zip patching): every part of the package, XML as text, other parts by hash.
// - 推荐名单 / 退回清单 (written by exceljs, whose zip carries write times): cell values and styles.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'rs-snapshot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const AS_OF = ['--as-of', '2024-03-25', '--no-progress'];

function normaliseText(text: string): string {
  return text
    .replaceAll(tmp, '<tmp>')
    .replaceAll(ROOT, '<root>/')
    .replace(/"(elapsedMs|durationMs|generatedAt|startedAt)":\s*("[^"]*"|\d+)/g, '"$1": "<run>"')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>');
}

function zipParts(file: string): string {
  const parts = unzipSync(readFileSync(file));
  return Object.keys(parts)
    .sort()
    .map((name) => {
      const bytes = parts[name]!;
      const body = /\.(xml|rels|vml)$/.test(name)
        ? normaliseText(Buffer.from(bytes).toString('utf8'))
        : `<${bytes.length} bytes sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}>`;
      return `=== ${name}\n${body}`;
    })
    .join('\n');
}

async function workbookCells(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`=== sheet ${ws.name} (${ws.state}) print ${JSON.stringify(ws.pageSetup)}`);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const style = JSON.stringify({ font: cell.font, fill: cell.fill, alignment: cell.alignment, numFmt: cell.numFmt });
        out.push(`${r}:${c} ${JSON.stringify(cell.value)} ${style}`);
      });
    });
  });
  return normaliseText(out.join('\n'));
}

function outputsOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

async function snapshotDir(dir: string, name: string): Promise<void> {
  for (const file of outputsOf(dir)) {
    const full = path.join(dir, file);
    let text: string;
    if (file.endsWith('.screened.xlsx')) text = zipParts(full);
    else if (file.endsWith('.xlsx')) text = await workbookCells(full);
    else text = normaliseText(readFileSync(full, 'utf8'));
    await expect(text).toMatchFileSnapshot(`__snapshots__/${name}/${file}.txt`);
  }
}

describe('sample outputs stay as recorded', () => {
  it('employer roster with integrity and exceptions lists: JSON and annotated copy', async () => {
    const out = path.join(tmp, 'employer');
    const r = runCli([
      'samples/employer/花名册-杭州某某科技.xlsx',
      '--integrity', 'samples/lists/诚信档案名单.xlsx',
      '--exceptions', 'samples/lists/例外.xlsx',
      '--format', 'json', '--out-dir', out, ...AS_OF,
    ]);
    expect(r.status, r.stderr).toBe(1);
    await expect(normaliseText(r.stdout)).toMatchFileSnapshot('__snapshots__/employer/stdout.json.txt');
    expect(outputsOf(out).length).toBeGreaterThan(0);
    await snapshotDir(out, 'employer');
  });

  it('employer roster in English: terminal text', async () => {
    const r = runCli(['samples/employer/花名册-杭州某某科技.xlsx', '--lang', 'en', '--no-write', ...AS_OF]);
    expect(r.status, r.stderr).toBe(1);
    await expect(normaliseText(r.stdout)).toMatchFileSnapshot('__snapshots__/employer-en/stdout.txt');
  });

  it('regional folder: every combined output and every annotated copy', async () => {
    const out = path.join(tmp, 'regional');
    const r = runCli(['samples/regional', '--out-dir', out, '--include-review', ...AS_OF]);
    expect(r.status, r.stderr).toBe(1);
    await expect(normaliseText(r.stdout)).toMatchFileSnapshot('__snapshots__/regional/stdout.txt');
    expect(outputsOf(out)).toContain('report.json');
    await snapshotDir(out, 'regional');
  });
});
