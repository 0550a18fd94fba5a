// Regression (was a bug): the reader and the annotated-copy writer resolved part names each their
// own way. Rels naming the sheet `worksheets\sheet1.xml` or `worksheets/sheet%201.xml` were
// screened with --no-write, but the default run exited 2 ("sheet not found") and lost the result;
// zip entries named with backslashes were read, then the copy failed. Both now go through one
// package layer (src/ooxml): the same workbooks are screened and annotated.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { applicants, rosterXlsx } from '../hostile/build.js';
import { put, screen, tempDir } from '../hostile/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ten = applicants(10);

/** The test roster with its parts rewritten by `edit` (names → text or bytes). */
function variant(edit: (files: Record<string, Uint8Array>) => Zippable): Uint8Array {
  return zipSync(edit(unzipSync(rosterXlsx({ rows: ten }))));
}

function retarget(files: Record<string, Uint8Array>, from: string, to: string): void {
  const rels = 'xl/_rels/workbook.xml.rels';
  files[rels] = strToU8(strFromU8(files[rels]!).replace(`Target="${from}"`, `Target="${to}"`));
}

const cases: [string, Uint8Array][] = [
  [
    'backslash.xlsx',
    variant((f) => {
      retarget(f, 'worksheets/sheet1.xml', 'worksheets\\sheet1.xml');
      return f;
    }),
  ],
  [
    'percent.xlsx',
    variant((f) => {
      f['xl/worksheets/sheet 1.xml'] = f['xl/worksheets/sheet1.xml']!;
      delete f['xl/worksheets/sheet1.xml'];
      retarget(f, 'worksheets/sheet1.xml', 'worksheets/sheet%201.xml');
      return f;
    }),
  ],
  [
    'absolute.xlsx',
    variant((f) => {
      retarget(f, 'worksheets/sheet1.xml', '/xl/worksheets/sheet1.xml');
      retarget(f, 'styles.xml', '/xl/styles.xml');
      return f;
    }),
  ],
  [
    'entry-backslashes.xlsx',
    // Zip entry names written with Windows separators, and in another case than the rels use
    // (xl\Worksheets\Sheet1.xml …): part names compare case-insensitively.
    variant((f) =>
      Object.fromEntries(Object.entries(f).map(([name, data]) => [name.replace('worksheets/sheet', 'Worksheets/Sheet').replace(/\//g, '\\'), data])),
    ),
  ],
];

interface Summary {
  summary: { total: number; pass: number };
}

describe('part names the reader and the annotated copy resolve alike', () => {
  it.each(cases)('%s: screened with --no-write', (name, bytes) => {
    const dir = tempDir();
    dirs.push(dir);
    const file = put(dir, name, bytes);
    const r = screen([file], ['--no-write', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Summary).summary).toMatchObject({ total: 10, pass: 10 });
  });

  it.each(cases)('%s: screened and annotated by the default run', (name, bytes) => {
    const dir = tempDir();
    dirs.push(dir);
    const file = put(dir, name, bytes);
    const out = path.join(dir, 'out');
    const r = screen([file], ['--out-dir', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Summary;
    expect(doc.summary).toMatchObject({ total: 10, pass: 10 });

    // The copy: its roster sheet carries our two columns, no entry name has a backslash, no name twice.
    const copy = readFileSync(path.join(out, name.replace(/\.xlsx$/, '.screened.xlsx')));
    const parts = unzipSync(copy);
    const names = Object.keys(parts);
    expect(names.filter((n) => n.includes('\\'))).toEqual([]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const sheet = names.find((n) => /^xl\/worksheets\/sheet ?1\.xml$/i.test(n));
    expect(sheet).toBeDefined();
    expect(strFromU8(parts[sheet!]!)).toContain('预审结论');

    // And the copy reads back with the same verdicts.
    const again = screen([put(dir, 'copy.xlsx', copy)], ['--no-write', '--format', 'json']);
    expect(again.status).toBe(0);
    expect((JSON.parse(again.stdout) as Summary).summary).toMatchObject({ total: 10, pass: 10 });
  });
});
